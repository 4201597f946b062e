// docker builder prune (cli/command/builder/prune.go). The legacy builder keeps no cache here, so
// the daemon always answers that nothing was freed.
import type { DockerClient, Filters } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { getBool, getList, getString } from "../flags/flag-spec.js";
import { humanSize } from "../format/index.js";
import type { CliIo } from "../io.js";
import { parseMemory } from "./container-options.js";
import { cancelled, confirm } from "./prune-confirm.js";
import { parseFilterFlags } from "./ps.js";

const normalWarning = "WARNING! This will remove all dangling build cache. Are you sure you want to continue?";
const allCacheWarning = "WARNING! This will remove all build cache. Are you sure you want to continue?";

/** builder.CachePrune: the report as docker prints it, and the space freed. */
export async function pruneBuildCache(
  io: CliIo,
  client: DockerClient,
  options: { all: boolean; filters: Filters; force: boolean; keepStorage?: number },
): Promise<{ reclaimed: number; output: string }> {
  if (!options.force && !(await confirm(io, options.all ? allCacheWarning : normalWarning))) throw cancelled("builder prune");
  const report = await client.buildPrune({ all: options.all, filters: options.filters, ...(options.keepStorage ? { keepStorage: options.keepStorage } : {}) });
  const deleted = report.CachesDeleted ?? [];
  const output = deleted.length > 0 ? `Deleted build cache objects:\n${deleted.map((id) => `${id}\n`).join("")}` : "";
  return { reclaimed: report.SpaceReclaimed, output };
}

export const builderPrune: CommandDef = {
  name: "prune",
  usage: "",
  description: "Delete the build cache",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Delete all unused build cache, not only the dangling part" },
    { name: "filter", kind: "filter", usage: 'Only prune what matches (e.g. "until=24h")' },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
    { name: "keep-storage", kind: "bytes", usage: "Keep this much cache" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const keep = getString(flags, "keep-storage");
    const { reclaimed, output } = await pruneBuildCache(io, client, {
      all: getBool(flags, "all"),
      filters: parseFilterFlags(getList(flags, "filter")),
      force: getBool(flags, "force"),
      ...(keep ? { keepStorage: parseMemory(keep) } : {}),
    });
    if (output) io.stdout(`${output}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  },
};
