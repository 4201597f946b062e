// ps and top over the container's processes, in the two formats learners meet: busybox's (Alpine,
// busybox) and procps-ng's (Debian and Ubuntu once procps is installed; the slim images have no
// ps at all). Figures are fixed per program so that output is the same on every run.
import { exitsOn, type ProcessContext, type Program } from "../program.js";
import { flavourOf, processTable, type ProcessEntry } from "./container-facts.js";
import { identityOf, accountsOf } from "./identity.js";
import { MEMORY_KIB } from "./system-commands.js";

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Virtual and resident size (KiB) by program, for ps aux and top. */
const FOOTPRINT: Record<string, [number, number]> = {
  sh: [1696, 1024], ash: [1696, 1024], bash: [4188, 3328], dash: [2580, 1536], sleep: [1612, 768],
  ps: [1624, 896], top: [1624, 1024], nginx: [11404, 7424], "redis-server": [52416, 11776],
  postgres: [218436, 28928], node: [1017524, 45180], python3: [15244, 9472], python: [15244, 9472],
  httpd: [6084, 4352], tail: [1612, 768], cat: [1612, 768],
};

const comm = (p: ProcessEntry) => (p.argv[0] ?? "").slice((p.argv[0] ?? "").lastIndexOf("/") + 1);

function footprint(p: ProcessEntry, gnu: boolean): [number, number] {
  // On Debian and Ubuntu, sh is dash.
  const name = gnu && comm(p) === "sh" ? "dash" : comm(p);
  const found = FOOTPRINT[name] ?? [2576, 1280];
  // procps' own ps and top are bigger than busybox's applets.
  if (gnu && (comm(p) === "ps" || comm(p) === "top")) return comm(p) === "ps" ? [8088, 4096] : [8600, 4864];
  return found;
}

