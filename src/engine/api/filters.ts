// The `filters` query parameter: JSON in either the CLI's map-of-sets form
// ({"label":{"a=b":true}}) or the SDKs' map-of-arrays form ({"label":["a=b"]}).
import { invalidParameter } from "../errors.js";

export type Filters = Map<string, string[]>;

export function parseFilters(raw: string | undefined): Filters {
  const filters: Filters = new Map();
  if (!raw) return filters;
  let parsed: unknown;
  // filters.FromJSON: map of sets, else the legacy map of arrays; anything else is a bare
  // "invalid filter" (api/types/filters/parse.go).
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter("invalid filter");
  }
  if (parsed === null) return filters;
  if (typeof parsed !== "object" || Array.isArray(parsed)) throw invalidParameter("invalid filter");
  const entries = Object.entries(parsed as Record<string, unknown>);
  const isSet = (v: unknown) => v === null || (typeof v === "object" && !Array.isArray(v) && Object.values(v).every((b) => typeof b === "boolean"));
  const isList = (v: unknown) => v === null || (Array.isArray(v) && v.every((s) => typeof s === "string"));
  if (entries.every(([, v]) => isSet(v))) {
    for (const [key, value] of entries) filters.set(key, Object.keys(value ?? {}).filter((k) => (value as Record<string, boolean>)[k]));
  } else if (entries.every(([, v]) => isList(v))) {
    for (const [key, value] of entries) filters.set(key, [...new Set((value as string[] | null) ?? [])]);
  } else {
    throw invalidParameter("invalid filter");
  }
  return filters;
}

export function checkFilterKeys(filters: Filters, allowed: string[]): void {
  for (const key of filters.keys()) {
    if (!allowed.includes(key)) throw invalidParameter(`invalid filter '${key}'`);
  }
}

/** label=key or label=key=value against a label map. */
export function matchesLabels(wanted: string[] | undefined, labels: Record<string, string> | null | undefined): boolean {
  if (!wanted) return true;
  return wanted.every((w) => {
    const eq = w.indexOf("=");
    const key = eq < 0 ? w : w.slice(0, eq);
    if (!labels || !(key in labels)) return false;
    return eq < 0 || labels[key] === w.slice(eq + 1);
  });
}

/** Args.Match: an exact value, or any value as an (unanchored) regular expression; bad patterns never match. */
export function filterRegexMatch(values: string[], source: string): boolean {
  if (values.length === 0 || values.includes(source)) return true;
  return values.some((pattern) => {
    try {
      return new RegExp(pattern).test(source);
    } catch {
      return false;
    }
  });
}

/** Args.FuzzyMatch: an exact value or a prefix; no values means no filtering. */
export function filterFuzzyMatch(values: string[] | undefined, source: string): boolean {
  if (!values || values.length === 0) return true;
  return values.some((v) => source.startsWith(v));
}

/** Args.GetBoolOrDefault: "1"/"true" or "0"/"false", anything else (or both) an invalid filter. */
export function boolFilter(filters: Filters, key: string, fallback: boolean): boolean {
  const values = filters.get(key);
  if (values === undefined) return fallback;
  if (values.length === 0) throw invalidParameter(`invalid filter '${key}'`);
  const no = values.includes("0") || values.includes("false");
  const yes = values.includes("1") || values.includes("true");
  if (no === yes) throw invalidParameter(`invalid filter '${key}=[${values.join(" ")}]'`);
  return yes;
}
