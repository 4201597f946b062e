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

/**
 * Where a value sits, for the error message: the struct holding the field being decoded and the
 * field's path from the outermost struct. Each level links to the one above, so descending into
 * a field allocates one small object and the path is spelled out only when an error needs it.
 */
interface Context {
  /** reflect.Type.Name() of the struct holding the field being decoded. */
  struct?: string;
  parent?: Context;
  /** The names this level adds to the path: the embedded structs it goes through, then the field. */
  names?: readonly string[];
}

const topLevel: Context = Object.freeze({});

function pathOf(ctx: Context): string[] {
  const out: string[] = [];
  for (let c: Context | undefined = ctx; c; c = c.parent) if (c.names) out.unshift(...c.names);
  return out;
}

function describe(node: GoJsonNode): string {
  if (node === null) return "null";
  if (typeof node === "boolean") return "bool";
  if (typeof node === "string") return "string";
  if (node instanceof GoNumber) return "number";
  return Array.isArray(node) ? "array" : "object";
}

function message(value: string, type: string, ctx: Context): string {
  const path = pathOf(ctx);
  if (ctx.struct === undefined && path.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${type}`;
  return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct ?? ""}.${path.join(".")} of type ${type}`;
}

/** strconv.ParseInt/ParseUint(s, 10, 64) followed by the kind's overflow check. */
function integerFits(text: string, t: { kind: "int" | "uint"; bits: number }): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  // ParseUint takes no sign at all, "-0" included.
  if (t.kind === "uint" && text.charCodeAt(0) === 45) return false;
  // Up to 15 digits is within every 64-bit range.
  if (text.length <= 15 && t.bits === 64) return true;
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

interface IndexedField {
  field: GoField;
  /** The names the field adds to an error's path: via, then its JSON name. */
  names: readonly string[];
}

interface FieldIndex {
  /** reflect.Type.Name() of the struct. */
  struct: string;
  exact: Map<string, IndexedField>;
  folded: Map<string, IndexedField>;
}

const indexes = new WeakMap<GoType, FieldIndex>();

/** A struct's fields by JSON name and by folded name, built once per type. */
function fieldIndex(t: Extract<GoType, { kind: "struct" }>): FieldIndex {
  let index = indexes.get(t);
  if (!index) {
    index = { struct: structName(t.name), exact: new Map(), folded: new Map() };
    for (const field of t.fields) {
      const indexed = { field, names: field.via ? [...field.via, field.json] : [field.json] };
      index.exact.set(field.json, indexed);
      if (!index.folded.has(fold(field.json))) index.folded.set(fold(field.json), indexed);
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
  const run = new Unmarshal();
  const out = run.walk(node, t, topLevel);
  if (run.saved !== undefined) throw new GoUnmarshalError(run.saved);
  return out;
}

/** One decode: the walk, and the first type error it met (Go's decoder saves it and reads on). */
class Unmarshal {
  saved: string | undefined;

  private save(text: string): null {
    this.saved ??= text;
    return null;
  }

  private mismatch(value: GoJsonNode, tt: GoType, ctx: Context): null {
    return this.save(message(describe(value), tt.kind === "strslice" ? "strslice.StrSlice" : typeName(tt), ctx));
  }

  walk(value: GoJsonNode, type: GoType, ctx: Context): GoJsonNode {
    if (value === null) return null;
    const tt = target(type);
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
        return typeof value === "string" ? value : this.mismatch(value, tt, ctx);
      case "bool":
        return typeof value === "boolean" ? value : this.mismatch(value, tt, ctx);
      case "float":
        return value instanceof GoNumber ? value : this.mismatch(value, tt, ctx);
      case "int":
      case "uint":
        if (!(value instanceof GoNumber)) return this.mismatch(value, tt, ctx);
        if (!integerFits(value.text, tt)) return this.save(message(`number ${value.text}`, tt.name, ctx));
        return value;
      case "slice":
      case "array": {
        if (!Array.isArray(value)) return this.mismatch(value, tt, ctx);
        const out: GoJsonNode[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) out[i] = tt.kind === "array" && i >= tt.length ? null : this.walk(value[i] as GoJsonNode, tt.elem, ctx);
        return out;
      }
      case "map": {
        if (!isGoObject(value)) return this.mismatch(value, tt, ctx);
        const entries: [string, GoJsonNode][] = [];
        for (const [k, v] of value.entries) entries.push([k, this.walk(v, tt.elem, ctx)]);
        return { entries };
      }
      case "struct": {
        if (!isGoObject(value)) return this.mismatch(value, tt, ctx);
        const index = fieldIndex(tt);
        const entries: [string, GoJsonNode][] = [];
        for (const [key, v] of value.entries) {
          const indexed = index.exact.get(key) ?? index.folded.get(fold(key));
          if (!indexed) entries.push([key, v]);
          else entries.push([indexed.field.json, this.walk(v, indexed.field.type, { struct: index.struct, parent: ctx, names: indexed.names })]);
        }
        return { entries };
      }
      default:
        return value;
    }
  }
}

/** What conformingCopy answers for a value it leaves to the full decode. */
export const NONCONFORMING: unique symbol = Symbol("nonconforming");

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * An in-process body (a plain value from our own client, most often) copied as unmarshalGo and
 * toPlain would return it, in one pass, when it already has Go's shape: every struct key
 * spelled as the field is, every value of its field's type. Anything else (a key in another
 * case, an unknown field, a type error, a number Go would refuse) is NONCONFORMING, and the full
 * decode, which knows Go's messages, takes over.
 */
export function conformingCopy(value: unknown, type: GoType): unknown {
  if (value === null || value === undefined) return null;
  const tt = target(type);
  switch (tt.kind) {
    case "any":
      return plainCopy(value);
    case "strslice":
      if (typeof value === "string") return [value];
      if (!Array.isArray(value)) return NONCONFORMING;
      for (const item of value) if (typeof item !== "string" && item !== null) return NONCONFORMING;
      return [...(value as unknown[])];
    case "string":
      return typeof value === "string" ? value : NONCONFORMING;
    case "bool":
      return typeof value === "boolean" ? value : NONCONFORMING;
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? value : NONCONFORMING;
    case "int":
    case "uint":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) return NONCONFORMING;
      // A safe integer fits every 64-bit range but an unsigned one's below zero; narrower kinds
      // take the exact check.
      if (tt.bits < 64 || (tt.kind === "uint" && value < 0)) return integerFits(String(value), tt) ? value + 0 : NONCONFORMING;
      return value + 0;
    case "slice":
    case "array": {
      if (!Array.isArray(value) || (tt.kind === "array" && value.length > tt.length)) return NONCONFORMING;
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = conformingCopy(value[i], tt.elem);
        if (item === NONCONFORMING) return NONCONFORMING;
        out[i] = item;
      }
      return out;
    }
    case "map":
      return isPlainRecord(value) ? copyRecord(value, (v) => conformingCopy(v, tt.elem)) : NONCONFORMING;
    case "struct": {
      if (!isPlainRecord(value)) return NONCONFORMING;
      const index = fieldIndex(tt);
      const out: Record<string, unknown> = {};
      for (const key in value) {
        const v = value[key];
        if (v === undefined) continue;
        const indexed = index.exact.get(key);
        if (!indexed) return NONCONFORMING;
        const item = conformingCopy(v, indexed.field.type);
        if (item === NONCONFORMING) return NONCONFORMING;
        out[key] = item;
      }
      return out;
    }
    default:
      return NONCONFORMING;
  }
}

/** A JSON-shaped value copied (an `interface{}` field); anything JSON could not carry is NONCONFORMING. */
function plainCopy(value: unknown): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : NONCONFORMING;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i] === undefined ? null : plainCopy(value[i]);
      if (item === NONCONFORMING) return NONCONFORMING;
      out[i] = item;
    }
    return out;
  }
  return isPlainRecord(value) ? copyRecord(value, plainCopy) : NONCONFORMING;
}

/** A record's defined values copied by `copy`; NONCONFORMING if one is, or a key is "__proto__". */
function copyRecord(value: Record<string, unknown>, copy: (v: unknown) => unknown): unknown {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = value[key];
    if (v === undefined) continue;
    if (key === "__proto__") return NONCONFORMING;
    const item = copy(v);
    if (item === NONCONFORMING) return NONCONFORMING;
    out[key] = item;
  }
  return out;
}
