// docker images / docker image ls
import type { CommandDef } from "../command.js";
import { defaultImagesFormat, digestImagesFormat, imageContext, imageHeaders, imageRows } from "../contexts/image-context.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { renderFormat } from "../format/index.js";
import { formatFlag } from "./common.js";
import { parseFilterFlags } from "./ps.js";

export const images: CommandDef = {
  name: "ls",
  usage: "[OPTIONS] [REPOSITORY[:TAG]]",
  description: "Show the images stored locally",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Include intermediate images too" },
    { name: "digests", kind: "bool", usage: "Add a column with each image's digest" },
    { name: "filter", short: "f", kind: "filter", usage: "Only show images that match these conditions" },
    formatFlag,
    { name: "no-trunc", kind: "bool", usage: "Print values in full" },
    { name: "quiet", short: "q", kind: "bool", usage: "Print image IDs only" },
    { name: "tree", kind: "bool", usage: "Show multi-platform images as a tree (EXPERIMENTAL)" },
  ],
  interspersed: true,
  args: { kind: "max", n: 1 },
  async run({ io, client, path }, flags) {
    const filters = parseFilterFlags(getList(flags, "filter"));
    const [reference] = flags.args;
    if (reference) (filters["reference"] ??= []).push(reference);
    const list = await client.imageList({ all: getBool(flags, "all"), filters });
    if (list.length === 0 && reference && path === "docker images" && ["ls", "rm", "prune", "inspect", "pull", "push", "tag", "history", "save", "load", "import"].includes(reference)) {
      io.stderr(`\nNo images found matching "${reference}": did you mean "docker image ${reference}"?\n`);
    }
    // NewImageFormat: a bare "table" names the default table, like an empty --format.
    let format = getString(flags, "format") === "table" ? "" : getString(flags, "format");
    if (getBool(flags, "quiet")) format = "{{.ID}}";
    format ||= getBool(flags, "digests") ? digestImagesFormat : defaultImagesFormat;
    let rows = imageRows(list);
    if (getBool(flags, "quiet")) rows = rows.filter((r, i) => rows.findIndex((o) => o.image.Id === r.image.Id) === i);
    const options = { trunc: !getBool(flags, "no-trunc"), now: io.now(), digests: getBool(flags, "digests") || format.includes("{{.Digest}}") };
    io.stdout(renderFormat({ format, rows: rows.map((r) => imageContext(r, options)), header: imageHeaders, typeName: "*formatter.imageContext" }));
  },
};
