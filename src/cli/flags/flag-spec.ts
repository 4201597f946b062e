// Flag definitions with pflag's value types: what a command accepts, and how help shows it.

export type FlagKind = "bool" | "string" | "int" | "list" | "duration" | "filter" | "map" | "bytes" | "uint";

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** The type word help prints after the flag (defaults from the kind: string, int, list, ...). */
  typeName?: string;
  /** Default value as help shows it; omitted when zero. */
  defaultText?: string;
  usage: string;
  hidden?: boolean;
  /** Checked as the value is set, like a pflag Value's Set: a message here is a flag error. */
  validate?: (value: string) => string | undefined;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Names the user set explicitly (pflag's Changed). */
  changed: Set<string>;
  args: string[];
}

export function flagTypeName(spec: FlagSpec): string {
  if (spec.typeName !== undefined) return spec.typeName;
  return { bool: "", string: "string", int: "int", list: "list", duration: "duration", filter: "filter", map: "map", bytes: "bytes", uint: "uint" }[spec.kind];
}

export function getBool(flags: ParsedFlags, name: string): boolean {
  return flags.values.get(name) === true;
}

export function getString(flags: ParsedFlags, name: string): string {
  const value = flags.values.get(name);
  return typeof value === "string" ? value : "";
}

export function getInt(flags: ParsedFlags, name: string, fallback: number): number {
  const value = flags.values.get(name);
  return typeof value === "number" ? value : fallback;
}

export function getList(flags: ParsedFlags, name: string): string[] {
  const value = flags.values.get(name);
  return Array.isArray(value) ? value : [];
}
