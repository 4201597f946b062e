// Help text in the CLI's layout: usage line, description, aliases, options. (Descriptions are
// our own words; flag names, types and defaults are Docker's.)
import type { CommandDef } from "./command.js";
import { flagTypeName, type FlagSpec } from "./flags/flag-spec.js";

export function flagUsages(flags: FlagSpec[]): string {
  const visible = [...flags].filter((f) => !f.hidden).sort((a, b) => a.name.localeCompare(b.name));
  const left = visible.map((f) => {
    const type = flagTypeName(f);
    const names = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    return type ? `${names} ${type}` : names;
  });
  const width = Math.max(0, ...left.map((l) => l.length));
  return visible
    .map((f, i) => `${(left[i] ?? "").padEnd(width)}   ${f.usage}${f.defaultText ? ` (default ${f.defaultText})` : ""}`)
    .join("\n");
}

export function commandHelp(def: CommandDef, useLine: string, aliases: string[]): string {
  const parts = [`Usage:  ${useLine}`, "", def.description];
  if (aliases.length > 1) parts.push("", "Aliases:", `  ${aliases.join(", ")}`);
  if (def.flags.length > 0) parts.push("", "Options:", flagUsages(def.flags));
  return `${parts.join("\n")}\n`;
}
