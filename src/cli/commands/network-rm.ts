// docker network rm (cli/command/network/remove.go): each failure printed as it happens, then
// the status error's own text, "exit status 1", printed too.
import { ApiError } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool } from "../flags/flag-spec.js";
import { daemonMessage } from "./common.js";

export const networkRm: CommandDef = {
  name: "rm",
  usage: "NETWORK [NETWORK...]",
  description: "Delete networks",
  aliases: ["remove"],
  flags: [{ name: "force", short: "f", kind: "bool", usage: "Say nothing when a network does not exist" }],
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    let status = 0;
    for (const name of flags.args) {
      try {
        await client.networkRemove(name);
        io.stdout(`${name}\n`);
      } catch (error) {
        if (getBool(flags, "force") && error instanceof ApiError && error.status === 404) continue;
        io.stderr(`${daemonMessage(error)}\n`);
        status = 1;
      }
    }
    if (status !== 0) throw new StatusError(status, `exit status ${status}`);
  },
};
