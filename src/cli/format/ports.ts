// formatter.DisplayablePorts: the PORTS column of `docker ps`. Unpublished and same-number
// published ports collapse into ranges per key; remapped host ports are listed one by one
// after them.

/** One entry of the Engine API's container Port list. */
export interface PortSummary {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

interface PortGroup {
  first: number;
  last: number;
}

/** net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  if ((a.IP ?? "") !== (b.IP ?? "")) return compareStrings(a.IP ?? "", b.IP ?? "");
  if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0);
  return compareStrings(a.Type, b.Type);
}

function formGroup(key: string, group: PortGroup): string {
  const slash = key.lastIndexOf("/");
  const ip = slash >= 0 ? key.slice(0, slash) : "";
  const type = slash >= 0 ? key.slice(slash + 1) : key;
  let range = String(group.first);
  if (group.first !== group.last) range += `-${group.last}`;
  if (ip !== "") range = `${joinHostPort(ip, range)}->${range}`;
  return `${range}/${type}`;
}

export function displayablePorts(ports: readonly PortSummary[]): string {
  const groups = new Map<string, PortGroup>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of [...ports].sort(comparePorts)) {
    const current = port.PrivatePort;
    const publicPort = port.PublicPort ?? 0;
    let key = port.Type;
    if (port.IP) {
      if (publicPort !== current) {
        hostMappings.push(`${joinHostPort(port.IP, publicPort)}->${current}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (group === undefined) {
      // Map keeps first-insertion order, which is the order docker appends open groups in.
      groups.set(key, { first: current, last: current });
    } else if (current === group.last + 1) {
      group.last = current;
    } else {
      // A gap (or a duplicate) closes the group on the spot; the new one keeps the key's place.
      result.push(formGroup(key, group));
      groups.set(key, { first: current, last: current });
    }
  }
  for (const [key, group] of groups) result.push(formGroup(key, group));
  return [...result, ...hostMappings].join(", ");
}
