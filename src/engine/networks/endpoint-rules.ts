// Who may join which network, and with what endpoint settings: the daemon's checks before a
// connect (daemon/container_operations.go updateNetworkSettings, validateEndpointSettings),
// with runconfig's messages.
import type { ContainerRecord } from "../containers/container-record.js";
import { invalidParameter } from "../errors.js";
import { parseIPv4 } from "./ipv4.js";
import type { NetworkRecord } from "./network-record.js";

export const predefinedNetworks = ["bridge", "host", "none"] as const;

export function isPredefined(network: NetworkRecord): boolean {
  return (predefinedNetworks as readonly string[]).includes(network.Name);
}

export interface EndpointRequest {
  Aliases?: string[] | null;
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null;
  Links?: string[] | null;
  DriverOpts?: Record<string, string> | null;
  GwPriority?: number;
}

const sharedNamespace = "container sharing network namespace with another container or host cannot be connected to any other network";

/** Host-mode and container-mode containers join nothing else; none excludes every other network. */
export function checkNetworkMode(container: ContainerRecord, network: NetworkRecord, byId: (id: string) => NetworkRecord | undefined): void {
  const mode = container.HostConfig.NetworkMode;
  if (mode !== "host" && network.Driver === "host") throw invalidParameter("cannot connect container to host network - container must be created in host network mode");
  if (mode.startsWith("container:")) throw invalidParameter(sharedNamespace);
  for (const [name, endpoint] of Object.entries(container.Networks)) {
    const driver = byId(endpoint.NetworkID)?.Driver ?? name;
    if (driver === "host" || network.Driver === "host") throw invalidParameter(sharedNamespace);
    if (name === "none" || network.Name === "none") throw invalidParameter("container cannot be connected to multiple networks with one of the networks in private (none) mode");
  }
}

/** Static addresses and aliases need a user-defined network; a static IPv4 one with its own subnet. */
export function validateEndpoint(network: NetworkRecord, request: EndpointRequest): void {
  const errors: string[] = [];
  const ipv4 = request.IPAMConfig?.IPv4Address ?? "";
  if (isPredefined(network)) {
    if (ipv4 || request.IPAMConfig?.IPv6Address) errors.push("user specified IP address is supported on user defined networks only");
    if (request.Aliases?.length) errors.push("network-scoped alias is supported only for containers in user defined networks");
  } else if (ipv4 && !network.ConfiguredSubnet) {
    errors.push("user specified IP address is supported only when connecting to networks with user configured subnets");
  }
  if (ipv4 && parseIPv4(ipv4) === undefined) errors.push(`invalid IPv4 address: ${ipv4}`);
  if (errors.length === 0) return;
  const joined = errors.length === 1 ? (errors[0] ?? "") : `* ${errors.join("\n* ")}`;
  throw invalidParameter(`invalid endpoint settings:\n${joined}`);
}
