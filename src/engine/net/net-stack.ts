// The network between containers and the host, as Docker wires it: every container has an
// address on each network it joined; containers reach each other only over a network they
// share; names resolve through the embedded DNS server on user-defined networks (the default
// bridge has none); published ports make a container's service reachable from the host; and
// `--network host` shares the host's own stack. Services listen on ports of their container;
// clients (wget, curl, redis-cli, the host's curl and preview pane, the daemon's real TCP
// listeners) connect through here.
import type { ContainerRecord } from "../containers/container-record.js";
import type { EngineContext } from "../engine-context.js";

export interface HttpRequest {
  method: string;
  /** The request target, e.g. "/index.html?x=1". */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** Where the request came from, as the server sees it (for access logs). */
  remoteAddress: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string | Uint8Array;
}

/** A connection to a line- or message-based service (redis, postgres): text in, text out. */
export interface StreamSession {
  send(data: string): Promise<string>;
  close(): void;
  /** How the strings map to bytes on a real socket: latin1 for binary protocols (PostgreSQL). */
  readonly encoding?: "utf8" | "latin1";
  /** True once the service has hung up; a relay then ends its socket. */
  readonly closed?: boolean;
}

export type Listener =
  | { kind: "http"; handle(request: HttpRequest): Promise<HttpResponse> }
  | { kind: "stream"; open(remoteAddress: string): StreamSession };

/** Who is connecting: a container (by id), or the host (the terminal, the preview, the daemon). */
export type Peer = { kind: "container"; id: string } | { kind: "host" };

export type Resolution = { ok: true; address: string } | { ok: false };

export type Connection =
  | {
      ok: true;
      listener: Listener;
      target: ContainerRecord;
      remoteAddress: string;
      /** Counts an exchange's bytes on both ends (docker stats' NET I/O). */
      account?(sent: number, received: number): void;
    }
  /** refused: a host that answers with RST; unreachable: packets that go nowhere (a timeout). */
  | { ok: false; error: "refused" | "unreachable" };

const HOST_ADDRESS = "172.17.0.1";

/** What crossed a container's interfaces since it started (docker stats' NET I/O). */
export interface Traffic {
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
  /** Requests its services answered. */
  served: number;
}

const MTU_PAYLOAD = 1448;

export class NetStack {
  private readonly listeners = new Map<string, Map<number, Listener>>();
  private readonly traffic = new Map<string, Traffic>();

  /** The container's traffic counters (zero until something crosses). */
  trafficOf(containerId: string): Traffic {
    let t = this.traffic.get(containerId);
    if (!t) this.traffic.set(containerId, (t = { rxBytes: 0, txBytes: 0, rxPackets: 0, txPackets: 0, served: 0 }));
    return t;
  }

  private count(client: Peer, server: string, sent: number, received: number): void {
    const packets = (bytes: number) => 2 + Math.ceil(bytes / MTU_PAYLOAD);
    const s = this.trafficOf(server);
    s.rxBytes += sent;
    s.txBytes += received;
    s.rxPackets += packets(sent);
    s.txPackets += packets(received);
    s.served++;
    if (client.kind === "container" && client.id !== server) {
      const c = this.trafficOf(client.id);
      c.txBytes += sent;
      c.rxBytes += received;
      c.txPackets += packets(sent);
      c.rxPackets += packets(received);
    }
  }

  constructor(
    private readonly ctx: EngineContext,
    private readonly containers: () => ContainerRecord[],
  ) {}

  /** A service starts listening on a TCP port of its container; the returned function stops it. */
  listen(containerId: string, port: number, listener: Listener): () => void {
    let ports = this.listeners.get(containerId);
    if (!ports) this.listeners.set(containerId, (ports = new Map()));
    ports.set(port, listener);
    return () => {
      if (ports?.get(port) === listener) ports.delete(port);
    };
  }

