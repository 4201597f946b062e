// Files of the small packages several images install on their way: tzdata's zones, netbase's
// /etc/services and /etc/protocols, the CA bundle, and the privilege-dropping helpers.
import { link } from "../../fs/layer-builder.js";
import { program } from "./stub.js";
import type { Specs } from "./stub.js";

const ZONES = ["Etc/UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"];

/** A few of tzdata's zones (TZif stand-ins) and the UTC aliases. */
export function zoneinfo(): Specs {
  const specs: Specs = {};
  for (const zone of ZONES) specs[`/usr/share/zoneinfo/${zone}`] = `TZif2 ${zone}\n`;
  specs["/usr/share/zoneinfo/UTC"] = link("Etc/UTC");
  specs["/usr/share/zoneinfo/Etc/GMT"] = link("UTC");
  return specs;
}

const SERVICES: readonly (readonly [string, string, string?])[] = [
  ["ftp-data", "20/tcp"], ["ftp", "21/tcp"], ["ssh", "22/tcp", "SSH Remote Login Protocol"], ["telnet", "23/tcp"],
  ["smtp", "25/tcp", "mail"], ["domain", "53/tcp", "Domain Name Server"], ["domain", "53/udp"],
  ["http", "80/tcp", "www"], ["pop3", "110/tcp", "pop-3"], ["ntp", "123/udp", "Network Time Protocol"],
  ["imap2", "143/tcp", "imap"], ["snmp", "161/udp"], ["ldap", "389/tcp"], ["https", "443/tcp"],
  ["submissions", "465/tcp", "ssmtp smtps urd"], ["submission", "587/tcp"], ["imaps", "993/tcp"], ["pop3s", "995/tcp"],
  ["mysql", "3306/tcp"], ["postgresql", "5432/tcp", "postgres"], ["x11", "6000/tcp", "x11-0"],
];

/** netbase: the well-known service ports and IP protocol numbers. */
export function netbase(): Specs {
  const services = SERVICES.map(([name, port, alias]) => `${name.padEnd(16)}${port}${alias ? `\t\t${alias}` : ""}`);
  return {
    "/etc/services": `# Network services: name, port/protocol, aliases.\n${services.join("\n")}\n`,
    "/etc/protocols":
      "# Internet protocols: name, number, aliases.\nip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\nipv6\t41\tIPv6\nipv6-icmp\t58\tIPv6-ICMP\n",
    "/etc/ethertypes": "IPv4\t0800\tip ip4\nARP\t0806\tether-arp\nIPv6\t86DD\tip6\n",
  };
}

/** The Mozilla CA bundle, where Debian and Alpine both keep it. */
export const caBundle = (): Specs => ({
  "/etc/ssl/certs/ca-certificates.crt": "# Mozilla's CA bundle. The playground keeps the file, not the certificates.\n",
});

/** gosu, which the Debian-based database images use to drop root before starting the server. */
export const gosu = (version: string): Specs => ({ "/usr/local/bin/gosu": program("gosu", `gosu ${version}`) });
