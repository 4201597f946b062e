// docker update: new resource limits or restart policy for running or stopped containers
// (cli/command/container/update.go). Each name is echoed on success; warnings follow on stdout.
import type { ContainerUpdateConfig } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getInt, getString } from "../flags/flag-spec.js";
import { parseMemory, parseRestart } from "./container-options.js";
import { daemonMessage } from "./common.js";

/** opts.NanoCPUs: a decimal number of CPUs, in billionths. */
function parseCpus(text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new StatusError(125, `invalid argument "${text}" for "--cpus" flag: failed to parse ${text} as a rational number`);
  return Math.round(n * 1e9);
}

export const update: CommandDef = {
  name: "update",
  usage: "[OPTIONS] CONTAINER [CONTAINER...]",
  description: "Update configuration of one or more containers",
  flags: [
    { name: "blkio-weight", kind: "uint", typeName: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable" },
    { name: "cpu-period", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
    { name: "cpu-quota", kind: "int", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
    { name: "cpu-rt-period", kind: "int", usage: "Limit the CPU real-time period in microseconds" },
    { name: "cpu-rt-runtime", kind: "int", usage: "Limit the CPU real-time runtime in microseconds" },
    { name: "cpu-shares", short: "c", kind: "int", usage: "CPU shares (relative weight)" },
    { name: "cpus", kind: "string", typeName: "decimal", usage: "Number of CPUs" },
    { name: "cpuset-cpus", kind: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
    { name: "cpuset-mems", kind: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
    { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
    { name: "memory-reservation", kind: "bytes", usage: "Memory soft limit" },
    { name: "memory-swap", kind: "string", typeName: "bytes", usage: "Swap limit equal to memory plus swap: -1 to enable unlimited swap" },
    { name: "pids-limit", kind: "int", usage: "Tune container pids limit (set -1 for unlimited)" },
    { name: "restart", kind: "string", usage: "Restart policy to apply when a container exits" },
  ],
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    if (flags.changed.size === 0) throw new StatusError(1, "you must provide one or more flags when using this command");
    const config: ContainerUpdateConfig = {};
    const set = flags.changed;
    try {
      if (set.has("memory")) config.Memory = parseMemory(getString(flags, "memory"));
      if (set.has("memory-reservation")) config.MemoryReservation = parseMemory(getString(flags, "memory-reservation"));
      if (set.has("memory-swap")) {
        const swap = getString(flags, "memory-swap");
        config.MemorySwap = swap === "-1" ? -1 : parseMemory(swap);
      }
      if (set.has("restart")) {
        const policy = parseRestart(getString(flags, "restart"));
        config.RestartPolicy = { Name: policy.Name, MaximumRetryCount: policy.MaximumRetryCount };
      }
    } catch (error) {
      throw new StatusError(1, daemonMessage(error));
    }
    if (set.has("cpus")) config.NanoCpus = parseCpus(getString(flags, "cpus"));
    if (set.has("cpu-shares")) config.CpuShares = getInt(flags, "cpu-shares", 0);
    if (set.has("cpu-period")) config.CpuPeriod = getInt(flags, "cpu-period", 0);
    if (set.has("cpu-quota")) config.CpuQuota = getInt(flags, "cpu-quota", 0);
    if (set.has("cpu-rt-period")) config.CpuRealtimePeriod = getInt(flags, "cpu-rt-period", 0);
    if (set.has("cpu-rt-runtime")) config.CpuRealtimeRuntime = getInt(flags, "cpu-rt-runtime", 0);
    if (set.has("cpuset-cpus")) config.CpusetCpus = getString(flags, "cpuset-cpus");
    if (set.has("cpuset-mems")) config.CpusetMems = getString(flags, "cpuset-mems");
    if (set.has("blkio-weight")) config.BlkioWeight = getInt(flags, "blkio-weight", 0);
    if (set.has("pids-limit")) config.PidsLimit = getInt(flags, "pids-limit", 0);
    const warnings: string[] = [];
    const errors: string[] = [];
    for (const id of flags.args) {
      try {
        const result = await client.containerUpdate(id, config);
        io.stdout(`${id}\n`);
        warnings.push(...(result.Warnings ?? []));
      } catch (error) {
        errors.push(daemonMessage(error));
      }
    }
    if (warnings.length > 0) io.stdout(`${warnings.join("\n")}\n`);
    if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
  },
};
