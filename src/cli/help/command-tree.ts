// The whole docker 28.2.2 command tree: the commands registered in docker.ts, completed with
// the ones the playground cannot run yet (help/pending), so that help, flag errors and
// completion know every single-host command. A registered command always wins; a shortcut
// and its management form share one definition when only one of them is registered.
import type { CommandDef } from "../command.js";
import { canonicalPath, groupShortcuts } from "./aliases.js";
import { pendingGroupDescriptions, pendingGroups, pendingTopLevel } from "./pending/index.js";

export interface CommandGroup {
  description: string;
  /** What follows the group name on the Usage line of its errors (cobra's Use, e.g. "volume COMMAND"). */
  use?: string;
  commands: Record<string, CommandDef>;
  /** Extra names: "ls" is also "list" and "ps". */
  aliases: Record<string, string[]>;
}

export interface CommandTree {
  topLevel: Readonly<Record<string, CommandDef>>;
  groups: Readonly<Record<string, CommandGroup & { unlisted?: readonly string[] }>>;
}

/** Subcommands docker leaves out of a group's listing for a daemon outside a swarm. */
const unlisted: Readonly<Record<string, readonly string[]>> = { volume: ["update"] };

export function completeTree(topLevel: Readonly<Record<string, CommandDef>>, groups: Readonly<Record<string, CommandGroup>>): CommandTree {
  const registeredIn = (group: string, sub: string): CommandDef | undefined => {
    const found = groups[group];
    if (!found) return undefined;
    const key = Object.keys(found.commands).find((k) => k === sub || found.aliases[k]?.includes(sub));
    return key ? found.commands[key] : undefined;
  };
  const completedGroups: Record<string, CommandGroup & { unlisted?: readonly string[] }> = {};
  for (const name of new Set([...Object.keys(groups), ...Object.keys(pendingGroups)])) {
    const registered = groups[name];
    const commands: Record<string, CommandDef> = { ...registered?.commands };
    for (const [sub, shortcut] of groupShortcuts(name)) {
      const def = topLevel[shortcut];
      if (def && !registeredIn(name, sub)) commands[sub] = def;
    }
    for (const [sub, stub] of Object.entries(pendingGroups[name] ?? {})) {
      if (!registeredIn(name, sub)) commands[sub] ??= stub;
    }
    completedGroups[name] = {
      description: registered?.description ?? pendingGroupDescriptions[name] ?? "",
      ...(registered?.use !== undefined ? { use: registered.use } : {}),
      commands,
      aliases: registered?.aliases ?? {},
      ...(unlisted[name] ? { unlisted: unlisted[name] } : {}),
    };
  }
  const completedTop: Record<string, CommandDef> = { ...topLevel };
  for (const [name, stub] of Object.entries(pendingTopLevel)) {
    if (completedTop[name]) continue;
    const [group = "", sub = ""] = canonicalPath(name).split(" ");
    completedTop[name] = registeredIn(group, sub) ?? stub;
  }
  return { topLevel: completedTop, groups: completedGroups };
}

/** The definition `docker <words>` runs, if the words name a command. */
export function findCommand(tree: CommandTree, words: readonly string[]): { def: CommandDef; path: string } | undefined {
  const [first = "", second = ""] = words;
  const group = tree.groups[first];
  if (group) {
    const key = Object.keys(group.commands).find((k) => k === second || group.aliases[k]?.includes(second));
    const def = key ? group.commands[key] : undefined;
    // Called by an alias, a subcommand still goes by its own name: "docker container ls".
    return def ? { def, path: `docker ${first} ${key}` } : undefined;
  }
  const def = tree.topLevel[first];
  return def ? { def, path: `docker ${first}` } : undefined;
}
