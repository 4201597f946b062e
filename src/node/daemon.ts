// startDaemon: one Engine on the host's clock and randomness, served on every -H address
// (tcp://host:port or unix:///path), as dockerd listens on its hosts.
import { existsSync, unlinkSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Engine } from "../engine/index.js";
import { createApiServer } from "./http-api.js";
import { CryptoIdSource, SystemClock } from "./host-ports.js";

export const defaultHost = "tcp://127.0.0.1:2375";

export interface DaemonOptions {
  /** tcp://HOST:PORT (port 0 picks a free one) or unix:///path/to.sock. */
  hosts: string[];
  hostname?: string;
  /** Receives a line per API call (dockerd -D). */
  debug?: (line: string) => void;
}

export interface Daemon {
  readonly engine: Engine;
  /** What each host ended up listening on: "127.0.0.1:2375" or "/path/docker.sock". */
  readonly addresses: string[];
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

export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  const clock = new SystemClock();
  const engine = new Engine({
    clock,
    ids: new CryptoIdSource(),
    pullBandwidth: 0,
    ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
  });
  const targets = (options.hosts.length > 0 ? options.hosts : [defaultHost]).map(parseHost);
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const addresses: string[] = [];
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map(closeServer));
    clock.dispose();
  };
  try {
    for (const target of targets) {
      const server = createApiServer(engine, options.debug ? { debug: options.debug } : {});
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
  return { engine, addresses, close };
}
