// docker network disconnect (cli/command/network/disconnect.go).
import type { CommandDef } from "../command.js";
import { getBool } from "../flags/flag-spec.js";

export const networkDisconnect: CommandDef = {
  name: "disconnect",
  usage: "[OPTIONS] NETWORK CONTAINER",
  description: "Disconnect a container from a network",
  flags: [{ name: "force", short: "f", kind: "bool", usage: "Force the container to disconnect from a network" }],
  args: { kind: "exact", n: 2 },
  async run({ client }, flags) {
    const [network = "", container = ""] = flags.args;
    await client.networkDisconnect(network, container, getBool(flags, "force"));
  },
};
