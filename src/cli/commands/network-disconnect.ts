// docker network disconnect (cli/command/network/disconnect.go).
import type { CommandDef } from "../command.js";
import { getBool } from "../flags/flag-spec.js";

export const networkDisconnect: CommandDef = {
  name: "disconnect",
  usage: "[OPTIONS] NETWORK CONTAINER",
  description: "Detach a container from a network",
  flags: [{ name: "force", short: "f", kind: "bool", usage: "Disconnect the container by force" }],
  args: { kind: "exact", n: 2 },
  async run({ client }, flags) {
    const [network = "", container = ""] = flags.args;
    await client.networkDisconnect(network, container, getBool(flags, "force"));
  },
};
