// Which host ports another program already holds, read from the kernel's socket tables
// (/proc/net/tcp, tcp6, udp, udp6). dockerd binds a published port as it allocates it, so a port
// taken outside Docker fails a `-p 8080:80` start ("address already in use") and is passed over
// for an ephemeral one; the engine allocates synchronously, and these tables are the one
// synchronous way to ask the host. Where there are none (not Linux), nothing counts as busy.
import { readFileSync } from "node:fs";

/** A socket bound on the host: its port and local address (32 hex digits, IPv4 mapped into IPv6). */
interface Bound {
  port: number;
  address: string;
}

const WILDCARD = "0".repeat(32);
const TCP_LISTEN = "0A";
const UDP_UNCONNECTED = "07";

/** How long one reading of the tables serves (a start asking about several ports at once). */
const FRESH_MS = 50;

/** "0100007F" (127.0.0.1 as the kernel prints it) or a 32-digit IPv6 one → 32 hex digits, network order. */
function procAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  // Each 32-bit word is printed in host (little-endian) order.
  const bytes = words.map((w) => (w.match(/../g) ?? []).reverse().join("")).join("");
  return bytes.length === 8 ? `${"0".repeat(20)}ffff${bytes}`.toLowerCase() : bytes.toLowerCase();
}

/** An address as 32 hex digits in network order; IPv4 mapped into IPv6; undefined if unreadable. */
export function addressHex(ip: string): string | undefined {
  if (ip === "0.0.0.0" || ip === "::") return WILDCARD;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (v4) return `${"0".repeat(20)}ffff${v4.slice(1).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
  const bare = ip.replace(/^\[|\]$/g, "");
  if (!bare.includes(":")) return undefined;
  const [head = "", tail = ""] = bare.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = bare.includes("::") ? groups(tail) : [];
  const middle = bare.includes("::") ? Array<string>(8 - left.length - right.length).fill("0") : [];
  const all = [...left, ...middle, ...right];
  if (all.length !== 8) return undefined;
  return all.map((g) => g.padStart(4, "0")).join("").toLowerCase();
}

function readTable(path: string, state: string): Bound[] {
  let text: string;
  try {
    text = readFileSync(path, "latin1");
  } catch {
    return [];
  }
  const out: Bound[] = [];
  for (const line of text.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    if (!local || fields[3] !== state) continue;
    const [address = "", port = ""] = local.split(":");
    const unspecified = /^0+$/.test(address);
    out.push({ port: parseInt(port, 16), address: unspecified ? WILDCARD : procAddress(address) });
  }
  return out;
}

export class BusyPorts {
  private read: { at: number; tcp: Bound[]; udp: Bound[] } | undefined;

  constructor(
    private readonly procNet = "/proc/net",
    private readonly now: () => number = Date.now,
  ) {}

  private tables(): { tcp: Bound[]; udp: Bound[] } {
    const at = this.now();
    if (!this.read || at - this.read.at > FRESH_MS) {
      this.read = {
        at,
        tcp: [...readTable(`${this.procNet}/tcp`, TCP_LISTEN), ...readTable(`${this.procNet}/tcp6`, TCP_LISTEN)],
        udp: [...readTable(`${this.procNet}/udp`, UDP_UNCONNECTED), ...readTable(`${this.procNet}/udp6`, UDP_UNCONNECTED)],
      };
    }
    return this.read;
  }

  /**
   * Whether binding `ip:port` would fail because another socket holds the port: one bound to
   * the same address, or either of the two a wildcard (Linux refuses both without SO_REUSEPORT).
   */
  busy(proto: string, ip: string, port: number): boolean {
    if (proto !== "tcp" && proto !== "udp") return false;
    const wanted = addressHex(ip);
    if (wanted === undefined) return false;
    const bound = proto === "tcp" ? this.tables().tcp : this.tables().udp;
    return bound.some((b) => b.port === port && (b.address === WILDCARD || wanted === WILDCARD || b.address === wanted));
  }

  /** Forgets the last reading: the next question reads the tables afresh. */
  refresh(): void {
    this.read = undefined;
  }
}
