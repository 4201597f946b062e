// IPv4 arithmetic for IPAM: addresses as unsigned 32-bit numbers.

export function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  // Unsigned shifts: the value is below 2^32, so each octet comes out as a plain number.
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export interface Subnet {
  base: number;
  prefix: number;
}

export function parseSubnet(cidr: string): Subnet | undefined {
  const [addr, bits] = cidr.split("/");
  const base = addr === undefined ? undefined : parseIPv4(addr);
  const prefix = Number(bits);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { base: base - (base % size), prefix };
}

export function subnetSize(subnet: Subnet): number {
  return 2 ** (32 - subnet.prefix);
}

export function formatSubnet(subnet: Subnet): string {
  return `${formatIPv4(subnet.base)}/${subnet.prefix}`;
}
