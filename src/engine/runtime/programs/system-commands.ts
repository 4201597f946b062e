// uname, free, df and hostname as a container sees its host: Docker Desktop's LinuxKit kernel,
// an 8 GiB VM and its 60 GB disk, the container's own hostname and addresses. Busybox and the
// GNU tools (coreutils, procps, hostname) print the same facts in their own layouts.
import type { ProcessContext } from "../program.js";
import { endpointsOf, flavourOf } from "./container-facts.js";

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ok = (stdout: string): Out => ({ stdout, stderr: "", exitCode: 0 });

export const KERNEL = { release: "6.10.14-linuxkit", version: "#1 SMP Thu Mar 20 16:32:56 UTC 2025", machine: "x86_64" };

/** The VM's memory, in KiB, as /proc/meminfo reports it. */
export const MEMORY_KIB = { total: 8029356, used: 583384, free: 6463664, shared: 3988, buffers: 20532, cached: 961776, available: 7210276, swap: 1048572 };

export function uname(ctx: ProcessContext, args: string[]): Out {
  const busybox = flavourOf(ctx, "uname") === "busybox";
  const flags = new Set<string>();
  for (const arg of args) {
    if (arg === "--all") flags.add("a");
    else if (arg.startsWith("-") && !arg.startsWith("--")) for (const f of arg.slice(1)) flags.add(f);
    else return { stdout: "", stderr: busybox ? `uname: invalid option -- '${arg}'\n` : `uname: extra operand '${arg}'\nTry 'uname --help' for more information.\n`, exitCode: 1 };
  }
  const os = busybox ? "Linux" : "GNU/Linux";
  if (flags.has("a")) {
    return ok(`Linux ${ctx.hostname} ${KERNEL.release} ${KERNEL.version} ${KERNEL.machine} ${os}\n`);
  }
  const fields: [string, string][] = [
    ["s", "Linux"], ["n", ctx.hostname], ["r", KERNEL.release], ["v", KERNEL.version], ["m", KERNEL.machine],
    ["p", "unknown"], ["i", "unknown"], ["o", os],
  ];
  const picked = fields.filter(([f]) => flags.has(f)).map(([, v]) => v);
  return ok(`${(picked.length > 0 ? picked : ["Linux"]).join(" ")}\n`);
}

/** busybox's human sizes (one decimal, K/M/G/T) and coreutils' (rounded up, two digits). */
function human(kib: number, style: "busybox" | "gnu", unitSuffix = ""): string {
  if (kib === 0) return style === "gnu" && unitSuffix ? "0B" : "0";
  const units = ["K", "M", "G", "T"];
  let value = kib;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const suffix = `${units[unit]}${unitSuffix}`;
  if (style === "busybox") return `${value.toFixed(1)}${suffix}`;
  if (value < 10) return `${(Math.ceil(value * 10) / 10).toFixed(1)}${suffix}`;
  return `${Math.ceil(value)}${suffix}`;
}

export function free(ctx: ProcessContext, args: string[]): Out {
  const busybox = flavourOf(ctx, "free") === "busybox";
  const m = MEMORY_KIB;
  const flag = args.find((a) => /^-[hbkmg]$/.test(a)) ?? "-k";
  const show = (kib: number): string => {
    if (flag === "-h") return busybox ? human(kib, "busybox") : human(kib, "gnu", "i");
    if (flag === "-m") return String(Math.floor(kib / 1024));
    if (flag === "-g") return String(Math.floor(kib / 1048576));
    if (flag === "-b") return String(kib * 1024);
    return String(kib);
  };
  const label = busybox ? 7 : 8;
  const row = (name: string, values: number[]) => `${name.padEnd(label)}${values.map((v) => show(v).padStart(12)).join("")}\n`;
  const header = `${"".padEnd(label)}${["total", "used", "free", "shared", "buff/cache", "available"].map((h) => h.padStart(12)).join("")}\n`;
  return ok(header + row("Mem:", [m.total, m.used, m.free, m.shared, m.buffers + m.cached, m.available]) + row("Swap:", [m.swap, 0, m.swap]));
}

interface Mount {
  source: string;
  target: string;
  size: number;
  used: number;
  /** Shares a device with an earlier row: coreutils shows each device once. */
  duplicate?: boolean;
}

