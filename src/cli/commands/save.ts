// docker save (cli/command/image/save.go): a docker-save tar of the images, to a file with -o or
// to stdout, which must not be a terminal.
import type { CommandDef } from "../command.js";
import { getString } from "../flags/flag-spec.js";
import { outputTarget, writeOutputFile, writeStdoutBytes } from "./archive-output.js";

const platformUsage = 'Save just this platform variant, written "os[/arch[/variant]]" (e.g., "linux/arm64")';

export const save: CommandDef = {
  name: "save",
  usage: "[OPTIONS] IMAGE [IMAGE...]",
  description: "Write images to a tar archive (on STDOUT unless told otherwise)",
  flags: [
    { name: "output", short: "o", kind: "string", usage: "File to write to (STDOUT when not given)" },
    { name: "platform", kind: "string", usage: platformUsage },
  ],
  args: { kind: "min", n: 1 },
  async run({ io, client }, flags) {
    const output = getString(flags, "output");
    const path = await outputTarget(io, output, "save image");
    const tar = await client.imageSave(flags.args);
    if (path === undefined) writeStdoutBytes(io, tar);
    else await writeOutputFile(io, path, tar);
  },
};
