// The `filters` query parameter: JSON in either the CLI's map-of-sets form
// ({"label":{"a=b":true}}) or the SDKs' map-of-arrays form ({"label":["a=b"]}).
import { invalidParameter } from "../errors.js";

export type Filters = Map<string, string[]>;

export function parseFilters(raw: string | undefined): Filters {
  const filters: Filters = new Map();
  if (!raw) return filters;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter(`invalid filter '${raw}'`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw invalidParameter(`invalid filter '${raw}'`);
  for (const [key, value] of Object.entries(parsed)) {
    if (Array.isArray(value)) filters.set(key, value.map(String));
    else if (value && typeof value === "object") filters.set(key, Object.keys(value).filter((k) => (value as Record<string, unknown>)[k]));
    else throw invalidParameter(`invalid filter '${raw}'`);
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
