// RUN's flags as the daemon's vendored buildkit knows them: --device, --mount and --network
// (--security is a labs-only flag there, so it is unknown). They are checked at parse time;
// the legacy builder then refuses whichever was used ("the --mount option requires BuildKit").

import type { BFlags } from "./bflags";
import { goQuote } from "./go-text";
import { withSuggestion } from "./suggest";

const goBools = new Set(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]);

/** csvvalue.Fields, enough for device and mount specs: commas split, "quotes" group. */
function csvFields(value: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (ch === '"') {
      if (quoted && value.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === "," && !quoted) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function checkDevice(spec: string): void {
  let name = "";
  for (const field of csvFields(spec)) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? "" : field.slice(eq + 1);
    if (eq < 0) {
      if (key === "required") continue;
      if (name === "") {
        name = field;
        continue;
      }
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }
    if (key === "name") {
      if (name !== "") throw new Error(`device name already set to ${name}`);
      name = value;
    } else if (key === "required") {
      if (!goBools.has(value)) throw new Error(`invalid value for ${key}: ${value}`);
    } else if (name === "") {
      name = field;
    } else {
      throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ["name", "required"], true));
    }
  }
}

// Without an expander buildkit only checks that from= names no variable; the rest of a mount
// spec is read when the instruction runs.
function checkMount(spec: string): void {
  for (const field of csvFields(spec)) {
    const eq = field.indexOf("=");
    if (eq < 0 || field.slice(0, eq).toLowerCase() !== "from") continue;
    const value = field.slice(eq + 1);
    const dollar = value.indexOf("$");
    if (dollar !== -1 && dollar !== value.length - 1) {
      throw new Error("'from' doesn't support variable expansion, define alias stage instead");
    }
  }
}

/** Defines, parses and checks RUN's flags; the names used, in the order given. */
export function checkRunFlags(flags: BFlags): string[] {
  const device = flags.strings("device");
  const mount = flags.strings("mount");
  const network = flags.string("network", "default");
  flags.parse();
  for (const spec of device.values) checkDevice(spec);
  for (const spec of mount.values) checkMount(spec);
  if (!["default", "none", "host"].includes(network.value)) {
    throw new Error(`invalid network mode ${goQuote(network.value)}`);
  }
  return flags.used;
}
