// startDaemon: one Engine on the host's clock and randomness, served on every -H address
// (tcp://host:port or unix:///path), as dockerd listens on its hosts. With a data root its
// records are restored from the directory at start and written back as they change.
import { existsSync, unlinkSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ReadWriteFs } from "just-bash";
import { Engine, loadImageCatalog, type EngineSnapshot } from "../engine/index.js";
import { loadDataRoot } from "./data-root.js";
import { createApiServer, type ApiEngine } from "./http-api.js";
import { CryptoIdSource, SystemClock } from "./host-ports.js";
import { publishPorts, type PublishedPorts } from "./published-ports.js";
import { BusyPorts } from "./busy-ports.js";
import { RecordWriter } from "./record-writer.js";

export const defaultHost = "tcp://127.0.0.1:2375";

export interface DaemonOptions {
  /** tcp://HOST:PORT (port 0 picks a free one) or unix:///path/to.sock. */
  hosts: string[];
  hostname?: string;
  /** Receives a line per API call (dockerd -D). */
  debug?: (line: string) => void;
  /** Where the records live across restarts (dockerd --data-root); in memory only if unset. */
  dataRoot?: string;
  /** Where a failed write to the data root is reported (it is retried); stderr by default. */
  onPersistError?: (error: unknown) => void;
  /** Where ephemeral published ports start (32768 by default, as Docker's). */
  firstEphemeralPort?: number;
  /**
   * Take every host port for free rather than ask the host which ones other programs hold:
   * for test daemons that run side by side and publish the same fixed ports (-p 8080:80).
   */
  ignoreHostPorts?: boolean;
}

export interface Daemon {
  readonly engine: Engine;
  /** What each host ended up listening on: "127.0.0.1:2375" or "/path/docker.sock". */
  readonly addresses: string[];
  /** Keeps the data root in step with the engine; undefined without one. */
  readonly writer: RecordWriter | undefined;
  /** Writes pending changes to the data root now (nothing to do without one). */
  flush(): Promise<void>;
  /** Stops serving, then writes the last changes. */
  close(): Promise<void>;
}

type ListenTarget = { kind: "tcp"; host: string; port: number } | { kind: "unix"; path: string };

export function parseHost(host: string): ListenTarget {
  if (host.startsWith("unix://")) {
    const path = host.slice("unix://".length);
    if (!path) throw new Error(`invalid unix socket address: ${host}`);
    return { kind: "unix", path };
  }
  const tcp = /^(?:tcp:\/\/)?(\[[^\]]*\]|[^:/]*)(?::(\d+))?\/?$/.exec(host);
  if (!tcp) throw new Error(`invalid daemon address: ${host}`);
  const port = tcp[2] === undefined ? 2375 : Number(tcp[2]);
  if (port > 65535) throw new Error(`invalid port in ${host}`);
  return { kind: "tcp", host: (tcp[1] || "127.0.0.1").replace(/^\[|\]$/g, ""), port };
}

function listen(server: Server, target: ListenTarget): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const done = () => {
      server.off("error", reject);
      const address = server.address();
      if (typeof address === "string" || address === null) resolve(target.kind === "unix" ? target.path : String(address));
      else resolve(formatAddress(address));
    };
    if (target.kind === "unix") {
      // dockerd removes a stale socket left by a daemon that did not shut down cleanly.
      if (existsSync(target.path)) unlinkSync(target.path);
      server.listen(target.path, done);
    } else {
      server.listen(target.port, target.host, done);
    }
  });
}

function formatAddress(address: AddressInfo): string {
  return address.family === "IPv6" ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Hijacked sockets and open streams (logs -f, events) would hold close() forever.
    server.closeAllConnections();
  });
}

function reportPersistError(error: unknown): void {
  process.stderr.write(`level=error msg="failed to write to the data root: ${error instanceof Error ? error.message : String(error)}"\n`);
}

export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  const { dataRoot } = options;
  // Refuse a data root we cannot read (corrupt, or from a newer version) before touching anything.
  const restored = dataRoot === undefined ? undefined : await loadDataRoot(dataRoot);
  options.debug?.(dataRoot === undefined ? "No data root: state is kept in memory" : `Using data root ${dataRoot}`);
  const snapshot: EngineSnapshot | undefined = restored?.snapshot;
  const clock = new SystemClock();
  // A daemon has no start-up budget to keep: the catalog is loaded before containers come back.
  await loadImageCatalog();
  // Ports other programs hold: passed over when allocating, refused when asked for. The
  // daemon's own listeners are the engine's business (its allocations), not the host's.
  const busyPorts = new BusyPorts();
  const own: { ports?: PublishedPorts } = {};
  const engine = new Engine({
    clock,
    hostPortBusy: options.ignoreHostPorts ? () => false : (proto, ip, port) => !(proto === "tcp" && own.ports?.holds(port)) && busyPorts.busy(proto, ip, port),
    ids: new CryptoIdSource(),
    pullBandwidth: 0,
    // Without a data root nothing takes the changes: the store need not log them.
    persistent: dataRoot !== undefined,
    ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
    ...(options.firstEphemeralPort === undefined ? {} : { firstEphemeralPort: options.firstEphemeralPort }),
    ...(snapshot ? { snapshot } : {}),
    // Bind mounts (-v /host/path:/in/container) show the host's real files.
    hostFs: new ReadWriteFs({ root: "/" }),
  });
  const writer =
    dataRoot === undefined || restored === undefined
      ? undefined
      : new RecordWriter(dataRoot, engine, restored.onDisk, { onError: options.onPersistError ?? reportPersistError });
  // After each request that may have changed something, a (debounced) write of what it changed.
  const api: ApiEngine = writer ? { handle: (request) => engine.handle(request).finally(() => writer.schedule()) } : engine;
  const targets = (options.hosts.length > 0 ? options.hosts : [defaultHost]).map(parseHost);
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const addresses: string[] = [];
  // Published ports listen on the host for real, so curl or a database client reaches them.
  const published = publishPorts(engine, (line) => options.debug?.(line));
  own.ports = published;
  const close = async () => {
    await published.close();
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map(closeServer));
    await writer?.close();
    clock.dispose();
  };
  try {
    await writer?.start();
    for (const target of targets) {
      const server = createApiServer(api, options.debug ? { debug: options.debug } : {});
      // closeAllConnections() does not reach upgraded sockets: track them ourselves.
      server.on("connection", (socket: Socket) => {
        sockets.add(socket);
        socket.once("close", () => sockets.delete(socket));
      });
      servers.push(server);
      addresses.push(await listen(server, target));
    }
  } catch (error) {
    await close();
    throw error;
  }
  await published.sync();
  const flush = async () => {
    await writer?.flush();
  };
  return { engine, addresses, writer, flush, close };
}
