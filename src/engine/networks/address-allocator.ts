// Endpoint addresses per network, as libnetwork's default IPAM hands them out for local networks:
// lowest free first from the start of the subnet (or of its --ip-range), never the network or
// broadcast address, the gateway or an --aux-address; released addresses are reused at once.
import { forbidden, systemError } from "../errors.js";
import { contains } from "./address-pools.js";
import { formatIPv4, parseIPv4, parseSubnet, subnetSize, type Subnet } from "./ipv4.js";
import type { NetworkRecord } from "./network-record.js";

interface Pool {
  /** The addresses in use, as offsets from the subnet's first address (small integers hash fast). */
  used: Set<number>;
  /** The lowest offset that may be free: a search hint. */
  hint: number;
}

export interface Allocation {
  ip: string;
  gateway: string;
  prefix: number;
}

/** The gateway's address and the --aux-address ones are never handed out. */
function isReserved(ip: string, gateway: string, aux: Record<string, string> | null | undefined): boolean {
  if (ip === gateway) return true;
  if (aux) for (const name in aux) if (aux[name] === ip) return true;
  return false;
}

export class AddressAllocator {
  private readonly pools = new Map<string, Pool>();
  /** Parsed subnets by their text: every allocation on a network reads the same one. */
  private readonly subnets = new Map<string, Subnet | undefined>();

  private subnet(cidr: string): Subnet | undefined {
    if (!this.subnets.has(cidr)) this.subnets.set(cidr, parseSubnet(cidr));
    return this.subnets.get(cidr);
  }

  private pool(networkId: string): Pool {
    let pool = this.pools.get(networkId);
    if (!pool) {
      pool = { used: new Set(), hint: 0 };
      this.pools.set(networkId, pool);
    }
    return pool;
  }

  /** The network's first IPv4 subnet, where its endpoints get their addresses. */
  private firstSubnet(network: NetworkRecord): { config: NetworkRecord["IPAM"]["Config"][number]; subnet: Subnet } | undefined {
    for (const config of network.IPAM.Config) {
      if (!config.Subnet || config.Subnet.includes(":")) continue;
      const subnet = this.subnet(config.Subnet);
      if (subnet) return { config, subnet };
    }
    return undefined;
  }

  /** An address on the network's first IPv4 subnet: `requested` if given, else the lowest free. */
  allocate(network: NetworkRecord, requested?: string): Allocation | undefined {
    const first = this.firstSubnet(network);
    if (!first) return undefined;
    const { config, subnet } = first;
    const gateway = config.Gateway ?? formatIPv4(subnet.base + 1);
    const aux = config.AuxiliaryAddresses;
    const pool = this.pool(network.Id);
    const last = subnet.base + subnetSize(subnet) - 1;
    if (requested) {
      const value = parseIPv4(requested);
      if (value === undefined || !contains(subnet, value) || value === subnet.base || value === last) {
        throw forbidden(`no available IPv4 addresses on this network's address pools: ${network.Name} (${network.Id})`);
      }
      if (pool.used.has(value - subnet.base) || isReserved(requested, gateway, aux)) throw forbidden("Address already in use");
      pool.used.add(value - subnet.base);
      return { ip: requested, gateway, prefix: subnet.prefix };
    }
    const range = config.IPRange ? this.subnet(config.IPRange) : undefined;
    const start = range ? Math.max(range.base, subnet.base + 1) : subnet.base + 1;
    const end = range ? Math.min(range.base + subnetSize(range), last) : last;
    for (let value = Math.max(start, subnet.base + pool.hint); value < end; value++) {
      const offset = value - subnet.base;
      if (pool.used.has(offset)) continue;
      const ip = formatIPv4(value);
      if (isReserved(ip, gateway, aux)) continue;
      pool.used.add(offset);
      pool.hint = offset + 1;
      return { ip, gateway, prefix: subnet.prefix };
    }
    throw systemError(`no available IPv4 addresses on this network's address pools: ${network.Name} (${network.Id})`);
  }

  release(network: NetworkRecord | undefined, networkId: string, ip: string): void {
    const pool = this.pools.get(networkId);
    const subnet = network ? this.firstSubnet(network)?.subnet : undefined;
    const value = ip ? parseIPv4(ip) : undefined;
    if (!pool || !subnet || value === undefined || !pool.used.delete(value - subnet.base)) return;
    pool.hint = Math.min(pool.hint, value - subnet.base);
  }

  /** Forgets a removed network's addresses. */
  drop(networkId: string): void {
    this.pools.delete(networkId);
  }
}
