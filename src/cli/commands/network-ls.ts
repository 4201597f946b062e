// docker network ls (cli/command/network/list.go): sorted by name in natural order client-side.
import type { CommandDef } from "../command.js";
import { networkContext, networkFormat, networkHeaders } from "../contexts/network-context.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { naturalCompare, renderFormat } from "../format/index.js";
import { formatFlag } from "./common.js";
import { parseFilterFlags } from "./ps.js";

export const networkLs: CommandDef = {
  name: "ls",
  usage: "[OPTIONS]",
  description: "Show the networks",
  aliases: ["list"],
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Only show networks that match (e.g. \"driver=bridge\")" },
    formatFlag,
    { name: "no-trunc", kind: "bool", usage: "Print IDs in full" },
    { name: "quiet", short: "q", kind: "bool", usage: "Print network IDs only" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const list = await client.networkList(parseFilterFlags(getList(flags, "filter")));
    list.sort((a, b) => naturalCompare(a.Name, b.Name));
    const format = networkFormat(getString(flags, "format") || "table", getBool(flags, "quiet"));
    const trunc = !getBool(flags, "no-trunc");
    io.stdout(renderFormat({ format, rows: list.map((n) => networkContext(n, trunc)), header: networkHeaders, typeName: "*network.networkContext" }));
  },
};
