// -p / --publish and --expose parsing, as go-connections/nat does it: ranges expand to one key
// per port, an omitted host port means an ephemeral one. The container-port part is the engine's
// (EXPOSE reads it the same), reached through the client.
import { parseContainerPort, parseSpecRange, splitProtoPort } from "../../client/index.js";

export interface PortBindingSpec {
  HostIp: string;
  HostPort: string;
}

export interface ParsedPorts {
  exposed: Record<string, Record<string, never>>;
  bindings: Record<string, PortBindingSpec[]>;
}

export function isIPv4(text: string): boolean {
  return /^(\d{1,3}\.){3}\d{1,3}$/.test(text) && text.split(".").every((n) => Number(n) <= 255);
}

/** net.ParseIP for IPv6: eight hex groups, or fewer around one "::", an IPv4 tail allowed. */
export function isIPv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  const last = groups[groups.length - 1];
  const width = groups.length + (last !== undefined && isIPv4(last) ? 1 : 0);
  const hexOk = groups.every((g, i) => /^[0-9a-fA-F]{1,4}$/.test(g) || (i === groups.length - 1 && isIPv4(g)));
  return hexOk && (halves.length === 2 ? width <= 7 : width === 8);
}

/** strconv.ParseUint(text, 10, 16), with Go's error text. */
function parseUint16(text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (n > 65535) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return n;
}

/** nat.ParsePortRange: "80" or "80-90". */
function parsePortRange(text: string): [number, number] {
  if (text === "") throw new Error("empty string specified for ports.");
  if (!text.includes("-")) {
    const port = parseUint16(text);
    return [port, port];
  }
  const [a = "", b = ""] = text.split("-");
  const start = parseUint16(a);
  const end = parseUint16(b);
  if (end < start) throw new Error(`invalid range specified for port: ${text}`);
  return [start, end];
}

export function parsePublish(specs: string[]): ParsedPorts {
  const exposed: ParsedPorts["exposed"] = {};
  const bindings: ParsedPorts["bindings"] = {};
  for (const raw of specs) {
    const { port, proto } = splitProtoPort(raw);
    let rest = port;
    let ip = "";
    if (rest.startsWith("[")) {
      const close = rest.indexOf("]");
      ip = rest.slice(1, close);
      rest = rest.slice(close + 2);
    }
    const parts = rest.split(":");
    let hostPart = "";
    let containerPart = "";
    if (parts.length === 1) containerPart = parts[0] ?? "";
    else if (parts.length === 2) [hostPart = "", containerPart = ""] = parts;
    else if (parts.length === 3 && !ip) [ip = "", hostPart = "", containerPart = ""] = parts;
    else if (parts.length === 3) throw new Error(`invalid IP address: ${ip}`);
    else if (ip) throw new Error(`invalid hostPort: ${raw}`);
    // nat.splitParts: with more colons, all but the last two parts are an unbracketed IPv6 address.
    else [ip, hostPart = "", containerPart = ""] = [parts.slice(0, -2).join(":"), ...parts.slice(-2)];
    if (ip && !isIPv4(ip) && !isIPv6(ip)) throw new Error(`invalid IP address: ${ip}`);
    const [cStart, cEnd] = parseContainerPort(containerPart, raw);
    let hStart = 0;
    let hEnd = 0;
    if (hostPart) [hStart, hEnd] = parseSpecRange(hostPart, "hostPort");
    // A host range may go with a single container port: it is the range to pick the host port from.
    if (hostPart && hEnd - hStart !== cEnd - cStart && cEnd !== cStart) {
      throw new Error(`invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}`);
    }
    for (let i = 0; i <= cEnd - cStart; i++) {
      const key = `${cStart + i}/${proto}`;
      exposed[key] = {};
      let hostPort = "";
      if (hostPart) hostPort = hEnd !== hStart && cEnd === cStart ? `${hStart}-${hEnd}` : String(hStart + i);
      (bindings[key] ??= []).push({ HostIp: ip, HostPort: hostPort });
    }
  }
  return { exposed, bindings };
}

export function parseExpose(specs: string[]): Record<string, Record<string, never>> {
  const out: Record<string, Record<string, never>> = {};
  for (const raw of specs) {
    if (raw.includes(":")) throw new Error(`invalid port format for --expose: ${raw}`);
    const [port = "", proto = "tcp"] = raw.split("/");
    let range: [number, number];
    try {
      range = parsePortRange(port);
    } catch (error) {
      throw new Error(`invalid range format for --expose: ${raw}, error: ${(error as Error).message}`);
    }
    const [start, end] = range;
    for (let p = start; p <= end; p++) out[`${p}/${proto}`] = {};
  }
  return out;
}
