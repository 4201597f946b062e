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
  description: "Change the resource limits or restart policy of containers",
  flags: [
    { name: "blkio-weight", kind: "uint", typeName: "uint16", defaultText: "0", usage: "Relative block IO weight, from 10 to 1000 (0 turns it off)" },
    { name: "cpu-period", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) period" },
    { name: "cpu-quota", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) quota" },
    { name: "cpu-rt-period", kind: "int", usage: "CPU real-time period, in microseconds" },
    { name: "cpu-rt-runtime", kind: "int", usage: "CPU real-time runtime, in microseconds" },
    { name: "cpu-shares", short: "c", kind: "int", usage: "Relative CPU weight" },
    { name: "cpus", kind: "string", typeName: "decimal", usage: "How many CPUs the container may use" },
    { name: "cpuset-cpus", kind: "string", usage: "CPUs the container may run on (0-3, 0,1)" },
    { name: "cpuset-mems", kind: "string", usage: "Memory nodes the container may use (0-3, 0,1)" },
    { name: "memory", short: "m", kind: "bytes", usage: "Cap on memory use" },
    { name: "memory-reservation", kind: "bytes", usage: "Soft cap on memory use" },
    { name: "memory-swap", kind: "string", typeName: "bytes", usage: "Memory plus swap limit; -1 lifts the swap limit" },
    { name: "pids-limit", kind: "int", usage: "Most processes the container may have (-1: no limit)" },
    { name: "restart", kind: "string", usage: "When to restart the container after it exits" },
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
