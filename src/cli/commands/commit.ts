// docker commit: a new image from a container's changes (cli/command/container/commit.go).
// Prints the new image's id.
import { parseReference } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";

export const commit: CommandDef = {
  name: "commit",
  usage: "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  description: "Save a container's changes as a new image",
  flags: [
    { name: "author", short: "a", kind: "string", usage: 'Who made the image (e.g., "Jane Doe <jane@example.com>")' },
    { name: "change", short: "c", kind: "list", usage: "Dockerfile instruction to apply to the new image" },
    { name: "message", short: "m", kind: "string", usage: "Message to record with the commit" },
    { name: "pause", short: "p", kind: "bool", defaultText: "true", usage: "Pause the container while committing" },
  ],
  args: { kind: "range", min: 1, max: 2 },
  async run({ io, client }, flags) {
    const [container = "", reference = ""] = flags.args;
    // The CLI checks the name itself before asking the daemon (reference.ParseNormalizedNamed).
    if (reference) parseReference(reference);
    const { Id } = await client.containerCommit(container, {
      reference,
      comment: getString(flags, "message"),
      author: getString(flags, "author"),
      changes: getList(flags, "change"),
      pause: flags.values.get("pause") !== false || getBool(flags, "pause"),
    });
    io.stdout(`${Id}\n`);
    return 0;
  },
};
