// docker volume rm (cli/command/volume/remove.go): names echoed on success, errors joined.
import type { CommandDef } from "../command.js";
import { getBool } from "../flags/flag-spec.js";
import { forEachTarget } from "./common.js";

export const volumeRm: CommandDef = {
  name: "rm",
  usage: "[OPTIONS] VOLUME [VOLUME...]",
  description: "Delete volumes",
  aliases: ["remove"],
  flags: [{ name: "force", short: "f", kind: "bool", usage: "Remove by force" }],
  args: { kind: "min", n: 1 },
  run: (ctx, flags) => forEachTarget(ctx, flags.args, (name) => ctx.client.volumeRemove(name, getBool(flags, "force"))),
};
