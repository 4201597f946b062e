// POST /networks/create: the request, its checks in the daemon's order and wording
// (daemon/network.go createNetwork, api/types/network/ipam.go ValidateIPAM), and the record
// it becomes. Subnet allocation and overlap checks need the other networks, so they come in.
import { EngineError, forbidden, invalidParameter, notFound } from "../errors.js";
import { contains, nextFreeSubnet, overlaps } from "./address-pools.js";
import { formatIPv4, formatSubnet, parseIPv4, parseSubnet, type Subnet } from "./ipv4.js";
import type { IpamConfig, NetworkRecord } from "./network-record.js";

export interface NetworkCreateRequest {
  Name?: string;
  Driver?: string;
  Scope?: string;
  EnableIPv4?: boolean | null;
  EnableIPv6?: boolean | null;
  IPAM?: { Driver?: string; Config?: IpamConfig[] | null; Options?: Record<string, string> | null } | null;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network: string } | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

const localDrivers = ["bridge", "macvlan", "ipvlan"];

function isIPv6(text: string): boolean {
  return text.includes(":");
}

/** ValidateIPAM's messages for one IPv4 config entry. */
function ipamErrors(cfg: IpamConfig): string[] {
  const raw = cfg.Subnet ?? "";
  const subnet = /^[\d.]+\/\d+$/.test(raw) ? parseSubnet(raw) : undefined;
  if (!subnet) return [`invalid subnet ${raw}: invalid CIDR block notation`];
  const errors: string[] = [];
  const masked = formatSubnet(subnet);
  if (masked !== raw) errors.push(`invalid subnet ${raw}: it should be ${masked}`);
  if (cfg.IPRange) {
    const range = /^[\d.]+\/\d+$/.test(cfg.IPRange) ? parseSubnet(cfg.IPRange) : undefined;
    if (!range) errors.push(`invalid ip-range ${cfg.IPRange}: invalid CIDR block notation`);
    else {
      if (range.prefix < subnet.prefix) errors.push(`invalid ip-range ${cfg.IPRange}: CIDR block is bigger than its parent subnet ${raw}`);
      if (formatSubnet(range) !== cfg.IPRange) errors.push(`invalid ip-range ${cfg.IPRange}: it should be ${formatSubnet(range)}`);
      if (!overlaps(range, subnet)) errors.push(`invalid ip-range ${cfg.IPRange}: parent subnet ${raw} doesn't contain ip-range`);
    }
  }
  const address = (value: string): string | undefined => {
    const ip = parseIPv4(value);
    if (ip === undefined) return isIPv6(value) ? "parent subnet is an IPv4 block" : "invalid address";
    return contains(subnet, ip) ? undefined : `parent subnet ${raw} doesn't contain this address`;
  };
  const gatewayError = cfg.Gateway ? address(cfg.Gateway) : undefined;
  if (gatewayError) errors.push(`invalid gateway ${cfg.Gateway}: ${gatewayError}`);
  for (const [name, aux] of Object.entries(cfg.AuxiliaryAddresses ?? {})) {
    const auxError = address(aux);
    if (auxError) errors.push(`invalid auxiliary address ${name}: ${auxError}`);
  }
  return errors;
}

/** moby's multierror.Join: one error bare, several as a "* " list. */
function joinErrors(errors: string[]): string {
  return errors.length === 1 ? (errors[0] ?? "") : `* ${errors.map((e) => e.replace(/\n/g, "\n\t")).join("\n* ")}`;
}

export function buildNetwork(
  request: NetworkCreateRequest,
  existing: NetworkRecord[],
  id: string,
  now: number,
): { record: NetworkRecord; configuredSubnet: boolean } {
  const name = request.Name ?? "";
  if (["bridge", "host", "none", "default"].includes(name)) throw forbidden(`operation is not permitted on predefined ${name} network `);
  const driver = request.Driver || "bridge";
  if (driver === "overlay") {
    throw forbidden('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
  }
  const enableIPv6 = request.EnableIPv6 ?? false;
  const given = (request.IPAM?.Config ?? []).filter((c) => enableIPv6 || !isIPv6(c.Subnet ?? ""));
  const errors = given.flatMap(ipamErrors);
  if (errors.length > 0) throw invalidParameter(`invalid network config:\n${joinErrors(errors)}`);
  if (existing.some((n) => n.Name === name)) throw new EngineError("conflict", `network with name ${name} already exists`);
  if (driver === "host" || driver === "null") throw forbidden(`only one instance of "${driver}" network is allowed`);
  if (!localDrivers.includes(driver)) throw notFound(`could not find plugin ${driver} in v1 plugin registry: plugin not found`);

  const inUse = existing.flatMap((n) => n.IPAM.Config.map((c) => (c.Subnet ? parseSubnet(c.Subnet) : undefined)).filter((s): s is Subnet => s !== undefined));
  const config: IpamConfig[] = [];
  for (const cfg of given.filter((c) => !isIPv6(c.Subnet ?? ""))) {
    const subnet = parseSubnet(cfg.Subnet ?? "");
    if (subnet && inUse.some((used) => overlaps(used, subnet))) throw forbidden("invalid pool request: Pool overlaps with other one on this address space");
    if (subnet) inUse.push(subnet);
    config.push({ ...cfg });
  }
  const configuredSubnet = config.length > 0;
  if (!configuredSubnet && request.EnableIPv4 !== false) {
    const subnet = nextFreeSubnet(inUse);
    config.push({ Subnet: subnet, Gateway: formatIPv4((parseSubnet(subnet)?.base ?? 0) + 1) });
  }
  const record: NetworkRecord = {
    Name: name,
    Id: id,
    Created: now,
    Scope: "local",
    Driver: driver,
    EnableIPv4: request.EnableIPv4 ?? true,
    EnableIPv6: enableIPv6,
    IPAM: { Driver: request.IPAM?.Driver || "default", Options: request.IPAM?.Options ?? null, Config: config },
    Internal: request.Internal ?? false,
    Attachable: request.Attachable ?? false,
    Ingress: request.Ingress ?? false,
    ConfigFrom: { Network: request.ConfigFrom?.Network ?? "" },
    ConfigOnly: request.ConfigOnly ?? false,
    Options: request.Options ?? {},
    Labels: request.Labels ?? {},
  };
  return { record, configuredSubnet };
}
