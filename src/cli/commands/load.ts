// docker load (cli/command/image/load.go): a docker-save tar from -i or stdin (never from the
// terminal itself), then the daemon's messages; quiet unless stdout is a terminal.
import type { CommandDef } from "../command.js";
import { getBool, getString } from "../flags/flag-spec.js";
import { displayJsonMessages } from "../output/json-messages.js";
import { readInputFile, readStdin } from "./archive-output.js";

const platformUsage = 'Load just this platform variant, written "os[/arch[/variant]]" (e.g., "linux/arm64")';

export const load: CommandDef = {
  name: "load",
  usage: "[OPTIONS]",
  description: "Load images from a tar archive or from STDIN",
  flags: [
    { name: "input", short: "i", kind: "string", usage: "Tar archive to read (STDIN when not given)" },
    { name: "platform", kind: "string", usage: platformUsage },
    { name: "quiet", short: "q", kind: "bool", usage: "Print nothing while loading" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const input = getString(flags, "input");
    let archive: Uint8Array;
    if (input === "") {
      if (io.stdin?.isTTY) throw new Error("requested load from stdin, but stdin is empty");
      archive = await readStdin(io);
    } else {
      archive = await readInputFile(io, input);
    }
    const quiet = getBool(flags, "quiet") || !io.isTTY;
    const messages = await client.imageLoad(archive, quiet);
    await displayJsonMessages(messages, io.stdout, io.isTTY, io.columns);
  },
};
