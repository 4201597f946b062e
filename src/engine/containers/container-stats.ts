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
const onlineCpus = 4;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The main process's argv after an image's entrypoint script has exec'd the command. */
export function mainProcessArgv(c: ContainerRecord): string[] {
  const argv = [c.Path, ...c.Args];
  return /^(docker-)?entrypoint\.sh$/.test(baseName(c.Path)) && argv.length > 1 ? argv.slice(1) : argv;
}

function memoryUsage(c: ContainerRecord): number {
  const argv = mainProcessArgv(c);
  return Math.round(memoryByProgram[baseName(argv[0] ?? "")] ?? 0.5 * MiB);
}

function cpuStats(total: number, system: number, running: boolean) {
  return {
    cpu_usage: { total_usage: total, usage_in_kernelmode: Math.floor(total / 3), usage_in_usermode: total - Math.floor(total / 3) },
    system_cpu_usage: system,
    online_cpus: running ? onlineCpus : 0,
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  };
}

/** One stats frame (cgroup v2 layout). A container that is not running reports zeros. */
export function containerStats(c: ContainerRecord, now: number) {
  const running = c.State.Running && !c.State.Restarting;
  const usage = running ? memoryUsage(c) : 0;
  const limit = Number(c.HostConfig["Memory"] ?? 0) || hostMemory;
  const uptime = running ? now - c.State.StartedAt : 0;
  // Idle programs: CPU time stands still between the two samples, so CPU % reads 0.00%.
  const cpuTotal = running ? 21_000_000 : 0;
  const system = running ? Math.round(now * 1e6 * onlineCpus) : 0;
  const networks = running
    ? Object.fromEntries(
        Object.keys(c.Networks).map((_, i) => [
          `eth${i}`,
          { rx_bytes: 872, rx_packets: 10, rx_errors: 0, rx_dropped: 0, tx_bytes: 0, tx_packets: 0, tx_errors: 0, tx_dropped: 0 },
        ]),
      )
    : undefined;
  return {
    name: c.Name,
    id: c.Id,
    read: running ? rfc3339Nano(now) : rfc3339Nano(0),
    preread: running ? rfc3339Nano(now - 1000) : rfc3339Nano(0),
    // No pids limit: the real "max" (2^64-1) has no exact JSON number in JavaScript.
    pids_stats: running ? { current: 1 } : {},
    blkio_stats: { io_service_bytes_recursive: running ? [] : null, io_serviced_recursive: null, io_queue_recursive: null, io_service_time_recursive: null, io_wait_time_recursive: null, io_merged_recursive: null, io_time_recursive: null, sectors_recursive: null },
    num_procs: 0,
    storage_stats: {},
    cpu_stats: cpuStats(cpuTotal, system, running),
    precpu_stats: cpuStats(cpuTotal, running ? system - 1e9 * onlineCpus : 0, running),
    memory_stats: running
      ? { usage: usage, stats: { anon: usage, file: 0, inactive_file: 0, active_file: 0, kernel: 0, pgfault: Math.floor(uptime / 1000) }, limit }
      : {},
    ...(networks ? { networks } : {}),
  };
}

const defaultTitles = ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"];
const auxTitles = ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"];

function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** docker top: `ps -ef` (or `ps aux`) inside the container, which holds one process. */
export function containerTop(c: ContainerRecord, psArgs: string) {
  if (!c.State.Running || c.State.Restarting) throw conflict(`container ${c.Id} is not running`);
  const cmd = mainProcessArgv(c).join(" ");
  const pid = String(c.State.Pid);
  const ppid = String(c.State.Pid - 21);
  const tty = c.Config.Tty ? "pts/0" : "?";
  const args = psArgs.trim();
  if (args === "" || args === "-ef" || args === "-e" || args === "-f") {
    return { Titles: defaultTitles, Processes: [["root", pid, ppid, "0", hhmm(c.State.StartedAt), tty, "00:00:00", cmd]] };
  }
  if (args === "aux" || args === "-aux") {
    const rss = Math.round(memoryUsage(c) / 1024);
    return {
      Titles: auxTitles,
      Processes: [["root", pid, "0.0", (rss / (hostMemory / 1024) * 100).toFixed(1), String(rss * 3), String(rss), tty, "Ss", hhmm(c.State.StartedAt), "0:00", cmd]],
    };
  }
  throw invalidParameter(`Error running ps: exit status 1: error: unsupported option (BSD syntax)`);
}
