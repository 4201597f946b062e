// docker export (cli/command/container/export.go): the container's filesystem as a tar, to a
// file with -o or to stdout, which must not be a terminal.
import type { CommandDef } from "../command.js";
import { getString } from "../flags/flag-spec.js";
import { outputTarget, writeOutputFile, writeStdoutBytes } from "./archive-output.js";

export const exportCommand: CommandDef = {
  name: "export",
  usage: "[OPTIONS] CONTAINER",
  description: "Write a container's filesystem out as a tar archive",
  flags: [{ name: "output", short: "o", kind: "string", usage: "File to write to (STDOUT when not given)" }],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [container = ""] = flags.args;
    const output = getString(flags, "output");
    const path = await outputTarget(io, output, "export container");
    const tar = await client.containerExport(container);
    if (path === undefined) writeStdoutBytes(io, tar);
    else await writeOutputFile(io, path, tar);
  },
};
