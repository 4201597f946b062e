// docker volume ls (cli/command/volume/list.go): sorted by name in natural order client-side.
import type { CommandDef } from "../command.js";
import { volumeContext, volumeFormat, volumeHeaders } from "../contexts/volume-context.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { naturalCompare, renderFormat } from "../format/index.js";
import { formatFlag } from "./common.js";
import { parseFilterFlags } from "./ps.js";

export const volumeLs: CommandDef = {
  name: "ls",
  usage: "[OPTIONS]",
  description: "Show the volumes",
  aliases: ["list"],
  flags: [
    { name: "cluster", kind: "bool", hidden: true, usage: "Only cluster volumes, listed in the cluster format" },
    { name: "filter", short: "f", kind: "filter", usage: "Only show volumes that match (e.g. \"dangling=true\")" },
    formatFlag,
    { name: "quiet", short: "q", kind: "bool", usage: "Print volume names only" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const { Volumes } = await client.volumeList(parseFilterFlags(getList(flags, "filter")));
    const list = [...(Volumes ?? [])].sort((a, b) => naturalCompare(a.Name, b.Name));
    const format = volumeFormat(getString(flags, "format") || "table", getBool(flags, "quiet"));
    io.stdout(renderFormat({ format, rows: list.map(volumeContext), header: volumeHeaders, typeName: "*formatter.volumeContext" }));
  },
};
