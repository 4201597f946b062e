// Published ports as real TCP listeners on the host, as dockerd's port mapping (docker-proxy)
// opens them: while a container runs with -p HOST:CONTAINER, the host address accepts
// connections and hands them to the service program listening in the container. HTTP services
// get a real HTTP server on the socket; line-based ones (redis, postgres) get the bytes as text.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { httpExchange, type Engine } from "../engine/index.js";

interface Binding {
  hostIp: string;
  hostPort: number;
}

const key = (b: Binding) => `${b.hostIp}|${b.hostPort}`;

/** The bindings running containers hold: "0.0.0.0" and "::" for an unspecified host address. */
function wanted(engine: Engine): Map<string, Binding> {
  const out = new Map<string, Binding>();
  for (const c of engine.containers.all()) {
    if (!c.State.Running) continue;
    for (const [port, bindings] of Object.entries(c.Ports)) {
      if (!port.endsWith("/tcp")) continue;
      for (const b of bindings ?? []) {
        const binding = { hostIp: b.HostIp || "0.0.0.0", hostPort: Number(b.HostPort) };
        if (binding.hostPort > 0) out.set(key(binding), binding);
      }
    }
  }
  return out;
}

export interface PublishedPorts {
  /** Where each binding ended up listening, or why it could not ("0.0.0.0:8080" → error text). */
  readonly failures: Map<string, string>;
  /** Whether this daemon itself listens on a TCP port (for a container, or one just stopped). */
  holds(port: number): boolean;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export function publishPorts(engine: Engine, log: (line: string) => void = () => undefined): PublishedPorts {
  const servers = new Map<string, Server>();
  const sockets = new Set<Socket>();
  const failures = new Map<string, string>();

  const http = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const port = (req.socket as Socket & { publishedPort?: Binding }).publishedPort;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const connection = port ? engine.net.connectPublished(port.hostIp, port.hostPort) : { ok: false as const, error: "refused" as const };
        if (!connection.ok || connection.listener.kind !== "http") {
          res.socket?.destroy();
          return;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
        const answer = await httpExchange(connection, { method: req.method ?? "GET", path: req.url ?? "/", headers, body: Buffer.concat(chunks).toString("utf8") });
        res.statusCode = answer.status;
        res.statusMessage = answer.reason;
        for (const [name, value] of answer.headers) if (name.toLowerCase() !== "connection") res.setHeader(name, value);
        res.end(typeof answer.body === "string" ? answer.body : Buffer.from(answer.body));
      })().catch(() => res.socket?.destroy());
    });
  });

  const accept = (binding: Binding) => (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    const connection = engine.net.connectPublished(binding.hostIp, binding.hostPort);
    if (!connection.ok) {
      socket.destroy();
      return;
    }
    if (connection.listener.kind === "http") {
      (socket as Socket & { publishedPort?: Binding }).publishedPort = binding;
      http.emit("connection", socket);
      return;
    }
    // Through the published port a host client arrives from the bridge gateway, as through
    // Docker's proxy (so the service's own rules for remote clients apply).
    const session = connection.listener.open(connection.remoteAddress);
    const encoding = session.encoding ?? "utf8";
    let queue = Promise.resolve();
    socket.on("data", (data: Buffer) => {
      queue = queue.then(async () => {
        const reply = await session.send(data.toString(encoding));
        if (reply && socket.writable) socket.write(reply, encoding);
        if (session.closed) socket.end();
      });
    });
    socket.once("close", () => session.close());
  };

  const open = (binding: Binding): Promise<void> =>
    new Promise((resolve) => {
      const server = createServer(accept(binding));
      server.once("error", (error: NodeJS.ErrnoException) => {
        failures.set(key(binding), error.message);
        log(`level=warning msg="cannot listen on published port" address="${binding.hostIp}:${binding.hostPort}" error="${error.message}"`);
        resolve();
      });
      server.listen({ port: binding.hostPort, host: binding.hostIp, ipv6Only: binding.hostIp === "::" }, () => {
        servers.set(key(binding), server);
        failures.delete(key(binding));
        resolve();
      });
    });

  const closeOne = (k: string): Promise<void> =>
    new Promise((resolve) => {
      const server = servers.get(k);
      servers.delete(k);
      if (!server) return resolve();
      server.close(() => resolve());
    });

  let syncing = Promise.resolve();
  const sync = () => {
    syncing = syncing.then(async () => {
      const next = wanted(engine);
      for (const k of [...servers.keys()]) if (!next.has(k)) await closeOne(k);
      for (const [k, binding] of next) if (!servers.has(k) && !failures.has(k)) await open(binding);
      for (const k of [...failures.keys()]) if (!next.has(k)) failures.delete(k);
    });
    return syncing;
  };

  const unsubscribe = engine.ctx.events.subscribe((event) => {
    if (event.Type === "container" && ["start", "die", "destroy", "pause", "unpause"].includes(event.Action)) void sync();
  });

  return {
    failures,
    holds(port) {
      for (const k of servers.keys()) if (k.endsWith(`|${port}`)) return true;
      return false;
    },
    sync,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.destroy();
      await Promise.all([...servers.keys()].map(closeOne));
      http.close();
    },
  };
}
