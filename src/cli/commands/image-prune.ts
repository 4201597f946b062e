// docker image prune (cli/command/image/prune.go): dangling images, or with -a every image no
// container uses, after a confirmation; then what went and the space it freed.
import type { DockerClient, Filters } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { getBool, getList } from "../flags/flag-spec.js";
import { humanSize } from "../format/index.js";
import type { CliIo } from "../io.js";
import { cancelled, confirm } from "./prune-confirm.js";
import { parseFilterFlags } from "./ps.js";

const allImageWarning = "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?";
const danglingWarning = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";

/** image.RunPrune: the report as the lines docker prints, and the space freed. */
export async function pruneImages(io: CliIo, client: DockerClient, all: boolean, filters: Filters, force: boolean): Promise<{ reclaimed: number; output: string }> {
  const withDangling: Filters = { ...filters, dangling: [...(filters["dangling"] ?? []), String(!all)] };
  if (!force && !(await confirm(io, all ? allImageWarning : danglingWarning))) throw cancelled("image prune");
  const report = await client.imagesPrune(withDangling);
  const deleted = report.ImagesDeleted ?? [];
  if (deleted.length === 0) return { reclaimed: 0, output: "" };
  const lines = deleted.map((d) => (d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted ?? ""}\n`));
  return { reclaimed: report.SpaceReclaimed, output: `Deleted Images:\n${lines.join("")}` };
}

export const imagePrune: CommandDef = {
  name: "prune",
  usage: "[OPTIONS]",
  description: "Delete images that nothing uses",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Delete every unused image, not only the dangling ones" },
    { name: "filter", kind: "filter", usage: 'Only prune what matches (e.g. "until=<timestamp>")' },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const { reclaimed, output } = await pruneImages(io, client, getBool(flags, "all"), parseFilterFlags(getList(flags, "filter")), getBool(flags, "force"));
    if (output) io.stdout(`${output}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  },
};
