// docker container prune: removes every stopped container after a confirmation
// (cli/command/container/prune.go); end of input at the prompt counts as declined.
import type { CommandDef } from "../command.js";
import { getBool, getList } from "../flags/flag-spec.js";
import { humanSize } from "../format/index.js";
import { cancelled, confirm } from "./prune-confirm.js";
import { parseFilterFlags } from "./ps.js";

const warning = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

export const containerPrune: CommandDef = {
  name: "prune",
  usage: "[OPTIONS]",
  description: "Delete every stopped container",
  flags: [
    { name: "filter", kind: "filter", usage: "Only prune what matches (e.g. \"until=<timestamp>\")" },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    if (!getBool(flags, "force") && !(await confirm(io, warning))) throw cancelled("container prune");
    const report = await client.containersPrune(parseFilterFlags(getList(flags, "filter")));
    const deleted = report.ContainersDeleted ?? [];
    if (deleted.length > 0) io.stdout(`Deleted Containers:\n${deleted.map((id) => `${id}\n`).join("")}\n`);
    io.stdout(`Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
  },
};
