// What the container-aware commands need to know about the container they run in: its files
// (read through its mounts), which implementation of a tool its image carries (busybox or GNU),
// its processes and its network endpoints. Where the process context does not carry a fact yet,
// the functions here approximate it from what it does carry (see ProcessFacts below).
import type { NetworkEndpoint as Endpoint, ProcessContext } from "../program.js";
import type { ProcessEntry } from "../process-table.js";

export type { ProcessEntry } from "../process-table.js";
export type { NetworkEndpoint as Endpoint } from "../program.js";

const STANDARD_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

export function envValue(ctx: ProcessContext, name: string): string | undefined {
  const entry = ctx.env.find((e) => e.startsWith(`${name}=`));
  return entry === undefined ? undefined : entry.slice(name.length + 1);
}

/** A file of the container as its processes see it (mounts included), or undefined. */
export async function readText(ctx: ProcessContext, path: string): Promise<string | undefined> {
  try {
    if (ctx.fs) return await ctx.fs.readFile(path);
  } catch {
    return undefined;
  }
  return ctx.root?.readText(path);
}

/** Where a command lives on the standard PATH, after symlinks; undefined if the image lacks it. */
export function whereIs(ctx: ProcessContext, name: string): string | undefined {
  const root = ctx.root;
  if (!root) return undefined;
  for (const dir of STANDARD_PATH) {
    try {
      const found = root.resolve(`${dir}/${name}`, true);
      if (found.entry?.type === "file" && (found.entry.mode & 0o111) !== 0) return found.path;
    } catch {
      // A missing directory on the way: not here.
    }
  }
  return undefined;
}

/** Which implementation of a tool the image has: busybox's applet, or a program of its own. */
export function flavourOf(ctx: ProcessContext, name: string): "busybox" | "gnu" {
  const path = whereIs(ctx, name);
  if (path === undefined) return ctx.root?.entry("/bin/busybox") ? "busybox" : "gnu";
  return path.endsWith("/busybox") ? "busybox" : "gnu";
}

/** musl (Alpine) or glibc: they word resolver errors differently. */
export function usesMusl(ctx: ProcessContext): boolean {
  return ctx.root?.entry("/lib/ld-musl-x86_64.so.1") !== undefined;
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/**
 * The container's processes, with `self` (the command asking) among them. Without the runtime's
 * list: PID 1 is the process this shell or command runs in, and `self` a child of it.
 */
export function processTable(ctx: ProcessContext, self: string[], selfPid: number): ProcessEntry[] {
  const now = ctx.clock.now();
  const own: ProcessEntry = { pid: selfPid, ppid: 0, user: ctx.user, argv: self, startedAt: now, tty: ctx.tty };
  const listed = ctx.processes?.();
  if (listed) {
    // The command may itself be one of the listed processes (docker run alpine ps, docker exec c ps).
    if (listed.some((p) => p.argv.join(" ") === self.join(" "))) return listed;
    return [...listed.filter((p) => p.pid !== selfPid), own].sort((a, b) => a.pid - b.pid);
  }
  const main = ctx.argv;
  if (baseName(main[0] ?? "") === baseName(self[0] ?? "")) return [{ ...own, pid: 1 }];
  return [{ pid: 1, ppid: 0, user: ctx.user, argv: main, startedAt: now, tty: ctx.tty }, own];
}

/** Docker's MAC scheme before 26.0 (02:42 and the IPv4 address), used when none is known. */
export function macFor(address: string): string {
  const octets = address.split(".").map((n) => Number(n).toString(16).padStart(2, "0"));
  return ["02", "42", ...octets].join(":");
}

/** The container's interfaces other than lo: one per network it is on. */
export function endpointsOf(ctx: ProcessContext): Endpoint[] {
  const net = ctx.net;
  if (!net) return [];
  const known = net.endpoints?.();
  if (known) return known;
  const found = net.stack.resolve(net.peer, ctx.hostname);
  if (!found.ok || found.address.startsWith("127.")) return [];
  const [a = "172", b = "17"] = found.address.split(".");
  return [{ network: "bridge", address: found.address, prefix: 16, gateway: `${a}.${b}.0.1`, mac: macFor(found.address) }];
}

/** The dotted netmask and broadcast address of an address/prefix. */
export function subnetOf(address: string, prefix: number): { mask: string; broadcast: string; network: string } {
  const value = address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
  const size = 2 ** (32 - prefix);
  const mask = 2 ** 32 - size;
  const net = value - (value % size);
  const dotted = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
  return { mask: dotted(mask), broadcast: dotted(net + size - 1), network: dotted(net) };
}
