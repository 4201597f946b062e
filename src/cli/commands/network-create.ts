// docker network create (cli/command/network/create.go): prints the new network's full id.
import type { CommandDef } from "../command.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { createIpamConfig, keyValueMap, stringSlice } from "../opts/ipam.js";
import { validateLabel } from "../opts/validators.js";

export const networkCreate: CommandDef = {
  name: "create",
  usage: "[OPTIONS] NETWORK",
  description: "Create a network",
  flags: [
    { name: "attachable", kind: "bool", usage: "Enable manual container attachment" },
    { name: "aux-address", kind: "map", usage: "Auxiliary IPv4 or IPv6 addresses used by Network driver", defaultText: "map[]" },
    { name: "config-from", kind: "string", usage: "The network from which to copy the configuration" },
    { name: "config-only", kind: "bool", usage: "Create a configuration only network" },
    { name: "driver", short: "d", kind: "string", usage: "Driver to manage the Network", defaultText: '"bridge"' },
    { name: "gateway", kind: "list", typeName: "strings", usage: "IPv4 or IPv6 Gateway for the master subnet" },
    { name: "ingress", kind: "bool", usage: "Create swarm routing-mesh network" },
    { name: "internal", kind: "bool", usage: "Restrict external access to the network" },
    { name: "ip-range", kind: "list", typeName: "strings", usage: "Allocate container ip from a sub-range" },
    { name: "ipam-driver", kind: "string", usage: "IP Address Management Driver", defaultText: '"default"' },
    { name: "ipam-opt", kind: "map", usage: "Set IPAM driver specific options", defaultText: "map[]" },
    { name: "ipv4", kind: "bool", usage: "Enable or disable IPv4 address assignment", defaultText: "true" },
    { name: "ipv6", kind: "bool", usage: "Enable or disable IPv6 address assignment" },
    { name: "label", kind: "list", validate: validateLabel, usage: "Set metadata on a network" },
    { name: "opt", short: "o", kind: "map", usage: "Set driver specific options", defaultText: "map[]" },
    { name: "scope", kind: "string", usage: "Control the network's scope" },
    { name: "subnet", kind: "list", typeName: "strings", usage: "Subnet in CIDR format that represents a network segment" },
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
