// Command-line parsing with pflag's rules: --name=value and --name value, combined short flags
// (-dit), attached short values (-p8080:80), `--` ending flags, bool flags taking only =value,
// and interspersed or not (docker run stops at the image name).
import type { FlagSpec, FlagValue, ParsedFlags } from "./flag-spec.js";

export class FlagParseError extends Error {}

const helpFlag: FlagSpec = { name: "help", kind: "bool", usage: "Print usage" };

function convert(spec: FlagSpec, raw: string, display: string): FlagValue {
  const rejected = spec.validate?.(raw);
  if (rejected !== undefined) throw new FlagParseError(`invalid argument "${raw}" for "${display}" flag: ${rejected}`);
  switch (spec.kind) {
    case "bool": {
      const v = raw.toLowerCase();
      if (["1", "t", "true"].includes(raw) || v === "true") return true;
      if (["0", "f", "false"].includes(raw) || v === "false") return false;
      throw new FlagParseError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
    }
    case "int":
    case "uint": {
      if (!/^[+-]?\d+$/.test(raw)) {
        const fn = spec.kind === "int" ? "ParseInt" : "ParseUint";
        throw new FlagParseError(`invalid argument "${raw}" for "${display}" flag: strconv.${fn}: parsing "${raw}": invalid syntax`);
      }
      return Number(raw);
    }
    case "bytes":
      // opts.MemBytes parses as it is set (units.RAMInBytes), so a bad size is a flag error.
      if (!/^(\d+(\.\d+)*) ?[kmgtp]?i?b?$/i.test(raw)) throw new FlagParseError(`invalid argument "${raw}" for "${display}" flag: invalid size: '${raw}'`);
      return raw;
    default:
      return raw;
  }
}

function display(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function assign(values: Map<string, FlagValue>, spec: FlagSpec, value: FlagValue): void {
  if (["list", "filter", "map"].includes(spec.kind)) {
    const prev = values.get(spec.name);
    values.set(spec.name, [...(Array.isArray(prev) ? prev : []), String(value)]);
  } else {
    values.set(spec.name, value);
  }
}

export function parseFlags(argv: string[], specs: FlagSpec[], interspersed: boolean): ParsedFlags {
  const all = [...specs, helpFlag];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  // -h is help's shorthand, unless the command has its own -h (run and create: --hostname).
  if (!byShort.has("h")) byShort.set("h", helpFlag);
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      if (!interspersed) {
        args.push(...argv.slice(i));
        break;
      }
      args.push(arg);
      continue;
    }
    if (arg.startsWith("--")) {
      const body = arg.slice(2);
      if (body.startsWith("-") || body.startsWith("=")) throw new FlagParseError(`bad flag syntax: ${arg}`);
      const eq = body.indexOf("=");
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagParseError(`unknown flag: --${name}`);
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (spec.kind === "bool") raw = "true";
      else if (i + 1 < argv.length) raw = argv[++i] ?? "";
      else throw new FlagParseError(`flag needs an argument: --${name}`);
      assign(values, spec, convert(spec, raw, display(spec)));
      changed.add(spec.name);
      continue;
    }
    // A cluster of short flags: -dit, -p8080:80, -e=A=1.
    const shorts = arg.slice(1);
    for (let j = 0; j < shorts.length; j++) {
      const c = shorts[j] ?? "";
      const spec = byShort.get(c);
      if (!spec) throw new FlagParseError(`unknown shorthand flag: '${c}' in -${shorts}`);
      let raw: string;
      const rest = shorts.slice(j + 1);
      if (rest.startsWith("=")) {
        raw = rest.slice(1);
        j = shorts.length;
      } else if (spec.kind === "bool") {
        raw = "true";
      } else if (rest.length > 0) {
        raw = rest;
        j = shorts.length;
      } else if (i + 1 < argv.length) {
        raw = argv[++i] ?? "";
      } else {
        throw new FlagParseError(`flag needs an argument: '${c}' in -${shorts}`);
      }
      assign(values, spec, convert(spec, raw, display(spec)));
      changed.add(spec.name);
    }
  }
  return { values, changed, args };
}
