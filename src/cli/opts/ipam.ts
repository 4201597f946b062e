// `docker network create`'s --subnet, --ip-range, --gateway and --aux-address, consolidated
// into the IPAM config as cli/command/network/create.go's createIPAMConfig does, with its
// messages. IPv4 is checked here; IPv6 values are passed through for the daemon to judge.
import type { NetworkIpamConfig } from "../../client/index.js";

function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** net.ParseCIDR, IPv4 only: the masked range, or the Go error text. */
function parseCidr(text: string): { base: number; size: number } | string {
  const [addr = "", bits, extra] = text.split("/");
  const ip = parseIPv4(addr);
  const prefix = Number(bits);
  if (ip === undefined || extra !== undefined || bits === undefined || !/^\d{1,2}$/.test(bits) || prefix > 32) return `invalid CIDR address: ${text}`;
  const size = 2 ** (32 - prefix);
  return { base: ip - (ip % size), size };
}

function subnetMatches(subnet: string, data: string): boolean {
  const range = parseCidr(subnet);
  if (typeof range === "string") throw new Error(`invalid subnet: ${range}`);
  const ip = parseIPv4(data.includes("/") ? (data.split("/")[0] ?? "") : data);
  if (data.includes("/")) {
    const parsed = parseCidr(data);
    if (typeof parsed === "string") throw new Error(parsed);
  }
  return ip !== undefined && ip >= range.base && ip < range.base + range.size;
}

export interface IpamOptions {
  driver: string;
  subnets: string[];
  ipRanges: string[];
  gateways: string[];
  auxAddresses: Record<string, string>;
  driverOpts: Record<string, string>;
}

export function createIpamConfig(options: IpamOptions): { Driver: string; Config: NetworkIpamConfig[]; Options: Record<string, string> } {
  const { subnets } = options;
  if (subnets.length < options.ipRanges.length || subnets.length < options.gateways.length) {
    throw new Error("every ip-range or gateway must have a corresponding subnet");
  }
  const data = new Map<string, NetworkIpamConfig>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      if (subnetMatches(s, k) || subnetMatches(k, s)) throw new Error("multiple overlapping subnet configuration is not supported");
    }
    data.set(s, { Subnet: s });
  }
  for (const r of options.ipRanges) {
    let match = false;
    for (const s of subnets) {
      const parsed = parseCidr(r);
      if (typeof parsed === "string") throw new Error(parsed);
      if (!subnetMatches(s, r)) continue;
      const entry = data.get(s) ?? {};
      if (entry.IPRange) throw new Error(`cannot configure multiple ranges (${r}, ${entry.IPRange}) on the same subnet (${s})`);
      entry.IPRange = r;
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for range ${r}`);
  }
  for (const g of options.gateways) {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, g)) continue;
      const entry = data.get(s) ?? {};
      if (entry.Gateway) throw new Error(`cannot configure multiple gateways (${g}, ${entry.Gateway}) for the same subnet (${s})`);
      entry.Gateway = g;
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for gateway ${g}`);
  }
  for (const [key, aa] of Object.entries(options.auxAddresses)) {
    let match = false;
    for (const s of subnets) {
      if (!subnetMatches(s, aa)) continue;
      const entry = data.get(s) ?? {};
      entry.AuxiliaryAddresses = { ...entry.AuxiliaryAddresses, [key]: aa };
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for aux-address ${aa}`);
  }
  return { Driver: options.driver, Config: [...data.values()], Options: options.driverOpts };
}

/** opts.MapOpts / ConvertKVStringsToMap: key=value pairs, a bare key maps to "". */
export function keyValueMap(values: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    if (eq < 0) map[value] = "";
    else map[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return map;
}

/** pflag's StringSlice: every occurrence, each split on commas. */
export function stringSlice(values: string[]): string[] {
  return values.flatMap((v) => (v === "" ? [] : v.split(",")));
}
