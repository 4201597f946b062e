// Subnets for new networks, as libnetwork's default IPAM hands them out: the local default pools
// split into /16s (172.17-172.31) and then 192.168.0.0/16 split into /20s, first fit, lowest free,
// skipping any that overlap a subnet already in use (ipamutils/utils.go, defaultipam).
import { invalidParameter } from "../errors.js";
import { formatSubnet, parseSubnet, subnetSize, type Subnet } from "./ipv4.js";

const defaultPools: { base: string; size: number }[] = [
  { base: "172.17.0.0/16", size: 16 },
  { base: "172.18.0.0/16", size: 16 },
  { base: "172.19.0.0/16", size: 16 },
  { base: "172.20.0.0/14", size: 16 },
  { base: "172.24.0.0/14", size: 16 },
  { base: "172.28.0.0/14", size: 16 },
  { base: "192.168.0.0/16", size: 20 },
];

export function overlaps(a: Subnet, b: Subnet): boolean {
  return a.base < b.base + subnetSize(b) && b.base < a.base + subnetSize(a);
}

export function contains(subnet: Subnet, address: number): boolean {
  return address >= subnet.base && address < subnet.base + subnetSize(subnet);
}

/** The lowest default-pool subnet that overlaps none of those in use. */
export function nextFreeSubnet(inUse: Subnet[]): string {
  for (const pool of defaultPools) {
    const range = parseSubnet(pool.base);
    if (!range) continue;
    const step = 2 ** (32 - pool.size);
    for (let base = range.base; base < range.base + subnetSize(range); base += step) {
      const candidate = { base, prefix: pool.size };
      if (!inUse.some((used) => overlaps(used, candidate))) return formatSubnet(candidate);
    }
  }
  throw invalidParameter("all predefined address pools have been fully subnetted");
}
