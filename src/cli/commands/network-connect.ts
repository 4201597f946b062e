// docker network connect (cli/command/network/connect.go).
import type { CommandDef } from "../command.js";
import { getInt, getList, getString } from "../flags/flag-spec.js";
import { stringSlice } from "../opts/ipam.js";

function driverOpts(values: string[]): Record<string, string> {
  const opts: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    const key = (eq < 0 ? value : value.slice(0, eq)).trim();
    if (eq < 0 || key === "") throw new Error("invalid key/value pair format in driver options");
    opts[key] = value.slice(eq + 1).trim();
  }
  return opts;
}

export const networkConnect: CommandDef = {
  name: "connect",
  usage: "[OPTIONS] NETWORK CONTAINER",
  description: "Attach a container to a network",
  flags: [
    { name: "alias", kind: "list", typeName: "strings", usage: "Alias of the container on this network" },
    { name: "driver-opt", kind: "list", typeName: "strings", usage: "Options for the network driver" },
    { name: "gw-priority", kind: "int", usage: "Gateway priority: the highest one gives the default gateway (may be negative)" },
    { name: "ip", kind: "string", usage: "IPv4 address for the container (e.g., \"172.30.100.104\")" },
    { name: "ip6", kind: "string", usage: "IPv6 address for the container (e.g., \"2001:db8::33\")" },
    { name: "link", kind: "list", usage: "Link to another container" },
    { name: "link-local-ip", kind: "list", typeName: "strings", usage: "Link-local address for the container" },
  ],
  args: { kind: "exact", n: 2 },
  async run({ client }, flags) {
    const [network = "", container = ""] = flags.args;
    const opts = driverOpts(stringSlice(getList(flags, "driver-opt")));
    await client.networkConnect(network, container, {
      IPAMConfig: { IPv4Address: getString(flags, "ip"), IPv6Address: getString(flags, "ip6"), LinkLocalIPs: stringSlice(getList(flags, "link-local-ip")) },
      Links: getList(flags, "link"),
      Aliases: stringSlice(getList(flags, "alias")),
      DriverOpts: opts,
      GwPriority: getInt(flags, "gw-priority", 0),
    });
  },
};
