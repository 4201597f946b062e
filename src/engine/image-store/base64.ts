// Base64 over UTF-8 text, without atob/btoa (not part of the engine's ES2022 lib). Registry
// credentials travel as base64url JSON (X-Registry-Auth) and config.json keeps "user:password"
// in standard base64.
import { utf8Encode } from "../digest/index.js";

const standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const urlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Encodes with padding, as Go's base64.StdEncoding and base64.URLEncoding do. */
export function base64Encode(text: string, alphabet: "standard" | "url" = "standard"): string {
  const chars = alphabet === "url" ? urlSafe : standard;
  const bytes = utf8Encode(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += chars[(n >> 18) & 63] ?? "";
    out += chars[(n >> 12) & 63] ?? "";
    out += i + 1 < bytes.length ? (chars[(n >> 6) & 63] ?? "") : "=";
    out += i + 2 < bytes.length ? (chars[n & 63] ?? "") : "=";
  }
  return out;
}

/** Decodes either alphabet, padded or not; undefined for anything that is not base64 of UTF-8. */
export function base64Decode(text: string): string | undefined {
  const clean = text.replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/_-]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = ch === "-" ? 62 : ch === "_" ? 63 : standard.indexOf(ch);
    value = (value << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return utf8Decode(bytes);
}

function utf8Decode(bytes: number[]): string | undefined {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const extra = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (extra < 0 || i + extra > bytes.length - 1) return undefined;
    let code = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return undefined;
      code = (code << 6) | (next & 0x3f);
    }
    out += String.fromCodePoint(code);
    i += extra + 1;
  }
  return out;
}
