// docker history (cli/command/image/history.go): the daemon's history entries, newest first.
import type { CommandDef } from "../command.js";
import { historyContext, historyFormat, historyHeaders } from "../contexts/history-context.js";
import { getBool, getString } from "../flags/flag-spec.js";
import { renderFormat } from "../format/index.js";
import { tableFormatHelp } from "../help/flag-help.js";

export const history: CommandDef = {
  name: "history",
  usage: "[OPTIONS] IMAGE",
  description: "Show the layers an image was built from",
  flags: [
    { name: "format", kind: "string", usage: tableFormatHelp },
    { name: "human", short: "H", kind: "bool", defaultText: "true", usage: "Show sizes and dates in a friendly form" },
    { name: "no-trunc", kind: "bool", usage: "Print values in full" },
    { name: "platform", kind: "string", usage: 'Show the history of just this platform variant, written "os[/arch[/variant]]" (e.g., "linux/arm64")' },
    { name: "quiet", short: "q", kind: "bool", usage: "Print the layer IDs only" },
  ],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [image = ""] = flags.args;
    const items = await client.imageHistory(image);
    // -H defaults to true: only an explicit --human=false turns it off.
    const human = flags.values.get("human") !== false;
    const format = historyFormat(getString(flags, "format") || "table", getBool(flags, "quiet"), human);
    const options = { trunc: !getBool(flags, "no-trunc"), human, now: io.now() };
    io.stdout(renderFormat({ format, rows: items.map((item) => historyContext(item, options)), header: historyHeaders, typeName: "*image.historyContext" }));
  },
};
