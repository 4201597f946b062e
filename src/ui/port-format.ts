import type { PortView } from "../protocol/index.js";

/** Like Go's net.JoinHostPort, which docker ps uses: IPv6 hosts go in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

export function isPublished(port: PortView): boolean {
  return port.hostPort > 0;
}

/** One port as docker ps prints it: `0.0.0.0:8080->80/tcp`, `[::]:8080->80/tcp`, or `80/tcp`. */
export function formatPort(port: PortView): string {
  const target = `${port.containerPort}/${port.protocol}`;
  if (!isPublished(port)) return target;
  const host = port.hostIp ? joinHostPort(port.hostIp, port.hostPort) : String(port.hostPort);
  return `${host}->${target}`;
}

/** The PORTS column: each binding once, in the engine's order, comma-separated. */
export function formatPorts(ports: readonly PortView[]): string {
  return [...new Set(ports.map(formatPort))].join(", ");
}

/** The label of a port edge in the graph: `8080→80/tcp`, the host side first. */
export function portEdgeLabel(port: PortView): string {
  return `${port.hostPort}\u2192${port.containerPort}/${port.protocol}`;
}

/**
 * Published ports for the graph, one per host port: Docker binds IPv4 and IPv6 separately,
 * but both are the same door from the learner's point of view.
 */
export function publishedPorts(ports: readonly PortView[]): PortView[] {
  const seen = new Set<string>();
  return ports.filter((port) => {
    if (!isPublished(port)) return false;
    const key = portEdgeLabel(port);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
