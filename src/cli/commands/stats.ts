// docker stats --no-stream: one frame per container, laid out by the stats formatter
// (cli/command/container/stats.go, stats_helpers.go, formatter_stats.go).
import type { ContainerStats } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getString } from "../flags/flag-spec.js";
import { bytesSize, humanSizeWithPrecision, renderFormat, truncateId } from "../format/index.js";
import { daemonMessage, formatFlag } from "./common.js";

export const statsHeaders: Record<string, string> = {
  Container: "CONTAINER",
  ID: "CONTAINER ID",
  Name: "NAME",
  CPUPerc: "CPU %",
  MemUsage: "MEM USAGE / LIMIT",
  MemPerc: "MEM %",
  NetIO: "NET I/O",
  BlockIO: "BLOCK I/O",
  PIDs: "PIDS",
};

export const defaultStatsFormat = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

/** calculateCPUPercentUnix: the share of host CPU time between the frame's two samples. */
function cpuPercent(s: ContainerStats): number {
  const cpuDelta = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage;
  const systemDelta = (s.cpu_stats.system_cpu_usage ?? 0) - (s.precpu_stats.system_cpu_usage ?? 0);
  const cpus = s.cpu_stats.online_cpus || s.cpu_stats.cpu_usage.percpu_usage?.length || 0;
  return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * cpus * 100 : 0;
}

/** calculateMemUsageUnixNoCache: usage without the inactive page cache (cgroup v1 or v2). */
function memoryUsage(s: ContainerStats): number {
  const usage = s.memory_stats.usage ?? 0;
  const stats = s.memory_stats.stats ?? {};
  const v1 = stats["total_inactive_file"];
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats["inactive_file"] ?? 0;
  return v2 < usage ? usage - v2 : usage;
}

function blockIo(s: ContainerStats): [number, number] {
  let read = 0;
  let write = 0;
  for (const entry of s.blkio_stats.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === "read") read += entry.value;
    if (op === "write") write += entry.value;
  }
  return [read, write];
}

export function statsContext(container: string, s: ContainerStats, trunc: boolean) {
  const memory = memoryUsage(s);
  const limit = s.memory_stats.limit ?? 0;
  const networks = Object.values(s.networks ?? {});
  const rx = networks.reduce((n, v) => n + v.rx_bytes, 0);
  const tx = networks.reduce((n, v) => n + v.tx_bytes, 0);
  const [read, write] = blockIo(s);
  const pct = (n: number) => `${n.toFixed(2)}%`;
  return {
    Container: () => container,
    ID: () => (trunc ? truncateId(s.id) : s.id),
    Name: () => (s.name.length > 1 ? s.name.slice(1) : "--"),
    CPUPerc: () => pct(cpuPercent(s)),
    MemUsage: () => `${bytesSize(memory)} / ${bytesSize(limit)}`,
    MemPerc: () => pct(limit > 0 ? (memory / limit) * 100 : 0),
    NetIO: () => `${humanSizeWithPrecision(rx, 3)} / ${humanSizeWithPrecision(tx, 3)}`,
    BlockIO: () => `${humanSizeWithPrecision(read, 3)} / ${humanSizeWithPrecision(write, 3)}`,
    PIDs: () => String(s.pids_stats.current ?? 0),
  };
}

export const stats: CommandDef = {
  name: "stats",
  usage: "[OPTIONS] [CONTAINER...]",
  description: "Display a live stream of container(s) resource usage statistics",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Show all containers (default shows just running)" },
    formatFlag,
    { name: "no-stream", kind: "bool", usage: "Disable streaming stats and only pull the first result" },
    { name: "no-trunc", kind: "bool", usage: "Do not truncate output" },
  ],
  args: { kind: "min", n: 0 },
  async run({ io, client }, flags) {
    let targets = flags.args;
    if (targets.length === 0) {
      const list = await client.containerList({ all: getBool(flags, "all") });
      targets = list.map((c) => c.Id);
    }
    const rows = [];
    const errors: string[] = [];
    for (const target of targets) {
      try {
        rows.push(statsContext(target, await client.containerStats(target), !getBool(flags, "no-trunc")));
      } catch (error) {
        errors.push(daemonMessage(error));
      }
    }
    if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
    // Streaming (redrawing every second) is not emulated: every form prints one table.
    io.stdout(renderFormat({ format: getString(flags, "format") || defaultStatsFormat, rows, header: statsHeaders, typeName: "*container.statsContext" }));
  },
};