  /** The TCP ports a container's services listen on, lowest first (for its /proc/net/tcp). */
  listeningPorts(containerId: string): number[] {
    return [...(this.listeners.get(containerId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** Drops every listener of a container (its processes are gone); counters start afresh. */
  closeAll(containerId: string): void {
    this.listeners.delete(containerId);
    this.traffic.delete(containerId);
  }

  private running(): ContainerRecord[] {
    return this.containers().filter((c) => c.State.Running && !c.State.Restarting);
  }

  private byId(id: string): ContainerRecord | undefined {
    return this.containers().find((c) => c.Id === id);
  }

  private usesHostNetwork(peer: Peer): boolean {
    if (peer.kind === "host") return true;
    return this.byId(peer.id)?.HostConfig.NetworkMode === "host";
  }

  /** Addresses of a container, one per network (none with --network host or none). */
  addressesOf(c: ContainerRecord): { network: string; networkId: string; address: string; gateway: string; prefix: number }[] {
    return Object.entries(c.Networks)
      .filter(([, e]) => e.IPAddress !== "")
      .map(([network, e]) => ({ network, networkId: e.NetworkID, address: e.IPAddress, gateway: e.Gateway, prefix: e.IPPrefixLen }));
  }

  /**
   * A name as the peer's resolver answers it: /etc/hosts first (localhost, its own hostname,
   * --add-host), then the embedded DNS of the user-defined networks it is on.
   */
  resolve(peer: Peer, name: string): Resolution {
    const lower = name.toLowerCase();
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return { ok: true, address: name };
    if (lower === "localhost" || lower === "ip6-localhost") return { ok: true, address: "127.0.0.1" };
    if (peer.kind === "host") {
      // The host sees containers by address only, as on a Linux machine.
      return { ok: false };
    }
    const self = this.byId(peer.id);
    if (!self) return { ok: false };
    if (lower === self.Config.Hostname.toLowerCase()) {
      return { ok: true, address: this.addressesOf(self)[0]?.address ?? "127.0.0.1" };
    }
    for (const entry of (self.HostConfig["ExtraHosts"] as string[] | null | undefined) ?? []) {
      const colon = entry.indexOf(":");
      if (entry.slice(0, colon).toLowerCase() === lower) {
        const ip = entry.slice(colon + 1);
        return { ok: true, address: ip === "host-gateway" ? HOST_ADDRESS : ip };
      }
    }
    for (const [network, endpoint] of Object.entries(self.Networks)) {
      if (["bridge", "host", "none"].includes(network)) continue;
      for (const other of this.running()) {
        const theirs = other.Networks[network];
        if (!theirs || theirs.NetworkID !== endpoint.NetworkID || theirs.IPAddress === "") continue;
        const names = (theirs.DNSNames ?? [other.Name.slice(1)]).map((n) => n.toLowerCase());
        if (names.includes(lower)) return { ok: true, address: theirs.IPAddress };
      }
    }
    // Legacy links (--link) write /etc/hosts entries on the default bridge.
    for (const link of (self.HostConfig["Links"] as string[] | null | undefined) ?? []) {
      const [target = "", alias = ""] = link.split(":");
      const linked = this.containers().find((c) => c.Name === target || c.Name === `/${target.replace(/^\//, "")}`);
      const aliasName = alias.slice(alias.lastIndexOf("/") + 1).toLowerCase();
      if (linked && (aliasName === lower || linked.Name.slice(1).toLowerCase() === lower)) {
        const address = linked.Networks["bridge"]?.IPAddress;
        if (address) return { ok: true, address };
      }
    }
    return { ok: false };
  }

  /** Whose address this is, and whether the peer can reach it at all. */
  private route(peer: Peer, address: string): { kind: "self" | "host" | "container"; target?: ContainerRecord | undefined; via?: string } | undefined {
    const hostNet = this.usesHostNetwork(peer);
    if (address.startsWith("127.")) {
      if (hostNet) return { kind: "host" };
      return peer.kind === "container" ? { kind: "self", target: this.byId(peer.id) } : { kind: "host" };
    }
    const owner = this.running().find((c) => this.addressesOf(c).some((a) => a.address === address));
    if (!owner) {
      // A gateway address is the host, seen from the network it serves.
      // Every bridge's gateway is an address of the host, reachable from every network.
      const gateway = address === HOST_ADDRESS || this.containers().some((c) => this.addressesOf(c).some((a) => a.gateway === address));
      if (gateway) return { kind: "host" };
      return undefined;
    }
    if (hostNet) return { kind: "container", target: owner, via: HOST_ADDRESS };
    if (peer.kind === "container") {
      if (owner.Id === peer.id) return { kind: "self", target: owner };
      const self = this.byId(peer.id);
      if (!self) return undefined;
      const mine = this.addressesOf(self);
      const shared = this.addressesOf(owner).find((a) => a.address === address && mine.some((m) => m.networkId === a.networkId));
      if (!shared) return undefined;
      const from = mine.find((m) => m.networkId === shared.networkId);
      return { kind: "container", target: owner, ...(from ? { via: from.address } : {}) };
    }
    return { kind: "container", target: owner };
  }

  /** Opens a TCP connection from a peer to address:port. */
  connect(peer: Peer, address: string, port: number): Connection {
    const route = this.route(peer, address);
    if (!route) return { ok: false, error: "unreachable" };
    if (route.kind === "host") return this.connectPublished(address.startsWith("127.") ? "127.0.0.1" : "0.0.0.0", port, peer);
    const target = route.target;
    if (!target) return { ok: false, error: "refused" };
    const listener = this.listeners.get(target.Id)?.get(port);
    if (!listener) return { ok: false, error: "refused" };
    const remoteAddress = route.kind === "self" ? "127.0.0.1" : (route.via ?? HOST_ADDRESS);
    // Loopback traffic never reaches eth0.
    const account = route.kind === "self" ? undefined : (sent: number, received: number) => this.count(peer, target.Id, sent, received);
    return { ok: true, listener, target, remoteAddress, ...(account ? { account } : {}) };
  }

  /** The host's own port: a published port of some container, or nothing listening. */
  connectPublished(hostIp: string, hostPort: number, peer: Peer = { kind: "host" }): Connection {
    for (const c of this.running()) {
      if (c.HostConfig.NetworkMode === "host") {
        const listener = this.listeners.get(c.Id)?.get(hostPort);
        if (listener) return { ok: true, listener, target: c, remoteAddress: "127.0.0.1" };
        continue;
      }
      for (const [containerPort, bindings] of Object.entries(c.Ports)) {
        if (!containerPort.endsWith("/tcp")) continue;
        const bound = (bindings ?? []).some((b) => Number(b.HostPort) === hostPort && (b.HostIp === "" || b.HostIp === "0.0.0.0" || b.HostIp === "::" || b.HostIp === hostIp));
        if (!bound) continue;
        const listener = this.listeners.get(c.Id)?.get(Number.parseInt(containerPort, 10));
        if (!listener) return { ok: false, error: "refused" };
        // The userland proxy (or NAT from the gateway) is who the service sees.
        const remoteAddress = peer.kind === "host" ? HOST_ADDRESS : (this.addressesOf(c)[0]?.gateway ?? HOST_ADDRESS);
        return { ok: true, listener, target: c, remoteAddress, account: (sent, received) => this.count(peer, c.Id, sent, received) };
      }
    }
    return { ok: false, error: "refused" };
  }

  /** True when the peer's resolver is the embedded DNS server (it is on a user-defined network). */
  usesEmbeddedDns(peer: Peer): boolean {
    if (peer.kind === "host") return false;
    const c = this.byId(peer.id);
    return c !== undefined && Object.keys(c.Networks).some((n) => !["bridge", "host", "none"].includes(n));
  }

  /** The clock services and clients share (access log times, ping times). */
  now(): number {
    return this.ctx.clock.now();
  }
}

/** An HTTP exchange over a connection: the request as the server sees it, its response. */
export async function httpExchange(connection: Extract<Connection, { ok: true }>, request: Omit<HttpRequest, "remoteAddress">): Promise<HttpResponse> {
  if (connection.listener.kind !== "http") {
    // A non-HTTP service hangs up on an HTTP request.
    return { status: 0, reason: "", headers: [], body: "" };
  }
  const response = await connection.listener.handle({ ...request, remoteAddress: connection.remoteAddress });
  const sent = request.method.length + request.path.length + 12 + Object.entries(request.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0) + request.body.length;
  const received = 17 + response.reason.length + response.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0) + (typeof response.body === "string" ? new TextEncoder().encode(response.body).length : response.body.length);
  connection.account?.(sent, received);
  return response;
}
