// Small string renderings docker/cli applies to single fields (displayutils.go, strconv.Quote,
// the sortorder package used by `network ls` and `volume ls`).
import { charWidth } from "./width.js";
import { utf8Encode } from "./utf8.js";

export { stringWidth } from "./width.js";

/** formatter.TruncateID: drop everything up to the first ":" (sha256:), keep 12 characters. */
export function truncateId(id: string): string {
  const colon = id.indexOf(":");
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.length > 12 ? bare.slice(0, 12) : bare;
}

/**
 * formatter.Ellipsis: fit s into maxDisplayWidth columns, ending in "…" when cut. Width 1 keeps
 * the first character even when it is wide, exactly like docker.
 */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return "";
  const runes = Array.from(s);
  if (maxDisplayWidth === 1) return runes[0] ?? "";
  let total = 0;
  const widths = runes.map((r) => (total += charWidth(r.codePointAt(0) ?? 0)));
  if (total <= maxDisplayWidth) return s;
  for (let i = 0; i < widths.length - 1; i++) {
    if ((widths[i] ?? 0) <= maxDisplayWidth - 1 && (widths[i + 1] ?? 0) > maxDisplayWidth - 1) {
      return runes.slice(0, i + 1).join("") + "…";
    }
  }
  // A first rune already wider than the room left: docker's loop finds no cut and gives s back.
  return s;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrintable(ch: string): boolean {
  return ch === " " || PRINTABLE.test(ch);
}

const SHORT_ESCAPES: Record<string, string> = {
  "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
};

const hex = (n: number, width: number): string => n.toString(16).padStart(width, "0");

/** strconv.Quote (asciiOnly: strconv.QuoteToASCII, what %+q prints). */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else if (isGoPrintable(ch) && (!asciiOnly || cp < 0x80)) out += ch;
    else if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch];
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else if (cp < 0x10000) out += "\\u" + hex(cp, 4);
    else out += "\\U" + hex(cp, 8);
  }
  return out + '"';
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

/** sortorder.NaturalLess on UTF-8 bytes: digit runs compare as numbers, digits sort first. */
function naturalLess(s1: Uint8Array, s2: Uint8Array): boolean {
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1] ?? 0;
    const c2 = s2[i2] ?? 0;
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < s1.length && s1[i1] === 0x30) i1++;
    while (i2 < s2.length && s2[i2] === 0x30) i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (isDigit(s1[i1])) i1++;
    while (isDigit(s2[i2])) i2++;
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2;
    for (let k = 0; k < i1 - nz1; k++) {
      const a = s1[nz1 + k] ?? 0;
      const b = s2[nz2 + k] ?? 0;
      if (a !== b) return a < b;
    }
    // Equal numbers: fewer leading zeros first ("2" < "02").
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}

/** A comparator for Array.prototype.sort giving docker's natural order (net-2 before net-10). */
export function naturalCompare(a: string, b: string): number {
  const ea = utf8Encode(a);
  const eb = utf8Encode(b);
  if (naturalLess(ea, eb)) return -1;
  return naturalLess(eb, ea) ? 1 : 0;
}
