// docker stats (cli/command/container/stats.go, stats_helpers.go, formatter_stats.go): a stats
// stream per container, redrawn in place until Ctrl-C; with no names it follows container events
// so rows come and go; --no-stream prints one table.
import type { ContainerStats, DockerClient, SystemEvent } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getString } from "../flags/flag-spec.js";
import { bytesSize, humanSizeWithPrecision, renderFormat, truncateId } from "../format/index.js";
import type { CliIo } from "../io.js";
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
  const cpuDelta = s.cpu_stats.cpu_usage.total_usage - (s.precpu_stats.cpu_usage?.total_usage ?? 0);
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
  for (const entry of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op[0] ?? "";
    if (op === "r" || op === "R") read += entry.value;
    if (op === "w" || op === "W") write += entry.value;
  }
  return [read, write];
}

/** One tracked container: what the user named it by (or its short id), its last frame, its state. */
interface Entry {
  container: string;
  frame?: ContainerStats;
  invalid: boolean;
  error?: unknown;
  /** Set once the first frame (or an error) arrived. */
  ready: Promise<void>;
  stop(): void;
}

const noValue = "--";

export function statsRow(e: { container: string; frame?: ContainerStats; invalid: boolean }, trunc: boolean) {
  const s = e.frame;
  const memory = s ? memoryUsage(s) : 0;
  const limit = s?.memory_stats.limit ?? 0;
  const networks = Object.values(s?.networks ?? {});
  const rx = networks.reduce((n, v) => n + v.rx_bytes, 0);
  const tx = networks.reduce((n, v) => n + v.tx_bytes, 0);
  const [read, write] = s ? blockIo(s) : [0, 0];
  const pct = (n: number) => `${n.toFixed(2)}%`;
  const id = s?.id ?? "";
  const name = s?.name ?? "";
  return {
    Container: () => e.container,
    ID: () => (trunc ? truncateId(id) : id),
    Name: () => (name.length > 1 ? name.slice(1) : noValue),
    CPUPerc: () => (e.invalid ? noValue : pct(s ? cpuPercent(s) : 0)),
    MemUsage: () => (e.invalid ? "-- / --" : `${bytesSize(memory)} / ${bytesSize(limit)}`),
    MemPerc: () => (e.invalid ? noValue : pct(limit > 0 ? (memory / limit) * 100 : 0)),
    NetIO: () => (e.invalid ? noValue : `${humanSizeWithPrecision(rx, 3)} / ${humanSizeWithPrecision(tx, 3)}`),
    BlockIO: () => (e.invalid ? noValue : `${humanSizeWithPrecision(read, 3)} / ${humanSizeWithPrecision(write, 3)}`),
    PIDs: () => (e.invalid ? noValue : String(s?.pids_stats.current ?? 0)),
  };
}

/** Starts collecting one container's stats; onUpdate after every frame or failure. */
function collect(client: DockerClient, container: string, stream: boolean, onUpdate: () => void): Entry {
  let settle = () => undefined as void;
  const entry: Entry = { container, invalid: false, ready: new Promise<void>((resolve) => (settle = resolve)), stop: () => undefined };
  const fail = (error: unknown) => {
    entry.error = error;
    entry.invalid = true;
    settle();
    onUpdate();
  };
  void (async () => {
    try {
      if (!stream) {
        entry.frame = await client.containerStats(container);
        settle();
        onUpdate();
        return;
      }
      const frames = await client.containerStatsStream(container);
      const iterator = frames[Symbol.asyncIterator]();
      let stopped = false;
      entry.stop = () => {
        stopped = true;
        void iterator.return?.();
      };
      for (;;) {
        const next = await iterator.next();
        if (stopped) return;
        if (next.done) break;
        entry.frame = next.value;
        entry.invalid = false;
        settle();
        onUpdate();
      }
      // The daemon ended the stream (the container was removed): io.EOF, the row goes blank.
      fail(new Error("EOF"));
    } catch (error) {
      fail(error);
    }
  })();
  return entry;
}

