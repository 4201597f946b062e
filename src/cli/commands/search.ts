// docker search (cli/command/registry/search.go): the daemon searches Docker Hub; the CLI prints
// what came back in the daemon's order.
import { parseReference } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { registryAuthFor } from "../config/registry-auth.js";
import { searchContext, searchFormat, searchHeaders } from "../contexts/search-context.js";
import { getBool, getInt, getList, getString } from "../flags/flag-spec.js";
import { renderFormat } from "../format/index.js";
import { parseFilterFlags } from "./ps.js";

export const search: CommandDef = {
  name: "search",
  usage: "[OPTIONS] TERM",
  description: "Look for images on Docker Hub",
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Only show results that match these conditions" },
    { name: "format", kind: "string", usage: "Go template to print each result with" },
    { name: "limit", kind: "int", usage: "Show at most this many results" },
    { name: "no-trunc", kind: "bool", usage: "Print descriptions in full" },
  ],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [term = ""] = flags.args;
    const filters = parseFilterFlags(getList(flags, "filter"));
    if (filters["is-automated"]) {
      io.stderr('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n');
    }
    const registryAuth = await registryAuthFor(io, searchDomain(term));
    const results = await client.imageSearch(term, { limit: getInt(flags, "limit", 0), filters, registryAuth });
    const trunc = !getBool(flags, "no-trunc");
    const format = searchFormat(getString(flags, "format"));
    io.stdout(renderFormat({ format, rows: results.map((r) => searchContext(r, trunc)), header: searchHeaders, typeName: "*registry.searchContext" }));
  },
};

/** ParseSearchIndexInfo: a first component with a dot, a port or "localhost" names a registry. */
function searchDomain(term: string): string {
  const slash = term.indexOf("/");
  const first = slash < 0 ? "" : term.slice(0, slash);
  if (slash < 0 || (!first.includes(".") && !first.includes(":") && first !== "localhost")) return "docker.io";
  try {
    return parseReference(term).domain;
  } catch {
    return first;
  }
}