const DISK = { size: 61255492, used: 12892120, avail: 45222640 };

function mounts(): Mount[] {
  const tmp = (target: string, size: number, duplicate = false): Mount => ({ source: "tmpfs", target, size, used: 0, duplicate });
  const disk = (target: string, duplicate: boolean): Mount => ({ source: "/dev/vda1", target, size: DISK.size, used: DISK.used, duplicate });
  return [
    { source: "overlay", target: "/", size: DISK.size, used: DISK.used },
    tmp("/dev", 65536),
    { source: "shm", target: "/dev/shm", size: 65536, used: 0 },
    disk("/etc/resolv.conf", true),
    disk("/etc/hostname", true),
    disk("/etc/hosts", false),
    tmp("/proc/acpi", 4014676),
    tmp("/proc/interrupts", 65536, true),
    tmp("/proc/kcore", 65536, true),
    tmp("/proc/keys", 65536, true),
    tmp("/proc/timer_list", 65536, true),
    tmp("/proc/scsi", 4014676),
    tmp("/sys/firmware", 4014676),
  ];
}

const available = (m: Mount) => (m.used === 0 ? m.size : DISK.avail);

export function df(ctx: ProcessContext, args: string[]): Out {
  const busybox = flavourOf(ctx, "df") === "busybox";
  const humanSizes = args.some((a) => /^-[a-zA-Z]*h/.test(a));
  if (busybox) {
    const size = (kib: number) => (humanSizes ? human(kib, "busybox") : String(kib));
    const header = `${"Filesystem".padEnd(20)} ${(humanSizes ? "Size" : "1K-blocks").padStart(9)} ${"Used".padStart(9)} ${"Available".padStart(9)} Use% Mounted on\n`;
    const rows = mounts().map((m) => {
      const avail = available(m);
      const percent = m.used === 0 ? 0 : Math.round((m.used * 100) / (m.used + avail));
      return `${m.source.padEnd(20)} ${size(m.size).padStart(9)} ${size(m.used).padStart(9)} ${size(avail).padStart(9)} ${String(percent).padStart(3)}% ${m.target}\n`;
    });
    return ok(header + rows.join(""));
  }
  const size = (kib: number) => (humanSizes ? human(kib, "gnu") : String(kib));
  const table = [["Filesystem", humanSizes ? "Size" : "1K-blocks", "Used", humanSizes ? "Avail" : "Available", "Use%", "Mounted on"]];
  for (const m of mounts().filter((x) => !x.duplicate)) {
    const avail = available(m);
    const percent = m.used === 0 ? 0 : Math.ceil((m.used * 100) / (m.used + avail));
    table.push([m.source, size(m.size), size(m.used), size(avail), `${percent}%`, m.target]);
  }
  const minimum = [14, 5, 5, 5, 4];
  const widths = minimum.map((min, col) => Math.max(min, ...table.map((row) => (row[col] ?? "").length)));
  const lines = table.map((row) =>
    row.map((cell, col) => (col === 5 ? cell : col === 0 ? cell.padEnd(widths[0] ?? 14) : cell.padStart(widths[col] ?? 5))).join(" "),
  );
  return ok(`${lines.join("\n")}\n`);
}

export function hostname(ctx: ProcessContext, args: string[]): Out {
  const gnu = flavourOf(ctx, "hostname") === "gnu";
  const addresses = endpointsOf(ctx).map((e) => e.address);
  const flag = args.find((a) => a.startsWith("-"));
  switch (flag) {
    case undefined:
    case "-f":
    case "--fqdn":
    case "-s":
    case "--short":
      return ok(`${ctx.hostname}\n`);
    case "-i":
    case "--ip-address":
      return ok(`${addresses[0] ?? "127.0.0.1"}\n`);
    case "-I":
    case "--all-ip-addresses":
      if (!gnu) break;
      return ok(addresses.length > 0 ? `${addresses.join(" ")} \n` : "\n");
    case "-d":
    case "--domain":
      return ok("\n");
  }
  return gnu
    ? { stdout: "", stderr: `hostname: invalid option -- '${flag.replace(/^-+/, "")}'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n`, exitCode: 1 }
    : { stdout: "", stderr: `hostname: unrecognized option: ${flag.replace(/^-+/, "")}\n`, exitCode: 1 };
}
