// Host port publishing: bindings are allocated when a container starts and released when it
// stops. An unspecified host IP binds both 0.0.0.0 and :: (the daemon is dual-stack), and
// ephemeral host ports are handed out in order from the start of the local port range.
import type { PortBinding, PortMap } from "../containers/container-record.js";
import { systemError } from "../errors.js";

const ephemeralStart = 32768;

const bracketed = (ip: string) => (ip.includes(":") ? `[${ip}]` : ip);
const ephemeralEnd = 60999;

/**
 * Whether another program on the host holds a port (a daemon publishing ports for real asks the
 * host's socket tables); the browser's engine has no host to ask.
 */
export type HostPortBusy = (proto: string, ip: string, port: number) => boolean;

export class PortAllocator {
  /** "tcp/8080" → the host IPs bound on that port. */
  private readonly inUse = new Map<string, Set<string>>();
  private nextEphemeral: number;

  /**
   * `firstEphemeral`: where ephemeral host ports start (Docker's 32768 by default). Several
   * daemons on one host (parallel test files) keep apart by starting elsewhere. `hostBusy`:
   * ports held outside the daemon, passed over as ephemeral ones and refused when asked for.
   */
  constructor(
    private readonly firstEphemeral = ephemeralStart,
    private readonly hostBusy: HostPortBusy = () => false,
  ) {
    this.nextEphemeral = firstEphemeral;
  }

  /** Whether any of the addresses is held on the host by something else. */
  private busyOnHost(proto: string, port: number, ips: readonly string[]): string | undefined {
    return ips.find((ip) => this.hostBusy(proto, ip, port));
  }

  private key(proto: string, port: number): string {
    return `${proto}/${port}`;
  }

  private conflicts(proto: string, port: number, ip: string): boolean {
    const ips = this.inUse.get(this.key(proto, port));
    if (!ips) return false;
    const wildcard = ip === "0.0.0.0" || ip === "::";
    return wildcard ? ips.size > 0 : ips.has(ip) || ips.has("0.0.0.0") || ips.has("::");
  }

  private ephemeral(proto: string, ips: readonly string[]): number {
    for (let tries = 0; tries <= ephemeralEnd - this.firstEphemeral; tries++) {
      const port = this.nextEphemeral;
      this.nextEphemeral = port >= ephemeralEnd ? this.firstEphemeral : port + 1;
      // dockerd binds as it allocates: a port another program holds fails to bind, and the
      // next one is tried.
      if (!this.conflicts(proto, port, ips[0] ?? "0.0.0.0") && this.busyOnHost(proto, port, ips) === undefined) return port;
    }
    throw systemError("no available ports in the ephemeral range");
  }

  /**
   * Binds every published port of a starting container, all or nothing. Throws the daemon's
   * "port is already allocated" text, or for a port held outside the daemon its "address already
   * in use" one naming `containerIp` (the caller wraps either with the endpoint).
   */
  allocate(bindings: PortMap, containerIp = ""): PortMap {
    const result: PortMap = {};
    const taken: [string, string][] = [];
    try {
      for (const [containerPort, list] of Object.entries(bindings)) {
        const proto = containerPort.split("/")[1] ?? "tcp";
        const out: PortBinding[] = [];
        for (const binding of list ?? []) {
          const ips = binding.HostIp ? [binding.HostIp] : ["0.0.0.0", "::"];
          let port: number | undefined;
          const [low, high] = binding.HostPort.split("-").map(Number);
          if (!binding.HostPort || binding.HostPort === "0") port = this.ephemeral(proto, ips);
          else if (high !== undefined && low !== undefined) {
            for (let p = low; p <= high && port === undefined; p++) {
              if (ips.every((ip) => !this.conflicts(proto, p, ip)) && this.busyOnHost(proto, p, ips) === undefined) port = p;
            }
            port ??= low;
          } else port = low ?? 0;
          const clash = ips.find((ip) => this.conflicts(proto, port, ip));
          if (clash !== undefined) {
            throw systemError(`Bind for ${bracketed(clash)}:${port} failed: port is already allocated`);
          }
          const held = this.busyOnHost(proto, port, ips);
          if (held !== undefined) {
            const target = `${containerIp}:${containerPort.split("/")[0] ?? ""}/${proto}`;
            throw systemError(`failed to bind host port for ${bracketed(held)}:${port}:${target}: address already in use`);
          }
          for (const ip of ips) {
            this.mark(proto, port, ip);
            taken.push([this.key(proto, port), ip]);
            out.push({ HostIp: ip, HostPort: String(port) });
          }
        }
        result[containerPort] = out;
      }
    } catch (error) {
      for (const [key, ip] of taken) this.inUse.get(key)?.delete(ip);
      throw error;
    }
    return result;
  }

  private mark(proto: string, port: number, ip: string): void {
    const key = this.key(proto, port);
    let ips = this.inUse.get(key);
    if (!ips) {
      ips = new Set();
      this.inUse.set(key, ips);
    }
    ips.add(ip);
  }

  /** Re-registers the bindings of a container found running when the engine loads. */
  restore(ports: PortMap): void {
    for (const [containerPort, list] of Object.entries(ports)) {
      const proto = containerPort.split("/")[1] ?? "tcp";
      for (const b of list ?? []) this.mark(proto, Number(b.HostPort), b.HostIp);
    }
  }

  release(ports: PortMap): void {
    for (const [containerPort, list] of Object.entries(ports)) {
      const proto = containerPort.split("/")[1] ?? "tcp";
      for (const b of list ?? []) this.inUse.get(this.key(proto, Number(b.HostPort)))?.delete(b.HostIp);
    }
  }
}
