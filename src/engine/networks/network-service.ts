// Networks: the predefined bridge, host and none, user-defined ones created and removed through
// the API, and the endpoints containers have on them (addresses given on start or on connect,
// released on stop or disconnect), with the events the daemon logs for each.
import type { ContainerRecord, EndpointSettings } from "../containers/container-record.js";
import { EngineError, forbidden, invalidParameter, notFound, systemError } from "../errors.js";
import type { EngineContext } from "../engine-context.js";
import { AddressAllocator } from "./address-allocator.js";
import { checkNetworkMode, isPredefined, predefinedNetworks, validateEndpoint, type EndpointRequest } from "./endpoint-rules.js";
import { parseIPv4 } from "./ipv4.js";
import { buildNetwork, type NetworkCreateRequest } from "./network-create.js";
import type { NetworkRecord } from "./network-record.js";
import { predefinedNetwork } from "./predefined.js";

export { isPredefined, predefinedNetworks, type EndpointRequest } from "./endpoint-rules.js";

export class NetworkService {
  private readonly addresses = new AddressAllocator();

  constructor(private readonly ctx: EngineContext) {}

  all(): NetworkRecord[] {
    return this.ctx.store.values<NetworkRecord>("network").sort((a, b) => a.Created - b.Created);
  }

  /** Creates bridge, host and none if this is a fresh engine. */
  ensurePredefined(): void {
    const existing = new Set(this.all().map((n) => n.Name));
    for (const name of predefinedNetworks) {
      if (existing.has(name)) continue;
      const record = predefinedNetwork(name, this.ctx.ids.randomHex(32), this.ctx.clock.now());
      this.ctx.store.put("network", record.Id, record);
    }
  }

