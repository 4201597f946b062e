// Go strings are UTF-8 byte sequences: len(), slicing, truncate and byte-wise ordering all count
// bytes, so the Go-faithful helpers here convert explicitly instead of trusting UTF-16 indices.

const REPLACEMENT = 0xfffd;

/** The code points of s; lone surrogates become U+FFFD, as Go would see them after encoding. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? REPLACEMENT;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? REPLACEMENT : cp);
  }
  return out;
}

export function utf8Encode(s: string): Uint8Array {
  const bytes: number[] = [];
  for (const cp of codePoints(s)) {
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else {
      bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
  }
  return Uint8Array.from(bytes);
}

/** Decodes UTF-8; each invalid or truncated sequence becomes one U+FFFD, like Go's range loop. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const [cp, size] = decodeRune(bytes, i);
    out += String.fromCodePoint(cp);
    i += size;
  }
  return out;
}

/** Go's utf8.DecodeRune: the rune at i and how many bytes it used (1 for an invalid byte). */
export function decodeRune(bytes: Uint8Array, i: number): [number, number] {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return [b0, 1];
  const need = b0 >= 0xf0 && b0 <= 0xf4 ? 3 : b0 >= 0xe0 ? (b0 <= 0xef ? 2 : 0) : b0 >= 0xc2 ? 1 : 0;
  if (need === 0) return [REPLACEMENT, 1];
  let cp = b0 & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if (b === undefined || (b & 0xc0) !== 0x80) return [REPLACEMENT, 1];
    cp = (cp << 6) | (b & 0x3f);
  }
  const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return [REPLACEMENT, 1];
  return [cp, need + 1];
}

export function utf8Length(s: string): number {
  let n = 0;
  for (const cp of codePoints(s)) n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return n;
}

/** s[start:end] with Go byte offsets; a cut through a multi-byte rune leaves U+FFFD behind. */
export function byteSlice(s: string, start: number, end?: number): string {
  return utf8Decode(utf8Encode(s).subarray(start, end));
}

/** Go's string comparison: byte-wise on UTF-8, which equals code point order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ca = codePoints(a);
  const cb = codePoints(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i] ?? 0;
    const y = cb[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return ca.length === cb.length ? 0 : ca.length < cb.length ? -1 : 1;
}
