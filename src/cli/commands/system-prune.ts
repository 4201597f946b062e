// docker system prune (cli/command/system/prune.go): stopped containers, unused networks,
// anonymous volumes with --volumes, dangling (or with -a all unused) images and the build cache,
// in that order, after one confirmation listing what will go.
import type { CommandDef } from "../command.js";
import { getBool, getList } from "../flags/flag-spec.js";
import { humanSize, naturalCompare } from "../format/index.js";
import { pruneBuildCache } from "./builder-prune.js";
import { pruneImages } from "./image-prune.js";
import { cancelled, confirm } from "./prune-confirm.js";
import { parseFilterFlags } from "./ps.js";

/** confirmationTemplate, rendered. */
function confirmation(all: boolean, volumes: boolean, filters: Record<string, string[]>): string {
  const warnings = ["all stopped containers", "all networks not used by at least one container"];
  if (volumes) warnings.push("all anonymous volumes not used by at least one container");
  warnings.push(all ? "all images without at least one container associated to them" : "all dangling images");
  warnings.push(all ? "all build cache" : "unused build cache");
  const shown = ["label", "label!", "until"].flatMap((name) => (filters[name] ?? []).map((v) => `${name}=${v}`)).sort(naturalCompare);
  let text = `WARNING! This will remove:${warnings.map((w) => `\n  - ${w}`).join("")}\n`;
  if (shown.length > 0) text += `\n  Items to be pruned will be filtered with:${shown.map((f) => `\n  - ${f}`).join("")}\n`;
  return `${text}\nAre you sure you want to continue?`;
}

export const systemPrune: CommandDef = {
  name: "prune",
  usage: "[OPTIONS]",
  description: "Delete stopped containers, unused networks, dangling images and build cache",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Delete every unused image, not only the dangling ones" },
    { name: "filter", kind: "filter", usage: 'Only prune what matches (e.g. "label=<key>=<value>")' },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
    { name: "volumes", kind: "bool", usage: "Delete anonymous volumes too" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const all = getBool(flags, "all");
    const volumes = getBool(flags, "volumes");
    const filters = parseFilterFlags(getList(flags, "filter"));
    if (volumes && filters["until"]) throw new Error('ERROR: The "until" filter is not supported with "--volumes"');
    if (!getBool(flags, "force") && !(await confirm(io, confirmation(all, volumes, filters)))) throw cancelled("system prune");

    const steps: (() => Promise<{ reclaimed: number; output: string }>)[] = [
      async () => {
        const report = await client.containersPrune(filters);
        const deleted = report.ContainersDeleted ?? [];
        return deleted.length > 0 ? { reclaimed: report.SpaceReclaimed, output: `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join("")}` } : { reclaimed: 0, output: "" };
      },
      async () => {
        const deleted = (await client.networksPrune(filters)).NetworksDeleted ?? [];
        return { reclaimed: 0, output: deleted.length > 0 ? `Deleted Networks:\n${deleted.map((n) => `${n}\n`).join("")}` : "" };
      },
    ];
    if (volumes) {
      steps.push(async () => {
        const report = await client.volumesPrune(filters);
        const deleted = report.VolumesDeleted ?? [];
        return deleted.length > 0 ? { reclaimed: report.SpaceReclaimed, output: `Deleted Volumes:\n${deleted.map((n) => `${n}\n`).join("")}` } : { reclaimed: 0, output: "" };
      });
    }
    steps.push(() => pruneImages(io, client, all, filters, true));
    steps.push(() => pruneBuildCache(io, client, { all, filters, force: true }));

    let total = 0;
    for (const step of steps) {
      const { reclaimed, output } = await step();
      total += reclaimed;
      if (output) io.stdout(`${output}\n`);
    }
    io.stdout(`Total reclaimed space: ${humanSize(total)}\n`);
  },
};
