// docker ps / docker container ls
import type { ContainerSummary, Filters } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { containerContext, containerHeaders, defaultPsFormat } from "../contexts/container-context.js";
import { getBool, getInt, getList, getString } from "../flags/flag-spec.js";
import { DOCKER_FUNCS, parseTemplate, renderFormat } from "../format/index.js";
import { StatusError } from "../errors.js";
import { formatFlag } from "./common.js";

export function parseFilterFlags(values: string[]): Filters {
  const filters: Filters = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    if (eq < 0) throw new Error(`bad format of filter (expected name=value)`);
    const key = value.slice(0, eq).trim().toLowerCase();
    (filters[key] ??= []).push(value.slice(eq + 1));
  }
  return filters;
}

const emptyContainer: ContainerSummary = {
  Id: "", Names: [], Image: "", ImageID: "", Command: "", Created: 0, Ports: [], Labels: null, State: "", Status: "",
  HostConfig: { NetworkMode: "" }, NetworkSettings: { Networks: {} }, Mounts: [],
};

/** ps reads the template before listing (to see whether it needs sizes), as the CLI does. */
function checkFormat(format: string): void {
  let template;
  try {
    template = parseTemplate(format, DOCKER_FUNCS);
  } catch (error) {
    throw new StatusError(1, `failed to parse template: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    template.execute(containerContext(emptyContainer, { trunc: true, now: 0 }), { typeName: "*formatter.ContainerContext" });
  } catch (error) {
    throw new StatusError(1, `failed to execute template: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const ps: CommandDef = {
  name: "ps",
  usage: "[OPTIONS]",
  description: "Show the containers",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Show every container, not only running ones" },
    { name: "filter", short: "f", kind: "filter", usage: "Only show containers that match these conditions" },
    formatFlag,
    { name: "last", short: "n", kind: "int", defaultText: "-1", usage: "Show the n most recently created containers (all states)" },
    { name: "latest", short: "l", kind: "bool", usage: "Show the most recently created container (all states)" },
    { name: "no-trunc", kind: "bool", usage: "Print values in full" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only print container IDs" },
    { name: "size", short: "s", kind: "bool", usage: "Add the containers' file sizes" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    // NewContainerFormat: a bare "table" names the default table, like an empty --format.
    let format = getString(flags, "format") === "table" ? "" : getString(flags, "format");
    if (format) checkFormat(format);
    const quiet = getBool(flags, "quiet");
    if (quiet && format) io.stderr("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
    if (quiet) format = "{{.ID}}";
    format ||= defaultPsFormat;
    let limit = getInt(flags, "last", -1);
    if (getBool(flags, "latest")) limit = 1;
    const list = await client.containerList({
      all: getBool(flags, "all"),
      ...(limit > 0 ? { limit } : {}),
      size: getBool(flags, "size") || format.includes(".Size"),
      filters: parseFilterFlags(getList(flags, "filter")),
    });
    if (getBool(flags, "size") && format === defaultPsFormat) format += "\t{{.Size}}";
    const options = { trunc: !getBool(flags, "no-trunc"), now: io.now() };
    io.stdout(renderFormat({ format, rows: list.map((c) => containerContext(c, options)), header: containerHeaders, typeName: "*formatter.ContainerContext" }));
  },
};
