// docker network prune (cli/command/network/prune.go). Declined at the prompt (or end of
// input): cancelled, nothing printed after it, exit 0.
import type { CommandDef } from "../command.js";
import { getBool, getList } from "../flags/flag-spec.js";
import { cancelled, confirm } from "./prune-confirm.js";
import { parseFilterFlags } from "./ps.js";

const warning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?";

export const networkPrune: CommandDef = {
  name: "prune",
  usage: "[OPTIONS]",
  description: "Delete the networks no container uses",
  flags: [
    { name: "filter", kind: "filter", usage: "Only prune what matches (e.g. \"until=<timestamp>\")" },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
  ],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    if (!getBool(flags, "force") && !(await confirm(io, warning))) throw cancelled("network prune");
    const report = await client.networksPrune(parseFilterFlags(getList(flags, "filter")));
    const deleted = report.NetworksDeleted ?? [];
    if (deleted.length > 0) io.stdout(`Deleted Networks:\n${deleted.map((name) => `${name}\n`).join("")}\n`);
  },
};
