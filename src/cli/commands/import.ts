// docker import (cli/command/image/import.go): a tarball from a file, stdin ("-") or a URL the
// daemon fetches, made a one-layer image; prints the daemon's answer, the new image's id.
import { parseReference } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { getList, getString } from "../flags/flag-spec.js";
import { displayJsonMessages } from "../output/json-messages.js";
import { readInputFile, readStdin } from "./archive-output.js";

export const importCommand: CommandDef = {
  name: "import",
  usage: "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
  description: "Create a filesystem image from a tarball",
  flags: [
    { name: "change", short: "c", kind: "list", usage: "Dockerfile instruction to apply to the new image" },
    { name: "message", short: "m", kind: "string", usage: "Commit message for the imported image" },
    { name: "platform", kind: "string", usage: "Platform of the image, when the daemon supports several" },
  ],
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    const [source = "", reference = ""] = flags.args;
    let input: { sourceName: string; source?: Uint8Array };
    if (source === "-") input = { sourceName: "-", source: await readStdin(io) };
    else if (source.startsWith("https://") || source.startsWith("http://")) input = { sourceName: source };
    else input = { sourceName: "-", source: await readInputFile(io, source) };
    // ImageImport checks the name before sending anything.
    if (reference !== "") parseReference(reference);
    const messages = await client.imageImport(input, reference, {
      message: getString(flags, "message"),
      changes: getList(flags, "change"),
      platform: getString(flags, "platform"),
    });
    await displayJsonMessages(messages, io.stdout, io.isTTY, io.columns);
  },
};
