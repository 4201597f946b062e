// Help pages in docker's layout (cli/cobra.go's usage template): usage line, description,
// aliases, options, subcommands. Descriptions are our own words; everything else (usage lines,
// aliases, flag names, types, defaults, headings, column widths, wrapping) is docker 28.2.2's.
import type { CommandDef } from "./command.js";
import { aliasesOf } from "./help/aliases.js";
import { flagUsagesWrapped, visibleFlags } from "./help/flag-usages.js";

/** What a management command shows of itself: `docker network --help`. */
export interface GroupHelp {
  description: string;
  commands: Record<string, CommandDef>;
  /** Subcommands left out of the listing (volume update: swarm managers only). */
  unlisted?: readonly string[];
}

/** cobra's minimum NamePadding: command names are padded to at least 11 columns. */
const minNamePadding = 11;

/** pflag wraps to the width of the terminal on stdin, less one. */
function flagColumns(columns: number): number {
  return columns - 1;
}

/** Options block: the flag table with trailing whitespace trimmed (the template's trimRightSpace). */
export function optionsBlock(heading: string, flags: CommandDef["flags"], columns: number): string[] {
  if (visibleFlags(flags).length === 0) return [];
  return ["", `${heading}:`, flagUsagesWrapped(flags, flagColumns(columns)).trimEnd()];
}

/** `  name        description` rows, names padded as cobra pads them. */
export function commandRows(entries: ReadonlyArray<readonly [string, string]>, padding: number): string[] {
  return entries.map(([name, description]) => `  ${name.padEnd(padding + 1)}${description}`);
}

export function namePadding(names: readonly string[]): number {
  return Math.max(minNamePadding, ...names.map((n) => n.length));
}

/** `docker run --help`: path is how it was called ("docker container ls", "docker ps"). */
export function commandHelp(def: CommandDef, path: string, columns: number): string {
  const lines = [`Usage:  ${path} ${def.usage}`.trimEnd(), "", def.description];
  const aliases = aliasesOf(path);
  if (aliases) lines.push("", "Aliases:", `  ${aliases}`);
  lines.push(...optionsBlock("Options", def.flags, columns));
  return `${lines.join("\n")}\n`;
}

/** `docker network --help`, and a bare `docker network`. */
export function groupHelp(path: string, group: GroupHelp): string {
  const names = Object.keys(group.commands).sort();
  const listed = names.filter((n) => !group.unlisted?.includes(n));
  const rows = listed.map((n) => [n, group.commands[n]?.description ?? ""] as const);
  const lines = [
    `Usage:  ${path} COMMAND`,
    "",
    group.description,
    "",
    "Commands:",
    ...commandRows(rows, namePadding(names)),
    "",
    `Run '${path} COMMAND --help' for more information on a command.`,
  ];
  return `${lines.join("\n")}\n`;
}

/** pflag's notice for `-h`, which docker marks deprecated in favour of --help. */
export const helpShorthandNotice = "Flag shorthand -h has been deprecated, use --help\n";

/** Whether help was asked for with -h (which prints the notice) rather than --help. */
export function helpShorthandUsed(argv: readonly string[], flags: CommandDef["flags"]): boolean {
  const shorts = new Map(flags.filter((f) => f.short).map((f) => [f.short, f]));
  // docker run and create use -h for --hostname: there -h never means help.
  if (shorts.has("h")) return false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") return false;
    if (!/^-[^-]/.test(arg)) continue;
    for (let j = 1; j < arg.length; j++) {
      if (arg[j] === "h") return true;
      const spec = shorts.get(arg[j]);
      if (spec && spec.kind !== "bool") {
        // The rest of the cluster, or the next word, is this flag's value.
        if (j === arg.length - 1) i++;
        break;
      }
    }
  }
  return false;
}
