// Unmarshalling a decoded body into a Go type, as encoding/json (Go 1.24) does: fields matched by
// exact then case-insensitive name, unknown fields ignored, null ignored for scalars, and the first
// type mismatch reported as "json: cannot unmarshal X into Go struct field S.Path of type T".
import { GoNumber, isGoObject, type GoJsonNode } from "./go-json.js";

export type GoType =
  | { kind: "string" | "bool" | "float" | "any"; name: string }
  | { kind: "int" | "uint"; name: string; bits: number }
  | { kind: "slice"; name: string; elem: GoType }
  | { kind: "array"; name: string; elem: GoType; length: number }
  | { kind: "map"; name: string; elem: GoType }
  | { kind: "struct"; name: string; fields: GoField[] }
  | { kind: "ptr"; elem: GoType }
  /** strslice.StrSlice: a string or an array of strings, through its own UnmarshalJSON. */
  | { kind: "strslice" };

export interface GoField {
  json: string;
  type: GoType;
  /** Go names of the embedded structs the field is promoted through ("Config", "Resources"). */
  via?: string[];
}

export const goString = (name = "string"): GoType => ({ kind: "string", name });
export const goBool: GoType = { kind: "bool", name: "bool" };
export const goInt = (name = "int64", bits = 64): GoType => ({ kind: "int", name, bits });
export const goUint = (name = "uint64", bits = 64): GoType => ({ kind: "uint", name, bits });
export const goSlice = (elem: GoType, name?: string): GoType => ({ kind: "slice", name: name ?? `[]${typeName(elem)}`, elem });
export const goMap = (elem: GoType, name?: string): GoType => ({ kind: "map", name: name ?? `map[string]${typeName(elem)}`, elem });
export const goPtr = (elem: GoType): GoType => ({ kind: "ptr", elem });
export const goStruct = (name: string, fields: GoField[]): GoType => ({ kind: "struct", name, fields });
export const strSlice: GoType = { kind: "strslice" };
export const goAny: GoType = { kind: "any", name: "interface {}" };

export function typeName(t: GoType): string {
  if (t.kind === "ptr") return `*${typeName(t.elem)}`;
  if (t.kind === "strslice") return "strslice.StrSlice";
  return t.name;
}

/** The type a value lands in: pointers are followed (and allocated) first. */
function target(t: GoType): GoType {
  return t.kind === "ptr" ? target(t.elem) : t;
}

export class GoUnmarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoUnmarshalError";
  }
}

interface Context {
  /** reflect.Type.Name() of the struct holding the field being decoded. */
  struct?: string;
  stack: string[];
}

function describe(node: GoJsonNode): string {
  if (node === null) return "null";
  if (typeof node === "boolean") return "bool";
  if (typeof node === "string") return "string";
  if (node instanceof GoNumber) return "number";
  return Array.isArray(node) ? "array" : "object";
}

function message(value: string, type: string, ctx: Context): string {
  if (ctx.struct === undefined && ctx.stack.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${type}`;
  return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct ?? ""}.${ctx.stack.join(".")} of type ${type}`;
}

/** strconv.ParseInt/ParseUint(s, 10, 64) followed by the kind's overflow check. */
function integerFits(text: string, t: { kind: "int" | "uint"; bits: number }): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const n = BigInt(text);
  if (t.kind === "uint") return n >= 0n && n < 1n << BigInt(t.bits);
  const half = 1n << BigInt(t.bits - 1);
  return n >= -half && n < half;
}

function structName(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

/** Go's case folding for field names (ASCII letters; enough for Docker's field names). */
function fold(name: string): string {
  return name.toLowerCase();
}

const indexes = new WeakMap<GoType, { exact: Map<string, GoField>; folded: Map<string, GoField> }>();

/** A struct's fields by JSON name and by folded name, built once per type. */
function fieldIndex(t: Extract<GoType, { kind: "struct" }>) {
  let index = indexes.get(t);
  if (!index) {
    index = { exact: new Map(), folded: new Map() };
    for (const f of t.fields) {
      index.exact.set(f.json, f);
      if (!index.folded.has(fold(f.json))) index.folded.set(fold(f.json), f);
    }
    indexes.set(t, index);
  }
  return index;
}

/**
 * Checks node against type t and returns it with struct keys spelled as Go names them. The first
 * type error is thrown once the whole value is read, as Go's decoder reports its saved error;
 * StrSlice's own UnmarshalJSON fails at once.
 */
export function unmarshalGo(node: GoJsonNode, t: GoType): GoJsonNode {
  let saved: string | undefined;
  const save = (text: string) => {
    saved ??= text;
  };

  const walk = (value: GoJsonNode, type: GoType, ctx: Context): GoJsonNode => {
    if (value === null) return null;
    const tt = target(type);
    const mismatch = (): GoJsonNode => {
      save(message(describe(value), tt.kind === "strslice" ? "strslice.StrSlice" : typeName(tt), ctx));
      return null;
    };
    switch (tt.kind) {
      case "any":
        return value;
      case "strslice": {
        if (typeof value === "string") return [value];
        if (Array.isArray(value) && value.every((v) => typeof v === "string" || v === null)) return value;
        // Both of StrSlice's attempts failed; the error of the second (into a string) stands.
        throw new GoUnmarshalError(message(describe(value), "string", ctx));
      }
      case "string":
        return typeof value === "string" ? value : mismatch();
      case "bool":
        return typeof value === "boolean" ? value : mismatch();
      case "float":
        return value instanceof GoNumber ? value : mismatch();
      case "int":
      case "uint":
        if (!(value instanceof GoNumber)) return mismatch();
        if (!integerFits(value.text, tt)) {
          save(message(`number ${value.text}`, tt.name, ctx));
          return null;
        }
        return value;
      case "slice":
      case "array":
        if (!Array.isArray(value)) return mismatch();
        return value.map((item, index) => (tt.kind === "array" && index >= tt.length ? null : walk(item, tt.elem, ctx)));
      case "map":
        if (!isGoObject(value)) return mismatch();
        return { entries: value.entries.map(([k, v]) => [k, walk(v, tt.elem, ctx)]) };
      case "struct": {
        if (!isGoObject(value)) return mismatch();
        const entries: [string, GoJsonNode][] = value.entries.map(([key, v]) => {
          const index = fieldIndex(tt);
          const field = index.exact.get(key) ?? index.folded.get(fold(key));
          if (!field) return [key, v];
          const inner: Context = { struct: structName(tt.name), stack: field.via ? [...ctx.stack, ...field.via, field.json] : [...ctx.stack, field.json] };
          return [field.json, walk(v, field.type, inner)];
        });
        return { entries };
      }
      default:
        return value;
    }
  };

  const out = walk(node, t, { stack: [] });
  if (saved !== undefined) throw new GoUnmarshalError(saved);
  return out;
}