  /** Finds a network by full id, name, or unique id prefix, as the daemon's FindNetwork does. */
  find(ref: string): NetworkRecord {
    const direct = this.ctx.store.get<NetworkRecord>("network", ref);
    if (direct) return direct;
    // Names are unique and prefixes must be: neither needs the networks in order. (The record
    // key is the full id, so only a name or a prefix gets here.)
    for (const n of this.ctx.store.scan<NetworkRecord>("network")) if (n.Name === ref) return n;
    const byPrefix = this.ctx.store.values<NetworkRecord>("network").filter((n) => n.Id.startsWith(ref));
    if (byPrefix.length > 1) throw invalidParameter(`network ${ref} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
    if (!byPrefix[0]) throw notFound(`network ${ref} not found`);
    return byPrefix[0];
  }

  create(request: NetworkCreateRequest): NetworkRecord {
    const { record, configuredSubnet } = buildNetwork(request, this.all(), this.ctx.ids.randomHex(32), this.ctx.clock.now());
    if (configuredSubnet) record.ConfiguredSubnet = true;
    this.ctx.store.put("network", record.Id, record);
    this.publish(record, "create");
    return record;
  }

  /** Running containers with an endpoint on the network. */
  endpointsOn(network: NetworkRecord): { container: ContainerRecord; endpoint: EndpointSettings }[] {
    return this.ctx.store
      .values<ContainerRecord>("container")
      .flatMap((container) => Object.values(container.Networks).map((endpoint) => ({ container, endpoint })))
      .filter(({ container, endpoint }) => container.State.Running && endpoint.NetworkID === network.Id && endpoint.EndpointID !== "");
  }

  remove(ref: string): void {
    const network = this.find(ref);
    if (isPredefined(network)) throw forbidden(`${network.Name} is a pre-defined network and cannot be removed`);
    const active = this.endpointsOn(network);
    if (active.length > 0) {
      const list = active.map(({ container, endpoint }) => `name:"${container.Name.slice(1)}" id:"${endpoint.EndpointID.slice(0, 12)}"`);
      throw forbidden(`error while removing network: network ${network.Name} has active endpoints (${list.join(", ")})`);
    }
    this.destroy(network);
  }

  private destroy(network: NetworkRecord): void {
    this.ctx.store.remove("network", network.Id);
    this.addresses.drop(network.Id);
    this.publish(network, "destroy");
  }

  /** Removes every custom network no running container uses; returns their names. */
  prune(keep: (network: NetworkRecord) => boolean): string[] {
    const deleted: string[] = [];
    for (const network of this.all()) {
      if (isPredefined(network) || keep(network) || this.endpointsOn(network).length > 0) continue;
      this.destroy(network);
      deleted.push(network.Name);
    }
    this.ctx.events.publish("network", "prune", "", { reclaimed: "0" });
    return deleted;
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
  connectOnStart(container: ContainerRecord, announce = true): void {
    const joined: EndpointSettings[] = [];
    try {
      for (const [name, endpoint] of Object.entries(container.Networks)) {
        const network = this.ctx.store.get<NetworkRecord>("network", endpoint.NetworkID) ?? this.find(name);
        this.join(container, network, endpoint, announce);
        joined.push(endpoint);
      }
    } catch (error) {
      // No address left on one network: the others give theirs back.
      for (const endpoint of joined) this.leave(container, endpoint, announce);
      throw error;
    }
  }

  /** The connect events of a start whose endpoints joined quietly (connectOnStart(c, false)). */
  announceConnects(container: ContainerRecord): void {
    for (const endpoint of Object.values(container.Networks)) {
      const network = this.ctx.store.get<NetworkRecord>("network", endpoint.NetworkID);
      if (network && endpoint.EndpointID !== "") this.ctx.events.publish("network", "connect", network.Id, { container: container.Id, name: network.Name, type: network.Driver });
    }
  }

  private join(container: ContainerRecord, network: NetworkRecord, endpoint: EndpointSettings, announce = true): void {
    const requested = (endpoint.IPAMConfig as { IPv4Address?: string } | null)?.IPv4Address || undefined;
    const allocation = this.addresses.allocate(network, requested);
    endpoint.NetworkID = network.Id;
    endpoint.EndpointID = this.ctx.ids.randomHex(32);
    if (allocation) {
      endpoint.Gateway = allocation.gateway;
      endpoint.IPAddress = allocation.ip;
      endpoint.IPPrefixLen = allocation.prefix;
      endpoint.MacAddress = this.randomMac();
    }
    // Embedded DNS names: user-defined networks only (buildEndpointDNSNames).
    if (!isPredefined(network)) {
      const names = [container.Name.slice(1), ...(endpoint.Aliases ?? []), container.Id.slice(0, 12), container.Config.Hostname];
      endpoint.DNSNames = [...new Set(names.filter((n) => n))];
    }
    if (announce) this.ctx.events.publish("network", "connect", network.Id, { container: container.Id, name: network.Name, type: network.Driver });
  }

  /** Releases a stopping container's addresses; the endpoint config stays for the next start. */
  disconnectOnStop(container: ContainerRecord, announce = true): void {
    for (const endpoint of Object.values(container.Networks)) this.leave(container, endpoint, announce);
  }

  private leave(container: ContainerRecord, endpoint: EndpointSettings, announce = true): void {
    const network = this.ctx.store.get<NetworkRecord>("network", endpoint.NetworkID);
    const wasJoined = endpoint.EndpointID !== "";
    this.addresses.release(network, endpoint.NetworkID, endpoint.IPAddress);
    endpoint.EndpointID = "";
    endpoint.Gateway = "";
    endpoint.IPAddress = "";
    endpoint.IPPrefixLen = 0;
    endpoint.MacAddress = "";
    endpoint.DNSNames = null;
    if (network && wasJoined && announce) this.publish(network, "disconnect", { container: container.Id });
  }

  /** POST /networks/{id}/connect (daemon.ConnectToNetwork). */
  connect(container: ContainerRecord, ref: string, request: EndpointRequest): void {
    const network = this.find(ref);
    const already = network.Name in container.Networks;
    if (already && !container.State.Running) return;
    if (!already) checkNetworkMode(container, network, (id) => this.ctx.store.get<NetworkRecord>("network", id));
    validateEndpoint(network, request);
    if (already) throw forbidden(`endpoint with name ${container.Name.slice(1)} already exists in network ${network.Name}`);
    const endpoint = this.newEndpoint(network, request.Aliases?.length ? [...request.Aliases] : null);
    const ipam = request.IPAMConfig;
    if (ipam && (ipam.IPv4Address || ipam.IPv6Address || ipam.LinkLocalIPs?.length)) endpoint.IPAMConfig = { ...ipam };
    if (request.Links?.length) endpoint.Links = [...request.Links];
    if (request.DriverOpts && Object.keys(request.DriverOpts).length > 0) endpoint.DriverOpts = { ...request.DriverOpts };
    if (request.GwPriority) endpoint.GwPriority = request.GwPriority;
    if (container.State.Running) this.join(container, network, endpoint);
    container.Networks[network.Name] = endpoint;
    this.ctx.store.put("container", container.Id, container);
  }

  /** POST /networks/{id}/disconnect (daemon.DisconnectFromNetwork). */
  disconnect(container: ContainerRecord, ref: string, force: boolean): void {
    let network: NetworkRecord | undefined;
    try {
      network = this.find(ref);
    } catch (error) {
      if (!(error instanceof EngineError && error.status === 404 && force && !container.State.Running)) throw error;
    }
    const name = network?.Name ?? ref;
    if (!container.State.Running) {
      if (!container.Networks[name]) throw systemError(`container ${container.Id} is not connected to the network ${name}`);
      delete container.Networks[name];
    } else if (network) {
      if (container.HostConfig.NetworkMode === "host" && network.Driver === "host") {
        throw invalidParameter("cannot disconnect container from host network - container was created in host network mode");
      }
      const endpoint = container.Networks[name];
      if (!endpoint) throw systemError(`container ${container.Id} is not connected to network ${name}`);
      this.leave(container, endpoint);
      delete container.Networks[name];
    }
    this.ctx.store.put("container", container.Id, container);
  }

  private publish(network: NetworkRecord, action: string, extra?: Record<string, string>): void {
    const attributes = { name: network.Name, type: network.Driver };
    this.ctx.events.publish("network", action, network.Id, extra ? { ...extra, ...attributes } : attributes);
  }

  // Since Engine 28, bridge endpoints get a random locally administered unicast MAC.
  private randomMac(): string {
    const hex = this.ctx.ids.randomHex(6);
    // A locally administered unicast address: the first octet's low bits set to 10.
    const first = ((parseInt(hex.slice(0, 2), 16) & 0xfe) | 0x02).toString(16).padStart(2, "0");
    return [first, hex.slice(2, 4), hex.slice(4, 6), hex.slice(6, 8), hex.slice(8, 10), hex.slice(10, 12)].join(":");
  }
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}
