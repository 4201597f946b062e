// `docker --help` (and `docker help`, and a bare `docker` on stderr): the commands in docker's
// sections, then the global options.
import { flagError, StatusError } from "./errors.js";
import { FlagParseError, parseFlags } from "./flags/parse-flags.js";
import { globalFlags } from "./global-flags.js";
import { commandHelp, commandRows, groupHelp, helpShorthandNotice, helpShorthandUsed, namePadding, optionsBlock } from "./help.js";
import { findCommand, type CommandTree } from "./help/command-tree.js";
import { commonCommands, helpCommandDescription, listedOnly, managementCommands, swarmCommands } from "./help/root-layout.js";

const rootDescription = "Build, run and share applications in containers";

export function rootHelp(tree: CommandTree, env: Readonly<Record<string, string>>, columns: number): string {
  const describe = (name: string) => tree.topLevel[name]?.description ?? tree.groups[name]?.description ?? listedOnly[name] ?? "";
  const sectioned = new Set([...commonCommands, ...managementCommands, ...swarmCommands]);
  const others = Object.keys(tree.topLevel)
    .filter((n) => !sectioned.has(n))
    .sort();
  const padding = namePadding([...sectioned, ...others]);
  const section = (heading: string, names: readonly string[]) => ["", `${heading}:`, ...commandRows(names.map((n) => [n, describe(n)]), padding)];
  const lines = [
    "Usage:  docker [OPTIONS] COMMAND",
    "",
    rootDescription,
    ...section("Common Commands", commonCommands),
    ...section("Management Commands", managementCommands),
    ...section("Swarm Commands", swarmCommands),
    ...section("Commands", others),
    ...optionsBlock("Global Options", globalFlags(env), columns),
    "",
    "Run 'docker COMMAND --help' for more information on a command.",
    "",
    "For more help on how to use Docker, head to https://docs.docker.com/go/guides/",
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * `docker help [COMMAND]`: the help of the command the words name, or cobra's "unknown help
 * topic" with the words left over once the longest command has been matched.
 */
export function helpTopic(tree: CommandTree, argv: readonly string[], env: Readonly<Record<string, string>>, columns: number): string {
  let words: readonly string[];
  try {
    const flags = parseFlags([...argv], [], true);
    if (flags.values.get("help") === true) {
      const notice = helpShorthandUsed(argv, []) ? helpShorthandNotice : "";
      return `${notice}Usage:  docker help [command]\n\n${helpCommandDescription}\n`;
    }
    words = flags.args;
  } catch (error) {
    if (error instanceof FlagParseError) throw flagError(error.message, "docker help [command]", "docker help");
    throw error;
  }
  if (words.length === 0) return rootHelp(tree, env, columns);
  const [first = "", second, ...more] = words;
  const group = tree.groups[first];
  if (group) {
    if (second === undefined) return groupHelp(`docker ${first}`, group);
    const found = findCommand(tree, [first, second]);
    if (found && more.length === 0) return commandHelp(found.def, found.path, columns);
    throw new StatusError(1, `unknown help topic: ${(found ? more : [second, ...more]).join(" ")}`);
  }
  const def = tree.topLevel[first];
  if (!def || second !== undefined) throw new StatusError(1, `unknown help topic: ${(def ? words.slice(1) : words).join(" ")}`);
  return commandHelp(def, `docker ${first}`, columns);
}
