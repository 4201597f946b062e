// Go literal syntax the template parser accepts: strconv.Unquote for strings and character
// constants, and the number rules of parse.NewNumber (ints, floats, hex/octal/binary).
import { utf8Decode, utf8Encode } from "./utf8.js";

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };

/** strconv.Unquote; throws Error("invalid syntax") like Go. */
export function goUnquote(quoted: string): string {
  const q = quoted[0];
  if (quoted.length < 2 || quoted[quoted.length - 1] !== q) throw new Error("invalid syntax");
  const body = quoted.slice(1, -1);
  if (q === "`") {
    if (body.includes("`")) throw new Error("invalid syntax");
    return body.replace(/\r/g, "");
  }
  if (q !== '"' && q !== "'") throw new Error("invalid syntax");
  const bytes: number[] = [];
  const pushString = (s: string): void => {
    bytes.push(...utf8Encode(s));
  };
  let runes = 0;
  for (let i = 0; i < body.length; runes++) {
    const ch = body[i] ?? "";
    if (ch === q || ch === "\n") throw new Error("invalid syntax");
    if (ch !== "\\") {
      const cp = body.codePointAt(i) ?? 0;
      pushString(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1] ?? "";
    i += 2;
    const simple = SIMPLE[e];
    if (simple !== undefined) bytes.push(simple);
    else if (e === q) bytes.push(q.charCodeAt(0));
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const digits = body.slice(i, i + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) throw new Error("invalid syntax");
      const v = parseInt(digits, 16);
      i += n;
      if (e === "x") bytes.push(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new Error("invalid syntax");
      else pushString(String.fromCodePoint(v));
    } else if (e >= "0" && e <= "7") {
      const digits = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) throw new Error("invalid syntax");
      bytes.push(parseInt(digits, 8));
      i += 2;
    } else throw new Error("invalid syntax");
  }
  if (q === "'" && runes !== 1) throw new Error("invalid syntax");
  return utf8Decode(Uint8Array.from(bytes));
}

export interface GoNumber {
  isInt: boolean;
  isFloat: boolean;
  value: number;
}

const INT_FORMS: [RegExp, number][] = [
  [/^0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*$/, 16],
  [/^0[oO]_?[0-7]+(?:_[0-7]+)*$/, 8],
  [/^0[bB]_?[01]+(?:_[01]+)*$/, 2],
  [/^0_?[0-7]+(?:_[0-7]+)*$/, 8],
  [/^(?:0|[1-9](?:_?[0-9])*)$/, 10],
];
const FLOAT_FORM = /^(?:[0-9](?:_?[0-9])*)?(?:\.(?:[0-9](?:_?[0-9])*)?)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const INT64_MAX = 2n ** 63n - 1n;

function parseInt64(text: string): bigint | undefined {
  const sign = text[0] === "-" ? -1n : 1n;
  const body = text[0] === "-" || text[0] === "+" ? text.slice(1) : text;
  for (const [re, base] of INT_FORMS) {
    if (!re.test(body)) continue;
    const digits = body.replace(/_/g, "").replace(/^0[xXoObB]?/, "") || "0";
    const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
    const v = sign * BigInt(prefix + digits);
    return v > INT64_MAX || v < -INT64_MAX - 1n ? undefined : v;
  }
  return undefined;
}

/** parse.NewNumber for a number or character-constant token; throws Go's error text. */
export function parseGoNumber(text: string, isCharConstant: boolean): GoNumber {
  if (isCharConstant) {
    const ch = goUnquote(text);
    return { isInt: true, isFloat: true, value: ch.codePointAt(0) ?? 0 };
  }
  const asInt = parseInt64(text);
  if (asInt !== undefined) return { isInt: true, isFloat: true, value: Number(asInt) };
  const body = text.replace(/^[+-]/, "");
  if (FLOAT_FORM.test(body) && /[0-9]/.test(body)) {
    // A float-looking integer without a fraction or exponent must have overflowed int64.
    if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${JSON.stringify(text)}`);
    const value = Number(text.replace(/_/g, ""));
    const isInt = Number.isInteger(value) && Math.abs(value) < 2 ** 63;
    return { isInt, isFloat: true, value };
  }
  throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
}
