// docker volume prune (cli/command/volume/prune.go): anonymous volumes only unless --all.
// Without a terminal to answer, the prompt counts as declined: nothing more printed, exit 0.
import type { CommandDef } from "../command.js";
import { getBool, getList } from "../flags/flag-spec.js";
import { humanSize } from "../format/index.js";
import { cancelled, confirm } from "./prune-confirm.js";
import { parseFilterFlags } from "./ps.js";

const anonymousWarning = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?";
const allWarning = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?";

export const volumePrune: CommandDef = {
  name: "prune",
  usage: "[OPTIONS]",
  description: "Delete local volumes that nothing uses",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Delete every unused volume, not only anonymous ones" },
    { name: "filter", kind: "filter", usage: "Only prune what matches (e.g. \"label=<label>\")" },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const filters = parseFilterFlags(getList(flags, "filter"));
    const all = getBool(flags, "all");
    if (all) {
      if (filters["all"]) throw new Error("conflicting options: cannot specify both --all and --filter all=1");
      filters["all"] = ["true"];
    }
    if (!getBool(flags, "force") && !(await confirm(io, all ? allWarning : anonymousWarning))) throw cancelled("volume prune");
    const report = await client.volumesPrune(filters);
    const deleted = report.VolumesDeleted ?? [];
    if (deleted.length > 0) io.stdout(`Deleted Volumes:\n${deleted.map((name) => `${name}\n`).join("")}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(deleted.length > 0 ? report.SpaceReclaimed : 0)}\n`);
  },
};
