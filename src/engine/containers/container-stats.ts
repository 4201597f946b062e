// GET /containers/{id}/stats and /top: what a cgroup and `ps` would report for the container's
// one process. Figures are small and fixed per program, so tables are reproducible.
import { conflict, invalidParameter } from "../errors.js";
import { rfc3339Nano } from "../time-format.js";
import type { ContainerRecord } from "./container-record.js";

const MiB = 1024 * 1024;
/** Resident memory of a freshly started program, roughly what the real images use. */
const memoryByProgram: Record<string, number> = {
  nginx: 9.6 * MiB, httpd: 7.2 * MiB, "redis-server": 3.9 * MiB, postgres: 28.4 * MiB, mysqld: 370 * MiB,
  node: 41 * MiB, python: 9.1 * MiB, python3: 9.1 * MiB, registry: 6.3 * MiB,
};
const hostMemory = 8_217_796_608;

/** What the container has done since it started, as the cgroup and its interfaces count it. */
export interface Activity {
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
  /** Requests its services answered. */
  served: number;
  /** Processes running now, and started since the container started. */
  processes: number;
  processesStarted: number;
  /** Bytes in the writable layer: page cache the container's writes filled. */
  written: number;
}

const idle: Activity = { rxBytes: 0, txBytes: 0, rxPackets: 0, txPackets: 0, served: 0, processes: 1, processesStarted: 1, written: 0 };
/** CPU a served request or a started process costs, in ns. */
const cpuPerRequest = 180_000;
const cpuPerProcess = 1_900_000;
const onlineCpus = 4;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The main process's argv after an image's entrypoint script has exec'd the command. */
export function mainProcessArgv(c: ContainerRecord): string[] {
  const argv = [c.Path, ...c.Args];
  return /^(docker-)?entrypoint\.sh$/.test(baseName(c.Path)) && argv.length > 1 ? argv.slice(1) : argv;
}

function memoryUsage(c: ContainerRecord, activity: Activity = idle): number {
  const argv = mainProcessArgv(c);
  const base = memoryByProgram[baseName(argv[0] ?? "")] ?? 0.5 * MiB;
  // Each extra process holds its own pages (cgroup v2's usage leaves the page cache out).
  return Math.round(base + (activity.processes - 1) * 0.6 * MiB);
}

/**
 * CPU time a program burns per second of running, in nanoseconds: idle servers wake for their
 * housekeeping (redis' hz, postgres' background writers), the rest sleep.
 */
const cpuRateByProgram: Record<string, number> = { "redis-server": 2_100_000, postgres: 240_000, mysqld: 5_800_000, httpd: 30_000, nginx: 20_000 };
/** What starting the program cost, before it settled. */
const startupCpu = 21_000_000;

type CpuStats = ReturnType<typeof cpuStats>;

function cpuStats(total: number, system: number, running: boolean) {
  const usage = { total_usage: total, usage_in_kernelmode: Math.floor(total / 3), usage_in_usermode: total - Math.floor(total / 3) };
  const throttling = { periods: 0, throttled_periods: 0, throttled_time: 0 };
  // system_cpu_usage and online_cpus are omitempty in moby's CPUStats.
  return running ? { cpu_usage: usage, system_cpu_usage: system, online_cpus: onlineCpus, throttling_data: throttling } : { cpu_usage: usage, throttling_data: throttling };
}

const emptyCpu = (): CpuStats => cpuStats(0, 0, false);

function isRunning(c: ContainerRecord): boolean {
  return c.State.Running && !c.State.Restarting;
}

/** The container's cgroup CPU counters at `now`: cumulative since it started. */
function cpuAt(c: ContainerRecord, now: number, activity: Activity = idle): CpuStats {
  if (!isRunning(c)) return emptyCpu();
  const seconds = Math.max(0, now - c.State.StartedAt) / 1000;
  const rate = cpuRateByProgram[baseName(mainProcessArgv(c)[0] ?? "")] ?? 0;
  const work = activity.served * cpuPerRequest + (activity.processesStarted - 1) * cpuPerProcess;
  return cpuStats(startupCpu + Math.round(rate * seconds) + work, Math.round(now * 1e6 * onlineCpus), true);
}

const zeroTime = "0001-01-01T00:00:00Z";

/**
 * One stats frame (cgroup v2 layout) read at `now`, with the previous sample's CPU counters and
 * read time as precpu_stats and preread. A container that is not running reports only its name
 * and id, as the daemon's empty StatsResponse does.
 */
