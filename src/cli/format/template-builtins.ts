// The predefined functions of Go's text/template (funcs.go): comparison, indexing, length,
// escaping and printing, with their Go error texts. `and`, `or` and `call` are evaluated
// specially by the executor; their entries here give the signatures it checks against.
import { sprint, sprintf, sprintln } from "./go-fmt.js";
import {
  formatValue, goFunc, goTypeName, isPlainMap, isTrue, mapKeys, type GoFunc,
} from "./template-values.js";
import { byteSlice, compareGoStrings, utf8Encode, utf8Length } from "./utf8.js";

type Kind = "invalid" | "bool" | "int" | "float" | "string";

// null stands for a nil interface, which reflect sees as no value at all.
const isValid = (v: unknown): boolean => v !== undefined && v !== null;

function basicKind(v: unknown): Kind {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "string";
  return "invalid";
}

function eq(arg1: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new Error("missing argument for comparison");
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    let truth: boolean;
    if (k1 !== k2) {
      if (isValid(arg1) && isValid(arg)) throw new Error("incompatible types for comparison");
      truth = false;
    } else if (k1 !== "invalid") {
      truth = arg1 === arg;
    } else if (!isValid(arg1) || !isValid(arg)) {
      truth = isValid(arg1) === isValid(arg);
    } else if (Array.isArray(arg) || typeof arg === "function" || isPlainMap(arg)) {
      // Go's message prints the value where the type belongs and vice versa; so do we.
      throw new Error(`non-comparable type ${formatValue(arg)}: ${goTypeName(arg)}`);
    } else {
      truth = arg1 === arg;
    }
    if (truth) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === "invalid" || k2 === "invalid") throw new Error("invalid type for comparison");
  if (k1 !== k2) throw new Error("incompatible types for comparison");
  if (k1 === "bool") throw new Error("invalid type for comparison");
  if (k1 === "string") return compareGoStrings(a as string, b as string) < 0;
  return (a as number) < (b as number);
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

function indexArg(index: unknown, cap: number): number {
  if (index === undefined || index === null) throw new Error("cannot index slice/array with nil");
  if (typeof index !== "number" || !Number.isInteger(index)) {
    throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
  }
  if (index < 0 || index > cap) throw new Error(`index out of range: ${index}`);
  return index;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (!isValid(item)) throw new Error("index of untyped nil");
  for (const i of indexes) {
    if (item === null) throw new Error("index of nil pointer");
    if (typeof item === "string" || Array.isArray(item)) {
      const bytes = typeof item === "string" ? utf8Encode(item) : undefined;
      const len = bytes?.length ?? (item as unknown[]).length;
      const x = indexArg(i, len);
      // indexArg lets x == len through; reflect then panics, and the panic is the error.
      if (x === len) throw new Error(`reflect: ${bytes ? "string" : "slice"} index out of range`);
      item = bytes ? bytes[x] : (item as unknown[])[x];
    } else if (isPlainMap(item)) {
      if (i === undefined || i === null) throw new Error("value is nil; should be of type string");
      if (typeof i !== "string") throw new Error(`value has type ${goTypeName(i)}; should be string`);
      const keys = mapKeys(item);
      const allStrings = keys.every((k) => typeof item === "object" && typeof (item as Record<string, unknown>)[k] === "string");
      // A missing key yields the element type's zero value: "" for map[string]string.
      item = keys.includes(i) ? item[i] : allStrings ? "" : undefined;
    } else {
      throw new Error(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (!isValid(item)) throw new Error("slice of untyped nil");
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === "string") {
    if (indexes.length === 3) throw new Error("cannot 3-index slice a string");
    len = utf8Length(item);
  } else if (Array.isArray(item)) len = item.length;
  else throw new Error(`can't slice item of type ${goTypeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => (idx[i] = indexArg(x, len)));
  const [lo = 0, hi = len, max = len] = idx;
  if (lo > hi) throw new Error(`invalid slice index: ${lo} > ${hi}`);
  if (indexes.length === 3 && hi > max) throw new Error(`invalid slice index: ${hi} > ${max}`);
  return typeof item === "string" ? byteSlice(item, lo, hi) : (item as unknown[]).slice(lo, hi);
}

function length(item: unknown): number {
  if (item === undefined) throw new Error("reflect: call of reflect.Value.Type on zero Value");
  if (item === null) throw new Error("len of nil pointer");
  if (typeof item === "string") return utf8Length(item);
  if (Array.isArray(item)) return item.length;
  if (isPlainMap(item)) return mapKeys(item).length;
  throw new Error(`len of type ${goTypeName(item)}`);
}

/** evalArgs: fmt.Sprint of the arguments, with "no value" spelled out for missing ones. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? "<no value>" : a)));
}

const HTML: Record<string, string> = { "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const JS: Record<string, string> = {
  "\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D",
};
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (JS[ch] !== undefined) out += JS[ch];
    else if (cp < 0x20) out += "\\u00" + cp.toString(16).toUpperCase().padStart(2, "0");
    else if (cp >= 0x80 && !PRINTABLE.test(ch)) out += "\\u" + cp.toString(16).toUpperCase().padStart(4, "0");
    else out += ch;
  }
  return out;
}

/** url.QueryEscape */
function queryEscape(s: string): string {
  let out = "";
  for (const b of utf8Encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

export const BUILTINS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ["and", goFunc(["value"], () => undefined, "value")],
  ["or", goFunc(["value"], () => undefined, "value")],
  ["call", goFunc(["value"], () => undefined, "value")],
  ["not", goFunc(["value"], (v: unknown) => !isTrue(v))],
  ["len", goFunc(["value"], length)],
  ["index", goFunc(["value"], index, "value")],
  ["slice", goFunc(["value"], slice, "value")],
  ["eq", goFunc(["value"], eq, "value")],
  ["ne", goFunc(["value", "value"], (a: unknown, b: unknown) => !eq(a, b))],
  ["lt", goFunc(["value", "value"], lt)],
  ["le", goFunc(["value", "value"], le)],
  ["gt", goFunc(["value", "value"], (a: unknown, b: unknown) => !le(a, b))],
  ["ge", goFunc(["value", "value"], (a: unknown, b: unknown) => !lt(a, b))],
  ["html", goFunc([], (...a: unknown[]) => evalArgs(a).replace(/[\0"'&<>]/g, (c) => HTML[c] ?? c), "any")],
  ["js", goFunc([], (...a: unknown[]) => jsEscape(evalArgs(a)), "any")],
  ["urlquery", goFunc([], (...a: unknown[]) => queryEscape(evalArgs(a)), "any")],
  ["print", goFunc([], (...a: unknown[]) => sprint(a), "any")],
  ["println", goFunc([], (...a: unknown[]) => sprintln(a), "any")],
  ["printf", goFunc(["string"], (f: string, ...a: unknown[]) => sprintf(f, a), "any")],
]);

/** call: the function value is the first argument. */
export function callFunction(name: string, fn: unknown, args: unknown[]): unknown {
  if (!isValid(fn)) throw new Error("call of nil");
  if (typeof fn !== "function") throw new Error(`non-function ${name} of type ${goTypeName(fn)}`);
  if (args.length !== fn.length) throw new Error(`wrong number of args for ${name}: got ${args.length} want ${fn.length}`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}
