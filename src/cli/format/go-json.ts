// Go's encoding/json over the engine's value model. Differences from JSON.stringify that show
// in docker output: map keys are sorted, U+2028/U+2029 are always escaped, and json.Marshal
// escapes <, > and & (so `->` in a ports string prints as `-\u003e`) unless the encoder was told
// SetEscapeHTML(false), as docker's `json` template function is.
import { MARSHAL_JSON, isGoNil, mapKeys, structType } from "./template-values.js";

export class JsonEncodeError extends Error {}

function escapeString(s: string, escapeHTML: boolean): string {
  let out = JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
  if (escapeHTML) out = escapeHtmlInJson(out);
  return out;
}

/** What Go's compact-with-escapeHTML does to JSON text: <, >, & become \u003c, \u003e, \u0026. */
export function escapeHtmlInJson(json: string): string {
  return json.replace(/[<>&]/g, (c) => (c === "<" ? "\\u003c" : c === ">" ? "\\u003e" : "\\u0026"));
}

function encodeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new JsonEncodeError(`json: unsupported value: ${Number.isNaN(n) ? "NaN" : n > 0 ? "+Inf" : "-Inf"}`);
  // Go switches to exponent form at the same thresholds as JavaScript (1e21, 1e-6) and also
  // trims "e-07" to "e-7", so the JavaScript form is Go's form.
  return Object.is(n, -0) ? "-0" : String(n);
}

function encode(v: unknown, escapeHTML: boolean): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return escapeString(v, escapeHTML);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return encodeNumber(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "function") throw new JsonEncodeError("json: unsupported type: func() string");
  if (isGoNil(v)) return "null";
  if (Array.isArray(v)) return `[${v.map((e) => encode(e, escapeHTML)).join(",")}]`;
  if (typeof v === "object") {
    const marshal = (v as { [MARSHAL_JSON]?: unknown })[MARSHAL_JSON];
    if (typeof marshal === "function") {
      const text = String(marshal.call(v));
      return escapeHTML ? escapeHtmlInJson(text) : text;
    }
    const record = v as Record<string, unknown>;
    // Structs keep their declaration order; maps are sorted by key.
    const keys = structType(v) === undefined ? mapKeys(v) : Object.keys(v).filter((k) => typeof record[k] !== "function");
    return `{${keys.map((k) => `${escapeString(k, escapeHTML)}:${encode(record[k], escapeHTML)}`).join(",")}}`;
  }
  throw new JsonEncodeError(`json: unsupported type: ${typeof v}`);
}

/** json.Marshal (escapeHTML true) or an Encoder with SetEscapeHTML(false), minus the newline. */
export function encodeJson(value: unknown, options: { escapeHTML: boolean }): string {
  return encode(value, options.escapeHTML);
}
