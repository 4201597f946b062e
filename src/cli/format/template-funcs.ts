// docker/cli's template functions (templates/templates.go) and the header overrides its table
// formatter swaps in, so `{{upper .Names}}` keeps the header "NAMES" instead of upper-casing it.
import { encodeJson } from "./go-json.js";
import { formatValue, goFunc, goTypeName, isPlainMap, mapKeys, type GoFunc } from "./template-values.js";
import { compareGoStrings, utf8Encode, utf8Decode, utf8Length } from "./utf8.js";

/** Go's unicode.ToUpper/ToLower map one rune to one rune; "ß" stays "ß". */
function mapRunes(s: string, f: (ch: string) => string): string {
  let out = "";
  for (const ch of s) {
    const mapped = f(ch);
    out += Array.from(mapped).length === 1 ? mapped : ch;
  }
  return out;
}

const upper = (s: string): string => mapRunes(s, (c) => c.toUpperCase());
const lower = (s: string): string => mapRunes(s, (c) => c.toLowerCase());

// strings.Title's separator rule: ASCII non-alphanumerics (except "_") and Unicode spaces.
function isSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** strings.Title: upper-cases the first letter of every word. */
export function title(s: string): string {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    out += isSeparator(prev) ? mapRunes(ch, (c) => c.toUpperCase()) : ch;
    prev = ch;
  }
  return out;
}

/** strings.Split; an empty separator splits after each UTF-8 sequence. */
export function split(s: string, sep: string): string[] {
  return sep === "" ? Array.from(s) : s.split(sep);
}

function join(elems: unknown, sep: string): string {
  if (elems === null || elems === undefined) return "";
  if (Array.isArray(elems)) return elems.map((e) => formatValue(e)).join(sep);
  if (isPlainMap(elems)) {
    return mapKeys(elems).map((k) => formatValue(elems[k])).sort(compareGoStrings).join(sep);
  }
  throw new Error(`expected slice, got ${goTypeName(elems)}`);
}

function pad(s: string, prefix: number, suffix: number): string {
  if (s === "") return s;
  if (prefix < 0 || suffix < 0) throw new Error("strings: negative Repeat count");
  return " ".repeat(prefix) + s + " ".repeat(suffix);
}

/** Byte-based, like Go's source[:length]; a cut inside a rune leaves U+FFFD. */
function truncate(s: string, length: number): string {
  if (utf8Length(s) < length) return s;
  if (length < 0) throw new Error(`runtime error: slice bounds out of range [:${length}]`);
  return utf8Decode(utf8Encode(s).subarray(0, length));
}

export const DOCKER_FUNCS: Readonly<Record<string, GoFunc>> = {
  json: goFunc(["any"], (v: unknown) => encodeJson(v, { escapeHTML: false })),
  split: goFunc(["string", "string"], split),
  join: goFunc(["any", "string"], join),
  title: goFunc(["string"], title),
  lower: goFunc(["string"], lower),
  upper: goFunc(["string"], upper),
  pad: goFunc(["string", "int", "int"], pad),
  truncate: goFunc(["string", "int"], truncate),
};

const unchanged = (v: string): string => v;

/** templates.HeaderFunctions: the same names, but they leave the header text alone. */
export const HEADER_FUNCS: Readonly<Record<string, GoFunc>> = {
  json: goFunc(["string"], unchanged),
  split: goFunc(["string", "string"], unchanged),
  join: goFunc(["string", "string"], unchanged),
  title: goFunc(["string"], unchanged),
  lower: goFunc(["string"], unchanged),
  upper: goFunc(["string"], unchanged),
  truncate: goFunc(["string", "int"], unchanged),
};