/** One redraw, as RunStats writes it: home, the table, the table again with each line erased to its end, then the rest of the screen. */
function frame(table: string): string {
  const buffer = `\x1b[H${table}`;
  return `${buffer}${buffer.split("\n").map((line) => `${line} \x1b[K\n`).join("")}\x1b[J`;
}

export const stats: CommandDef = {
  name: "stats",
  usage: "[OPTIONS] [CONTAINER...]",
  description: "Show the live resource usage of containers",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Include stopped containers" },
    formatFlag,
    { name: "no-stream", kind: "bool", usage: "Print one sample and exit" },
    { name: "no-trunc", kind: "bool", usage: "Print values in full" },
  ],
  args: { kind: "min", n: 0 },
  async run({ io, client }, flags) {
    const all = getBool(flags, "all");
    const stream = !getBool(flags, "no-stream");
    const trunc = !getBool(flags, "no-trunc");
    const showAll = flags.args.length === 0;
    const format = getString(flags, "format") || "table";
    const entries: Entry[] = [];
    let render = () => undefined as void;
    const onUpdate = () => render();
    const add = (container: string) => {
      if (entries.some((e) => e.container === container)) return undefined;
      const entry = collect(client, container, stream, onUpdate);
      entries.push(entry);
      return entry;
    };
    const remove = (container: string) => {
      const at = entries.findIndex((e) => e.container === container);
      if (at < 0) return;
      entries[at]?.stop();
      entries.splice(at, 1);
    };

    let watcher: AsyncIterator<SystemEvent> | undefined;
    if (showAll) {
      // Subscribed before listing, so no container is missed in between.
      if (stream) watcher = (await client.events({ filters: { type: ["container"] } }))[Symbol.asyncIterator]();
      for (const c of await client.containerList({ all })) add(c.Id.slice(0, 12));
    } else {
      for (const name of flags.args) add(name);
    }
    await Promise.all(entries.map((e) => e.ready));
    if (!showAll) {
      const errors = entries.filter((e) => e.error !== undefined).map((e) => daemonMessage(e.error));
      if (errors.length > 0) throw new StatusError(1, errors.join("\n"));
    }

    const draw = () => {
      const table = renderFormat({ format: format === "table" ? defaultStatsFormat : format, rows: entries.map((e) => statsRow(e, trunc)), header: statsHeaders, typeName: "*container.statsContext" });
      io.stdout(stream ? frame(table) : table);
    };
    if (!stream) {
      draw();
      return;
    }
    await follow(io, entries, draw, (r) => (render = r), watcher, { add, remove, all });
    // Ctrl-C cancels every stream before the last redraw, which shows the rows blank.
    for (const e of entries) e.invalid = true;
    draw();
    return 130;
  },
};

/**
 * Redraws whenever every row has news (the daemon sends each container's frame once a second),
 * or a row came or went, until Ctrl-C.
 */
async function follow(
  io: CliIo,
  entries: Entry[],
  draw: () => void,
  setRender: (render: () => void) => void,
  watcher: AsyncIterator<SystemEvent> | undefined,
  members: { add: (c: string) => Entry | undefined; remove: (c: string) => void; all: boolean },
): Promise<void> {
  const seen = new WeakMap<Entry, ContainerStats | undefined>();
  const mark = () => entries.forEach((e) => seen.set(e, e.frame));
  setRender(() => {
    if (entries.every((e) => e.invalid || seen.get(e) !== e.frame)) {
      draw();
      mark();
    }
  });
  draw();
  mark();
  const aborted = new Promise<"abort">((resolve) => {
    if (io.signal?.aborted) resolve("abort");
    io.signal?.addEventListener("abort", () => resolve("abort"), { once: true });
  });
  try {
    if (!watcher) {
      await aborted;
      return;
    }
    for (;;) {
      const next = await Promise.race([watcher.next(), aborted]);
      if (next === "abort") return;
      if (next.done) {
        // The events stream ended (the daemon went away): the rows stay as they are.
        await aborted;
        return;
      }
      const e = next.value;
      const short = e.Actor.ID.slice(0, 12);
      if (e.Action === "start" || (members.all && e.Action === "create")) members.add(short);
      else if (!members.all && e.Action === "die") {
        members.remove(short);
        draw();
        mark();
      }
    }
  } finally {
    setRender(() => undefined);
    void watcher?.return?.();
    for (const e of entries) e.stop();
  }
}
