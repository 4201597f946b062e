// Networks and their address management: the predefined bridge, host and none networks, and
// endpoint addresses handed out lowest-free-first from .2, released on stop, as libnetwork does.
import type { ContainerRecord, EndpointSettings } from "../containers/container-record.js";
import { notFound } from "../errors.js";
import type { EngineContext } from "../engine-context.js";
import { formatIPv4, parseIPv4, parseSubnet, subnetSize } from "./ipv4.js";
import type { NetworkRecord } from "./network-record.js";

export const predefinedNetworks = ["bridge", "host", "none"] as const;

export class NetworkService {
  /** Addresses in use per network id, and the lowest offset that may be free (a search hint). */
  private readonly used = new Map<string, { ips: Set<string>; hint: number }>();

  constructor(private readonly ctx: EngineContext) {}

  private pool(networkId: string): { ips: Set<string>; hint: number } {
    let pool = this.used.get(networkId);
    if (!pool) {
      pool = { ips: new Set(), hint: 2 };
      this.used.set(networkId, pool);
    }
    return pool;
  }

  all(): NetworkRecord[] {
    return this.ctx.store.values<NetworkRecord>("network");
  }

  /** Creates bridge, host and none if this is a fresh engine. */
  ensurePredefined(): void {
    const existing = new Set(this.all().map((n) => n.Name));
    const driverOf = { bridge: "bridge", host: "host", none: "null" } as const;
    for (const name of predefinedNetworks) {
      if (existing.has(name)) continue;
      const bridge = name === "bridge";
      const record: NetworkRecord = {
        Name: name,
        Id: this.ctx.ids.randomHex(32),
        Created: this.ctx.clock.now(),
        Scope: "local",
        Driver: driverOf[name],
        EnableIPv4: true,
        EnableIPv6: false,
        IPAM: {
          Driver: "default",
          Options: bridge ? null : null,
          Config: bridge ? [{ Subnet: "172.17.0.0/16", Gateway: "172.17.0.1" }] : [],
        },
        Internal: false,
        Attachable: false,
        Ingress: false,
        ConfigFrom: { Network: "" },
        ConfigOnly: false,
        Options: bridge
          ? {
              "com.docker.network.bridge.default_bridge": "true",
              "com.docker.network.bridge.enable_icc": "true",
              "com.docker.network.bridge.enable_ip_masquerade": "true",
              "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
              "com.docker.network.bridge.name": "docker0",
              "com.docker.network.driver.mtu": "1500",
            }
          : {},
        Labels: {},
      };
      this.ctx.store.put("network", record.Id, record);
    }
  }

  /** Finds a network by full id, name, or unique id prefix, as the daemon's FindNetwork does. */
  find(ref: string): NetworkRecord {
    const all = this.all();
    const match =
      all.find((n) => n.Id === ref) ??
      all.find((n) => n.Name === ref) ??
      (() => {
        const byPrefix = all.filter((n) => n.Id.startsWith(ref));
        return byPrefix.length === 1 ? byPrefix[0] : undefined;
      })();
    if (!match) throw notFound(`network ${ref} not found`);
    return match;
  }

  /** A fresh endpoint for a container joining a network (addresses are filled in on start). */
  newEndpoint(network: NetworkRecord, aliases: string[] | null = null): EndpointSettings {
    return {
      IPAMConfig: null,
      Links: null,
      Aliases: aliases,
      MacAddress: "",
      DriverOpts: null,
      GwPriority: 0,
      NetworkID: network.Id,
      EndpointID: "",
      Gateway: "",
      IPAddress: "",
      IPPrefixLen: 0,
      IPv6Gateway: "",
      GlobalIPv6Address: "",
      GlobalIPv6PrefixLen: 0,
      DNSNames: null,
    };
  }

  /** Gives a starting container its addresses on every network it is attached to. */
  connectOnStart(container: ContainerRecord): void {
    for (const [name, endpoint] of Object.entries(container.Networks)) {
      const network = this.ctx.store.get<NetworkRecord>("network", endpoint.NetworkID) ?? this.find(name);
      endpoint.NetworkID = network.Id;
      endpoint.EndpointID = this.ctx.ids.randomHex(32);
      const config = network.IPAM.Config[0];
      const subnet = config?.Subnet ? parseSubnet(config.Subnet) : undefined;
      if (!subnet || !config) continue;
      const gateway = config.Gateway ?? formatIPv4(subnet.base + 1);
      const pool = this.pool(network.Id);
      endpoint.Gateway = gateway;
      endpoint.IPAddress = this.lowestFree(subnet.base, subnetSize(subnet), pool, gateway);
      endpoint.IPPrefixLen = subnet.prefix;
      endpoint.MacAddress = this.randomMac();
      if (network.Name !== "bridge") endpoint.DNSNames = [container.Name.slice(1), container.Id.slice(0, 12)];
    }
  }

  /** Releases a stopping container's addresses; the endpoint config stays for the next start. */
  disconnectOnStop(container: ContainerRecord): void {
    for (const endpoint of Object.values(container.Networks)) {
      const pool = this.used.get(endpoint.NetworkID);
      const network = this.ctx.store.get<NetworkRecord>("network", endpoint.NetworkID);
      const base = network?.IPAM.Config[0]?.Subnet ? parseSubnet(network.IPAM.Config[0].Subnet)?.base : undefined;
      if (pool && endpoint.IPAddress && pool.ips.delete(endpoint.IPAddress) && base !== undefined) {
        pool.hint = Math.min(pool.hint, (parseIPv4(endpoint.IPAddress) ?? 0) - base);
      }
      endpoint.EndpointID = "";
      endpoint.Gateway = "";
      endpoint.IPAddress = "";
      endpoint.IPPrefixLen = 0;
      endpoint.MacAddress = "";
      endpoint.DNSNames = null;
    }
  }

  private lowestFree(base: number, size: number, pool: { ips: Set<string>; hint: number }, gateway: string): string {
    // .0 is the network address and the last one is broadcast: neither is handed out.
    for (let offset = Math.max(1, pool.hint); offset < size - 1; offset++) {
      const ip = formatIPv4(base + offset);
      if (ip === gateway || pool.ips.has(ip)) continue;
      pool.ips.add(ip);
      pool.hint = offset + 1;
      return ip;
    }
    throw notFound("no available IPv4 addresses on this network's address pools");
  }

  // Since Engine 28, bridge endpoints get a random locally administered unicast MAC.
  private randomMac(): string {
    const bytes = this.ctx.ids.randomHex(6).match(/../g) ?? [];
    const first = ((parseInt(bytes[0] ?? "0", 16) & 0xfe) | 0x02).toString(16).padStart(2, "0");
    return [first, ...bytes.slice(1)].join(":");
  }
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}
