// -p / --publish and --expose parsing, as go-connections/nat does it: ranges expand to one key
// per port, an omitted host port means an ephemeral one.

export interface PortBindingSpec {
  HostIp: string;
  HostPort: string;
}

export interface ParsedPorts {
  exposed: Record<string, Record<string, never>>;
  bindings: Record<string, PortBindingSpec[]>;
}

function splitRange(text: string, what: string, raw: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new Error(`invalid ${what}: ${text || raw}`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535 || end < start) throw new Error(`invalid ${what}: ${text}`);
  return [start, end];
}

export function parsePublish(specs: string[]): ParsedPorts {
  const exposed: ParsedPorts["exposed"] = {};
  const bindings: ParsedPorts["bindings"] = {};
  for (const raw of specs) {
    let rest = raw;
    let proto = "tcp";
    const slash = rest.lastIndexOf("/");
    if (slash >= 0) {
      proto = rest.slice(slash + 1).toLowerCase();
      rest = rest.slice(0, slash);
      if (!["tcp", "udp", "sctp"].includes(proto)) throw new Error(`invalid proto: ${proto}`);
    }
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
    else throw new Error(`invalid hostPort: ${raw}`);
    if (ip && !/^(\d{1,3}\.){3}\d{1,3}$/.test(ip) && !ip.includes(":")) throw new Error(`invalid IP address: ${ip}`);
    if (!containerPart) throw new Error(`no port specified: ${raw}<empty>`);
    const [cStart, cEnd] = splitRange(containerPart, "containerPort", raw);
    let hStart = 0;
    let hEnd = 0;
    if (hostPart) [hStart, hEnd] = splitRange(hostPart, "hostPort", raw);
    if (hostPart && hEnd - hStart !== cEnd - cStart && hEnd !== hStart) {
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
    const [port = "", proto = "tcp"] = raw.split("/");
    if (!/^\d+(-\d+)?$/.test(port)) throw new Error(`invalid port format for --expose: ${raw}`);
    const [start, end] = splitRange(port, "port", raw);
    for (let p = start; p <= end; p++) out[`${p}/${proto}`] = {};
  }
  return out;
}
