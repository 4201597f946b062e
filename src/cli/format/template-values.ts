// How JavaScript values stand in for Go values inside the template engine, and how Go prints
// them (fmt's %v). The mapping:
//   undefined      → an invalid reflect.Value (a missing map key): prints "<no value>"
//   null           → nil: prints "<nil>"
//   string/boolean → string/bool
//   number         → int when integral, float64 otherwise
//   array          → slice, printed "[a b c]"
//   plain object   → map[string]…, keys sorted: "map[a:1 b:2]"; a missing key is no value
//   object tagged with GO_TYPE (or the root, given a type name) → a struct pointer: a
//                    missing field is an error naming that type, as docker's contexts do
//   function       → a method: `.Name arg` calls it with the arguments
//   goNil(...)     → a typed nil map or slice: an empty object or array that prints "map[]" or
//                    "[]" like any empty one, but whose JSON is null
import { formatFloat } from "./go-float.js";
import { compareGoStrings } from "./utf8.js";

/** Marks an object as a Go struct (pointer) of the given type, e.g. "*formatter.ContainerContext". */
export const GO_TYPE: unique symbol = Symbol.for("docker-playground.goType");

/** An object's own MarshalJSON: returns the JSON text `json` should emit for it. */
export const MARSHAL_JSON: unique symbol = Symbol.for("docker-playground.marshalJSON");

/** An object's String() method, which fmt's %v and %s print instead of its fields (time.Time). */
export const GO_STRINGER: unique symbol = Symbol.for("docker-playground.goStringer");

/** The Go type of a typed nil map or slice made by goNil. */
const NIL_TYPE: unique symbol = Symbol.for("docker-playground.goNilType");

export type ParamType = "string" | "int" | "bool" | "float64" | "any" | "value";

/** A template function with Go parameter types, so argument errors read like Go's. */
export interface GoFunc {
  readonly params: readonly ParamType[];
  readonly variadic: ParamType | undefined;
  readonly fn: (...args: never[]) => unknown;
}

export function goFunc(params: readonly ParamType[], fn: (...args: never[]) => unknown, variadic?: ParamType): GoFunc {
  return { params, variadic, fn };
}

export function isGoFunc(v: unknown): v is GoFunc {
  return typeof v === "object" && v !== null && "params" in v && "fn" in v && typeof v.fn === "function";
}

export function goStruct<T extends object>(typeName: string, value: T): T {
  Object.defineProperty(value, GO_TYPE, { value: typeName, enumerable: false });
  return value;
}

/**
 * A nil map or slice of the given Go type ("map[string]string", "[]string"): fields and
 * elements it has none, so it reads and prints as an empty one, but json marshals it as null.
 */
export function goNil(typeName: string): object {
  const value = typeName.startsWith("[]") ? [] : {};
  Object.defineProperty(value, NIL_TYPE, { value: typeName, enumerable: false });
  return value;
}

export function isGoNil(v: unknown): boolean {
  return typeof v === "object" && v !== null && typeof (v as { [NIL_TYPE]?: unknown })[NIL_TYPE] === "string";
}

export function structType(v: object): string | undefined {
  const t = (v as { [GO_TYPE]?: unknown })[GO_TYPE];
  return typeof t === "string" ? t : undefined;
}

export function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && structType(v) === undefined;
}

/** Whether obj has the property, own or inherited from a class, but not from Object.prototype. */
export function hasField(obj: object, name: string): boolean {
  for (let o: object | null = obj; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) return true;
  }
  return false;
}

/** A map's entries are its own data properties; function properties are its methods. */
export function mapKeys(m: object): string[] {
  const record = m as Record<string, unknown>;
  return Object.keys(m)
    .filter((k) => typeof record[k] !== "function" && !isGoFunc(record[k]))
    .sort(compareGoStrings);
}

const sortedKeys = mapKeys;

function elemType(values: unknown[]): string {
  if (values.length > 0 && values.every((v) => typeof v === "string")) return "string";
  if (values.length > 0 && values.every((v) => typeof v === "number" && Number.isInteger(v))) return "int";
  return "interface {}";
}

/** The Go type name of a value, for error messages (reflect's Type.String()). */
export function goTypeName(v: unknown): string {
  if (v === undefined || v === null) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float64";
  if (typeof v === "bigint") return "int64";
  if (typeof v === "function") return "func()";
  if (typeof v === "object") {
    const nilType = (v as { [NIL_TYPE]?: unknown })[NIL_TYPE];
    if (typeof nilType === "string") return nilType;
  }
  if (Array.isArray(v)) return `[]${elemType(v)}`;
  if (typeof v === "object") {
    const m = v as Record<string, unknown>;
    return structType(v) ?? `map[string]${elemType(mapKeys(m).map((k) => m[k]))}`;
  }
  return "interface {}";
}

/** template.IsTrue: non-zero, non-empty, non-nil. */
export function isTrue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.length > 0;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "bigint") return v !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return structType(v) !== undefined || mapKeys(v).length > 0;
  return true;
}

/** Go's %v of a float64: shortest digits, exponent form outside 1e-4 ≤ |x| < 1e21. */
export function formatGoFloat(x: number): string {
  return formatFloat(x, "g", -1);
}

function structFields(v: object): unknown[] {
  return Object.keys(v)
    .map((k) => (v as Record<string, unknown>)[k])
    .filter((f) => typeof f !== "function");
}

/** fmt's %v for one value; depth > 0 inside slices, maps and structs. */
export function formatValue(v: unknown, depth = 0): string {
  if (v === undefined || v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : formatGoFloat(v);
  if (typeof v === "function") return "0xc000010000";
  if (Array.isArray(v)) return `[${v.map((e) => formatValue(e, depth + 1)).join(" ")}]`;
  if (typeof v === "object") {
    const stringer = (v as { [GO_STRINGER]?: unknown })[GO_STRINGER];
    if (typeof stringer === "function") return String(stringer.call(v));
    const type = structType(v);
    if (type !== undefined) {
      const body = `{${structFields(v).map((f) => formatValue(f, depth + 1)).join(" ")}}`;
      return type.startsWith("*") && depth === 0 ? `&${body}` : body;
    }
    const m = v as Record<string, unknown>;
    return `map[${sortedKeys(m).map((k) => `${k}:${formatValue(m[k], depth + 1)}`).join(" ")}]`;
  }
  return String(v);
}
