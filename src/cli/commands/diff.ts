// docker diff: what a container changed in its filesystem, one "KIND PATH" line each
// (cli/command/container/diff.go: A added, C changed, D deleted).
import type { CommandDef } from "../command.js";

const kinds = ["C", "A", "D"];

export const diff: CommandDef = {
  name: "diff",
  usage: "CONTAINER",
  description: "List what a container added, changed or deleted in its filesystem",
  flags: [],
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const changes = await client.containerChanges(flags.args[0] ?? "");
    for (const change of changes ?? []) io.stdout(`${kinds[change.Kind] ?? "?"} ${change.Path}\n`);
    return 0;
  },
};