async function userNames(ctx: ProcessContext, list: ProcessEntry[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const { passwd } = await accountsOf(ctx);
  for (const p of list) {
    if (names.has(p.user)) continue;
    const who = await identityOf(ctx, p.user);
    names.set(p.user, passwd.find((a) => a.uid === who.uid)?.name ?? String(who.uid));
  }
  return names;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const clockTime = (ms: number) => `${pad2(new Date(ms).getUTCHours())}:${pad2(new Date(ms).getUTCMinutes())}`;

function stat(p: ProcessEntry, self: number): string {
  if (p.pid === self) return p.pid === 1 ? `Rs${p.tty ? "+" : ""}` : p.tty ? "R+" : "R";
  return `Ss${p.tty && p.pid === 1 ? "+" : ""}`;
}

function busyboxPs(list: ProcessEntry[], users: Map<string, string>): string {
  const rows = list.map((p) => `${String(p.pid).padStart(5)} ${(users.get(p.user) ?? "root").padEnd(8).slice(0, 8)} ${" 0:00"} ${p.argv.join(" ")}`);
  return `PID   USER     TIME  COMMAND\n${rows.join("\n")}\n`;
}

function procpsPs(args: string[], list: ProcessEntry[], users: Map<string, string>, self: number): string {
  const user = (p: ProcessEntry) => (users.get(p.user) ?? "root").padEnd(8).slice(0, 8);
  const tty = (p: ProcessEntry) => (p.tty ? "pts/0" : "?").padEnd(8);
  const words = args.join(" ");
  if (/(^|\s)-?a?ux/.test(words) || words.includes("aux")) {
    const rows = list.map((p) => {
      const [vsz, rss] = footprint(p, true);
      const mem = ((rss / MEMORY_KIB.total) * 100).toFixed(1);
      return `${user(p)} ${String(p.pid).padStart(7)}  0.0 ${mem.padStart(4)} ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ${tty(p)} ${stat(p, self).padEnd(4)} ${clockTime(p.startedAt)}   0:00 ${p.argv.join(" ")}`;
    });
    return `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n${rows.join("\n")}\n`;
  }
  if (args.some((a) => /^-[a-zA-Z]*[ef]/.test(a))) {
    const rows = list.map((p) => `${user(p)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${clockTime(p.startedAt)} ${tty(p)} 00:00:00 ${p.argv.join(" ")}`);
    return `UID          PID    PPID  C STIME TTY          TIME CMD\n${rows.join("\n")}\n`;
  }
  const rows = list.map((p) => `${String(p.pid).padStart(7)} ${tty(p)} 00:00:00 ${comm(p).slice(0, 15)}`);
  return `    PID TTY          TIME CMD\n${rows.join("\n")}\n`;
}

export async function ps(ctx: ProcessContext, args: string[], pid: number): Promise<Out> {
  const list = processTable(ctx, ["ps", ...args], pid);
  const users = await userNames(ctx, list);
  const self = list.some((p) => p.pid === pid) ? pid : 1;
  if (flavourOf(ctx, "ps") === "busybox") return { stdout: busyboxPs(list, users), stderr: "", exitCode: 0 };
  return { stdout: procpsPs(args, list, users, self), stderr: "", exitCode: 0 };
}

function busyboxTopFrame(list: ProcessEntry[], users: Map<string, string>, self: number): string {
  const m = MEMORY_KIB;
  const head =
    `Mem: ${m.used}K used, ${m.free}K free, ${m.shared}K shrd, ${m.buffers}K buff, ${m.cached}K cached\n` +
    "CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\n" +
    `Load average: 0.00 0.00 0.00 1/${list.length + 210} ${Math.max(...list.map((p) => p.pid))}\n` +
    "  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n";
  const rows = list.map((p) => {
    const [vsz] = footprint(p, false);
    const state = p.pid === self ? "R" : "S";
    const share = Math.round((vsz / m.total) * 100);
    return `${String(p.pid).padStart(5)}${String(p.pid === 1 ? 0 : 1).padStart(6)} ${(users.get(p.user) ?? "root").padEnd(8).slice(0, 8)} ${state.padEnd(4)}${String(vsz).padStart(6)}${String(share).padStart(4)}%${String(p.pid % 4).padStart(4)}   0% ${p.argv.join(" ")}`;
  });
  return head + rows.join("\n") + "\n";
}

function procpsTopFrame(list: ProcessEntry[], users: Map<string, string>, self: number, now: number): string {
  const m = MEMORY_KIB;
  const mib = (k: number) => (k / 1024).toFixed(1).padStart(8);
  const d = new Date(now);
  const head =
    `top - ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} up 2 days,  3:14,  0 user,  load average: 0.00, 0.00, 0.00\n` +
    `Tasks: ${String(list.length).padStart(3)} total,   1 running, ${String(list.length - 1).padStart(3)} sleeping,   0 stopped,   0 zombie\n` +
    "%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st \n" +
    `MiB Mem : ${mib(m.total)} total, ${mib(m.free)} free, ${mib(m.used)} used, ${mib(m.buffers + m.cached)} buff/cache     \n` +
    `MiB Swap: ${mib(m.swap)} total, ${mib(m.swap)} free, ${mib(0)} used. ${mib(m.available)} avail Mem \n\n` +
    "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n";
  const rows = list.map((p) => {
    const [vsz, rss] = footprint(p, true);
    const mem = ((rss / m.total) * 100).toFixed(1);
    const user = (users.get(p.user) ?? "root").padEnd(8).slice(0, 8);
    return `${String(p.pid).padStart(7)} ${user}  20   0 ${String(vsz).padStart(7)} ${String(rss).padStart(6)} ${String(Math.round(rss * 0.8)).padStart(6)} ${p.pid === self ? "R" : "S"}   0.0 ${mem.padStart(5)}   0:00.00 ${comm(p)}`;
  });
  return head + rows.join("\n") + "\n";
}

export interface TopOptions {
  batch: boolean;
  iterations: number;
  delayMs: number;
}

export function topOptions(args: string[]): TopOptions {
  const o: TopOptions = { batch: false, iterations: Infinity, delayMs: 5000 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-b") o.batch = true;
    else if (a === "-n") o.iterations = Number(args[++i] ?? "1");
    else if (a.startsWith("-n")) o.iterations = Number(a.slice(2));
    else if (a === "-d") o.delayMs = Number(args[++i] ?? "5") * 1000;
    else if (/^-b?n\d+$/.test(a)) {
      o.batch = a.includes("b");
      o.iterations = Number(a.replace(/\D/g, ""));
    }
  }
  return o;
}

/** One screen of top; on a terminal (not -b) it starts by clearing the screen. */
export async function topFrame(ctx: ProcessContext, args: string[], pid: number, clear: boolean): Promise<string> {
  const list = processTable(ctx, ["top", ...args], pid);
  const users = await userNames(ctx, list);
  const self = list.some((p) => p.pid === pid) ? pid : 1;
  const frame = flavourOf(ctx, "top") === "busybox" ? busyboxTopFrame(list, users, self) : procpsTopFrame(list, users, self, ctx.clock.now());
  return clear ? `\x1b[H\x1b[J${frame}` : frame;
}

/**
 * top's loop: a frame, then another after each delay, until the count runs out or `stopped`
 * says so (Ctrl-C). Frames go straight to `write`, as top draws them.
 */
export async function runTop(ctx: ProcessContext, args: string[], pid: number, write: (text: string) => void, stopped: () => boolean): Promise<void> {
  const o = topOptions(args);
  for (let n = 0; n < o.iterations && !stopped(); n++) {
    if (n > 0) {
      const waited = await ctx.sleep(o.delayMs);
      if (!waited || stopped()) return;
      if (o.batch) write("\n");
    }
    write(await topFrame(ctx, args, pid, !o.batch && ctx.tty));
  }
}

/** top as a process of its own (`docker run -it alpine top`): frames until Ctrl-C or `-n`. */
export const topProgram: Program = (ctx) => {
  let stopped = false;
  void runTop(ctx, ctx.argv.slice(1), 1, (text) => ctx.stdout(text), () => stopped || ctx.exited).then(() => ctx.exit(0));
  return exitsOn(ctx, ["SIGINT", "SIGTERM", "SIGHUP"], () => {
    stopped = true;
  });
};