export function statsFrame(c: ContainerRecord, now: number, previous?: { read: number; cpu: CpuStats }, activity: Activity = idle) {
  const running = isRunning(c);
  const usage = running ? memoryUsage(c, activity) : 0;
  const limit = Number(c.HostConfig["Memory"] ?? 0) || hostMemory;
  const uptime = running ? now - c.State.StartedAt : 0;
  const networks = running
    ? Object.fromEntries(
        Object.keys(c.Networks).map((_, i) => [
          `eth${i}`,
          // The first interface carries the traffic; each starts with the neighbour discovery
          // a new interface sees.
          i === 0
            ? { rx_bytes: 872 + activity.rxBytes, rx_packets: 10 + activity.rxPackets, rx_errors: 0, rx_dropped: 0, tx_bytes: activity.txBytes, tx_packets: activity.txPackets, tx_errors: 0, tx_dropped: 0 }
            : { rx_bytes: 872, rx_packets: 10, rx_errors: 0, rx_dropped: 0, tx_bytes: 0, tx_packets: 0, tx_errors: 0, tx_dropped: 0 },
        ]),
      )
    : undefined;
  return {
    name: c.Name,
    id: c.Id,
    read: running ? rfc3339Nano(now) : zeroTime,
    preread: previous && previous.read > 0 ? rfc3339Nano(previous.read) : zeroTime,
    // No pids limit: the real "max" (2^64-1) has no exact JSON number in JavaScript.
    pids_stats: running ? { current: activity.processes } : {},
    blkio_stats: {
      io_service_bytes_recursive: running
        ? activity.written > 0
          ? [
              { major: 254, minor: 0, op: "read", value: 0 },
              { major: 254, minor: 0, op: "write", value: activity.written },
            ]
          : []
        : null, io_serviced_recursive: null, io_queue_recursive: null, io_service_time_recursive: null, io_wait_time_recursive: null, io_merged_recursive: null, io_time_recursive: null, sectors_recursive: null },
    num_procs: 0,
    storage_stats: {},
    cpu_stats: cpuAt(c, now, activity),
    precpu_stats: previous?.cpu ?? emptyCpu(),
    memory_stats: running
      ? { usage: usage, stats: { anon: usage, file: 0, inactive_file: 0, active_file: 0, kernel: 0, pgfault: Math.floor(uptime / 1000) }, limit }
      : {},
    ...(networks ? { networks } : {}),
  };
}

export type StatsFrame = ReturnType<typeof statsFrame>;

/**
 * GET /containers/{id}/stats?stream=0: the daemon primes with one sample and answers the next,
 * a second later; here the earlier sample is computed, so the answer comes at once.
 */
export function containerStats(c: ContainerRecord, now: number, activity: Activity = idle): StatsFrame {
  if (!isRunning(c)) return statsFrame(c, now, undefined, activity);
  const before = Math.max(now - 1000, c.State.StartedAt);
  return statsFrame(c, now, { read: before, cpu: cpuAt(c, before) }, activity);
}

/** The sample a frame leaves for the next one's precpu_stats. */
export function sampleOf(c: ContainerRecord, now: number, activity: Activity = idle): { read: number; cpu: CpuStats } {
  return isRunning(c) ? { read: now, cpu: cpuAt(c, now, activity) } : { read: 0, cpu: emptyCpu() };
}

const defaultTitles = ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"];
const auxTitles = ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"];

function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** A process as docker top lists it: its PID on the host, and its command line. */
export interface TopProcess {
  /** PID inside the container (1 for the main process). */
  pid: number;
  argv: string[];
  startedAt: number;
  tty: boolean;
}

/**
 * docker top: `ps -ef` (or `ps aux`) run on the host over the container's processes, so PIDs
 * are the host's: the main process's, and those of what exec started after it.
 */
export function containerTop(c: ContainerRecord, psArgs: string, processes: TopProcess[] = []) {
  if (!c.State.Running || c.State.Restarting) throw conflict(`container ${c.Id} is not running`);
  const listed = processes.length > 0 ? processes : [{ pid: 1, argv: mainProcessArgv(c), startedAt: c.State.StartedAt, tty: c.Config.Tty }];
  const rows = listed.map((p) => ({
    pid: String(c.State.Pid + p.pid - 1),
    ppid: p.pid === 1 ? String(c.State.Pid - 21) : String(c.State.Pid - 21),
    cmd: (p.pid === 1 ? mainProcessArgv(c) : p.argv).join(" "),
    tty: p.tty ? "pts/0" : "?",
    start: hhmm(p.startedAt),
  }));
  const args = psArgs.trim();
  if (args === "" || args === "-ef" || args === "-e" || args === "-f") {
    return { Titles: defaultTitles, Processes: rows.map((r) => ["root", r.pid, r.ppid, "0", r.start, r.tty, "00:00:00", r.cmd]) };
  }
  if (args === "aux" || args === "-aux") {
    const rss = Math.round(memoryUsage(c) / 1024);
    return {
      Titles: auxTitles,
      Processes: rows.map((r, i) => {
        const own = i === 0 ? rss : 600;
        return ["root", r.pid, "0.0", ((own / (hostMemory / 1024)) * 100).toFixed(1), String(own * 3), String(own), r.tty, i === 0 ? "Ss" : "S", r.start, "0:00", r.cmd];
      }),
    };
  }
  throw invalidParameter(`Error running ps: exit status 1: error: unsupported option (BSD syntax)`);
}
