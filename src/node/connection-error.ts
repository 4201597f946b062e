// What docker prints when it cannot reach the daemon, from moby's client/request.go: a refused
// or failed dial is "Cannot connect to the Docker daemon at HOST. Is the docker daemon
// running?", a socket it may not open is "permission denied while trying to connect...", and
// anything else is "error during connect: " and Go's url.Error ("Get \"URL\": detail").
import { readFileSync } from "node:fs";
import type { DockerEndpoint } from "./docker-host.js";

/** The request URL as Go prints it: a unix socket's path stands, escaped, for the host. */
export function requestUrl(endpoint: DockerEndpoint, method: string, path: string, query: string): string {
  const authority =
    endpoint.kind === "unix"
      ? encodeURIComponent(endpoint.socketPath)
      : `${endpoint.hostname.includes(":") ? `[${endpoint.hostname}]` : endpoint.hostname}:${endpoint.port}${endpoint.basePath}`;
  // url.Error's Op: "Get", "Head", "Post".
  const op = method.charAt(0).toUpperCase() + method.slice(1).toLowerCase();
  return `${op} "http://${authority}${path}${query ? `?${query}` : ""}"`;
}

// Go's texts for the errno values a dial meets (syscall.Errno.Error()).
const errnoText: Record<string, string> = {
  EACCES: "permission denied",
  ECONNREFUSED: "connection refused",
  EHOSTUNREACH: "no route to host",
  ENETUNREACH: "network is unreachable",
  ENOENT: "no such file or directory",
  ETIMEDOUT: "connection timed out",
  EADDRNOTAVAIL: "cannot assign requested address",
};

/** The resolver Go's pure-Go DNS client would have asked, for "lookup HOST on NS:53". */
function nameserver(): string | undefined {
  try {
    const line = /^nameserver\s+(\S+)/m.exec(readFileSync("/etc/resolv.conf", "utf8"));
    return line?.[1];
  } catch {
    return undefined;
  }
}

function dialDetail(error: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string }, endpoint: DockerEndpoint): string {
  const code = error.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    const ns = nameserver();
    const host = endpoint.kind === "tcp" ? endpoint.hostname : "";
    return `dial tcp: lookup ${host}${ns ? ` on ${ns.includes(":") ? `[${ns}]` : ns}:53` : ""}: ${code === "ENOTFOUND" ? "no such host" : "server misbehaving"}`;
  }
  if (code === "ECONNRESET" || error.message === "socket hang up") return "EOF";
  const text = errnoText[code];
  if (error.syscall === "connect" && text) {
    if (endpoint.kind === "unix") return `dial unix ${endpoint.socketPath}: connect: ${text}`;
    const address = error.address ?? endpoint.hostname;
    return `dial tcp ${address.includes(":") ? `[${address}]` : address}:${error.port ?? endpoint.port}: connect: ${text}`;
  }
  return error.message;
}

/** The error a failed request is reported with, in docker's words. */
export function connectionError(error: NodeJS.ErrnoException, endpoint: DockerEndpoint, url: string): Error {
  const code = error.code ?? "";
  const dialing = error.syscall === "connect";
  const cannotConnect = new Error(`Cannot connect to the Docker daemon at ${endpoint.host}. Is the docker daemon running?`);
  if (endpoint.kind === "unix" && dialing) {
    if (code === "EACCES") {
      return new Error(`permission denied while trying to connect to the Docker daemon socket at ${endpoint.host}: ${url}: ${dialDetail(error, endpoint)}`);
    }
    return cannotConnect;
  }
  if (code === "ECONNREFUSED" || code === "ETIMEDOUT") return cannotConnect;
  return new Error(`error during connect: ${url}: ${dialDetail(error, endpoint)}`);
}
