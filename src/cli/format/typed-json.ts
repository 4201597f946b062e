// JSON seen through the Go types it was marshalled from, as the docker CLI sees an API object
// once it has decoded it into its structs. What a template then reads differs from the JSON:
// a field the JSON left out (omitempty) or sent as null still has its Go zero value ("map[]",
// "[]", "", false, 0 or <nil>), a field the struct does not have is an error, fields go by
// their Go names (`.ID`, where the JSON says "Id"), and a time.Time prints as Go prints one.
// `{{json .}}` still gives the JSON the object came as: nil maps and slices marshal as null,
// left-out fields stay out, struct fields keep their order.
import { goDurationString } from "../../client/index.js";
import { encodeJson } from "./go-json.js";
import { GO_STRINGER, MARSHAL_JSON, goNil, goStruct } from "./template-values.js";

/**
 * A Go type, as far as a template tells its values apart: a name ("string", "bool", "int64",
 * "time.Time", "*bool", "[]string", "map[string]string", "any"), or a struct, or a pointer to,
 * slice of or map (by string) of a described type.
 */
export type GoType = string | GoStructType | { readonly ptr: GoType } | { readonly slice: GoType } | { readonly map: GoType };

export interface GoStructType {
  /** The Go type's name, e.g. "container.State" (what %T and errors show). */
  readonly struct: string;
  /**
   * The fields worth describing, by Go name: those the JSON may leave out or send as null, and
   * those whose values are themselves described. Fields not named here are taken as the JSON has them.
   */
  readonly fields: Readonly<Record<string, GoType>>;
  /** Go name → JSON name, where the two differ (ID → "Id"). */
  readonly json?: Readonly<Record<string, string>>;
}

export const ptr = (type: GoType): GoType => ({ ptr: type });
export const sliceOf = (type: GoType): GoType => ({ slice: type });
export const mapOf = (type: GoType): GoType => ({ map: type });
export const struct = (name: string, fields: Record<string, GoType>, json?: Record<string, string>): GoStructType =>
  json === undefined ? { struct: name, fields } : { struct: name, fields, json };

function typeName(type: GoType): string {
  if (typeof type === "string") return type;
  if ("struct" in type) return type.struct;
  if ("ptr" in type) return `*${typeName(type.ptr)}`;
  if ("slice" in type) return `[]${typeName(type.slice)}`;
  return `map[string]${typeName(type.map)}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const ZERO_TIME = "0001-01-01T00:00:00Z";

/** time.Time.String() of an RFC 3339 time: "2026-01-15 09:00:00.5 +0000 UTC". */
function goTimeText(rfc3339: string): string {
  const m = /^(\d{4,}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (m === null) return rfc3339;
  const fraction = (m[3] ?? "").replace(/0+$/, "");
  const offset = m[4] === "Z" ? "+0000 UTC" : `${(m[4] ?? "").replace(":", "")} ${(m[4] ?? "").replace(":", "")}`;
  return `${m[1]} ${m[2]}${fraction ? `.${fraction}` : ""} ${offset}`;
}

function goTime(rfc3339: string): object {
  return Object.defineProperties(goStruct("time.Time", {}), {
    [GO_STRINGER]: { value: () => goTimeText(rfc3339) },
    [MARSHAL_JSON]: { value: () => JSON.stringify(rfc3339) },
  });
}

/** A time.Duration: prints as Go's String ("30s", "1m30s"), marshals as its nanoseconds. */
function goDuration(ns: number): object {
  return Object.defineProperties(goStruct("time.Duration", {}), {
    [GO_STRINGER]: { value: () => goDurationString(ns) },
    [MARSHAL_JSON]: { value: () => String(ns) },
  });
}

/** A value of a type given by name; raw is undefined when the JSON had no such field. */
function namedValue(raw: unknown, name: string): unknown {
  if (raw === undefined || raw === null) {
    if (name === "string") return "";
    if (name === "bool") return false;
    if (/^(u?int\d*|float\d+)$/.test(name)) return 0;
    if (name === "time.Time") return goTime(ZERO_TIME);
    if (name === "time.Duration") return goDuration(0);
    if (name.startsWith("[]") || name.startsWith("map[")) return goNil(name);
    return null;
  }
  if (name === "time.Duration" && typeof raw === "number") return goDuration(raw);
  return name === "time.Time" && typeof raw === "string" ? goTime(raw) : raw;
}

function structValue(raw: unknown, type: GoStructType): object {
  const source = isRecord(raw) ? raw : {};
  const goNames = new Map(Object.entries(type.json ?? {}).map(([go, json]) => [json, go]));
  const out: Record<string, unknown> = {};
  const sent: [go: string, json: string][] = [];
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const name = goNames.get(key) ?? key;
    const fieldType = type.fields[name];
    out[name] = fieldType === undefined ? value : typedJson(value, fieldType);
    sent.push([name, key]);
  }
  for (const [name, fieldType] of Object.entries(type.fields)) {
    if (!hasOwn(out, name)) out[name] = typedJson(undefined, fieldType);
  }
  // json.Marshal of the struct: the fields the JSON had, in its order, under their JSON names.
  const marshal = () => encodeJson(goStruct(type.struct, Object.fromEntries(sent.map(([go, json]) => [json, out[go]]))), { escapeHTML: false });
  Object.defineProperty(out, MARSHAL_JSON, { value: marshal });
  return goStruct(type.struct, out);
}

/** The decoded JSON (undefined: not there at all) as a value of the Go type, for templates. */
export function typedJson(raw: unknown, type: GoType): unknown {
  if (typeof type === "string") return namedValue(raw, type);
  if ("struct" in type) return structValue(raw, type);
  if ("ptr" in type) return raw === undefined || raw === null ? null : typedJson(raw, type.ptr);
  if ("slice" in type) {
    const elem = type.slice;
    return Array.isArray(raw) ? raw.map((e) => typedJson(e, elem)) : goNil(typeName(type));
  }
  const elem = type.map;
  return isRecord(raw) ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typedJson(v, elem)])) : goNil(typeName(type));
}
