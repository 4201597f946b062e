// docker network create (cli/command/network/create.go): prints the new network's full id.
import type { CommandDef } from "../command.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { createIpamConfig, keyValueMap, stringSlice } from "../opts/ipam.js";
import { validateLabel } from "../opts/validators.js";

export const networkCreate: CommandDef = {
  name: "create",
  usage: "[OPTIONS] NETWORK",
  description: "Make a new network",
  flags: [
    { name: "attachable", kind: "bool", usage: "Let containers be attached to it by hand" },
    { name: "aux-address", kind: "map", usage: "Extra IPv4 or IPv6 addresses for the network driver", defaultText: "map[]" },
    { name: "config-from", kind: "string", usage: "Network to copy the configuration from" },
    { name: "config-only", kind: "bool", usage: "Make a network that only holds configuration" },
    { name: "driver", short: "d", kind: "string", usage: "Network driver", defaultText: '"bridge"' },
    { name: "gateway", kind: "list", typeName: "strings", usage: "IPv4 or IPv6 gateway of the subnet" },
    { name: "ingress", kind: "bool", usage: "Make the swarm routing-mesh network" },
    { name: "internal", kind: "bool", usage: "Cut the network off from the outside world" },
    { name: "ip-range", kind: "list", typeName: "strings", usage: "Sub-range to take container addresses from" },
    { name: "ipam-driver", kind: "string", usage: "IP address management (IPAM) driver", defaultText: '"default"' },
    { name: "ipam-opt", kind: "map", usage: "Options for the IPAM driver", defaultText: "map[]" },
    { name: "ipv4", kind: "bool", usage: "Give containers IPv4 addresses", defaultText: "true" },
    { name: "ipv6", kind: "bool", usage: "Give containers IPv6 addresses" },
    { name: "label", kind: "list", validate: validateLabel, usage: "Metadata to set on the network" },
    { name: "opt", short: "o", kind: "map", usage: "Options for the network driver", defaultText: "map[]" },
    { name: "scope", kind: "string", usage: "Scope of the network" },
    { name: "subnet", kind: "list", typeName: "strings", usage: "Subnet of the network, in CIDR form" },
  ],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [name = ""] = flags.args;
    const ipam = createIpamConfig({
      driver: flags.changed.has("ipam-driver") ? getString(flags, "ipam-driver") : "default",
      subnets: stringSlice(getList(flags, "subnet")),
      ipRanges: stringSlice(getList(flags, "ip-range")),
      gateways: stringSlice(getList(flags, "gateway")),
      auxAddresses: keyValueMap(getList(flags, "aux-address")),
      driverOpts: keyValueMap(getList(flags, "ipam-opt")),
    });
    const configFrom = getString(flags, "config-from");
    const response = await client.networkCreate({
      Name: name,
      Driver: flags.changed.has("driver") ? getString(flags, "driver") : "bridge",
      Scope: getString(flags, "scope"),
      // --ipv4 and --ipv6 are sent only when given (nil pointers otherwise).
      ...(flags.changed.has("ipv4") ? { EnableIPv4: getBool(flags, "ipv4") } : {}),
      ...(flags.changed.has("ipv6") ? { EnableIPv6: getBool(flags, "ipv6") } : {}),
      IPAM: ipam,
      Internal: getBool(flags, "internal"),
      Attachable: getBool(flags, "attachable"),
      Ingress: getBool(flags, "ingress"),
      ConfigOnly: getBool(flags, "config-only"),
      ...(configFrom ? { ConfigFrom: { Network: configFrom } } : {}),
      Options: keyValueMap(getList(flags, "opt")),
      Labels: keyValueMap(getList(flags, "label")),
    });
    io.stdout(`${response.Id}\n`);
  },
};
