// docker rmi / docker image rm: Untagged and Deleted lines per image, each failure reported.
import type { CommandDef } from "../command.js";
import { ApiError } from "../../client/index.js";
import { StatusError } from "../errors.js";
import { getBool } from "../flags/flag-spec.js";
import { daemonMessage } from "./common.js";

export const rmi: CommandDef = {
  name: "rm",
  usage: "[OPTIONS] IMAGE [IMAGE...]",
  description: "Delete images",
  aliases: ["remove"],
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Delete the image even when it has several tags or a stopped container uses it" },
    { name: "no-prune", kind: "bool", usage: "Keep the untagged parent images" },
    { name: "platform", kind: "list", typeName: "strings", usage: "Delete just these platforms of the image" },
  ],
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    const errors: string[] = [];
    let fatal = false;
    for (const image of flags.args) {
      try {
        const report = await client.imageRemove(image, { force: getBool(flags, "force"), noprune: getBool(flags, "no-prune") });
        for (const item of report) {
          if (item.Untagged) io.stdout(`Untagged: ${item.Untagged}\n`);
          if (item.Deleted) io.stdout(`Deleted: ${item.Deleted}\n`);
        }
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) fatal = true;
        errors.push(daemonMessage(error));
      }
    }
    if (errors.length === 0) return;
    // image/remove.go: with --force, images that are already gone are reported but not a failure.
    if (!getBool(flags, "force") || fatal) throw new StatusError(1, errors.join("\n"));
    io.stderr(`${errors.join("\n")}\n`);
  },
};
