// docker rename: the daemon's error on stderr, then the CLI's own line (cli/command/container/rename.go).
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { daemonMessage } from "./common.js";

export const rename: CommandDef = {
  name: "rename",
  usage: "CONTAINER NEW_NAME",
  description: "Give a container a new name",
  flags: [],
  args: { kind: "exact", n: 2 },
  async run({ io, client }, flags) {
    const [oldName = "", newName = ""] = flags.args.map((a) => a.trim());
    if (oldName === "" || newName === "") throw new StatusError(1, "Error: Neither old nor new names may be empty");
    try {
      await client.containerRename(oldName, newName);
    } catch (error) {
      io.stderr(`${daemonMessage(error)}\n`);
      throw new StatusError(1, `Error: failed to rename container named ${oldName}`);
    }
  },
};
