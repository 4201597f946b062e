// Reading a request body the way dockerd's json.Decoder does (Go's encoding/json scanner): the
// same syntax errors word for word, "unexpected EOF" for a truncated value, and number literals
// kept as written so integer fields can be checked as Go checks them.

/** A JSON number with its literal text ("1.5e3"), as Go's decoder sees it. */
export class GoNumber {
  constructor(readonly text: string) {}
}

export type GoJsonNode = null | boolean | string | GoNumber | GoJsonNode[] | GoJsonObject;

/** An object in source order, duplicates kept (Go assigns each in turn: the last one wins). */
export interface GoJsonObject {
  entries: [string, GoJsonNode][];
}

export function isGoObject(node: GoJsonNode | undefined): node is GoJsonObject {
  return node !== null && typeof node === "object" && !Array.isArray(node) && !(node instanceof GoNumber);
}

/** Go's json.SyntaxError, io.ErrUnexpectedEOF and io.EOF, by their texts. */
export class GoJsonError extends Error {
  constructor(
    message: string,
    /** True when the body held nothing but white space (the decoder's io.EOF). */
    readonly empty = false,
  ) {
    super(message);
    this.name = "GoJsonError";
  }
}

const maxDepth = 10000;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n";
}

/** The byte Go's scanner complains about: the first byte of the character's UTF-8 form. */
function firstByte(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return cp;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

/** scanner.go quoteChar: strconv.Quote of the byte taken as a rune, in single quotes. */
export function quoteChar(ch: string): string {
  const b = firstByte(ch);
  if (b === 0x27) return "'\\''";
  if (b === 0x22) return "'\"'";
  const named: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 0x5c: "\\\\" };
  if (named[b]) return `'${named[b]}'`;
  if (b < 0x20 || b === 0x7f) return `'\\x${b.toString(16).padStart(2, "0")}'`;
  // Bytes 0x80-0x9f are C1 controls as runes; 0xa0 and up print as Latin-1 letters.
  if (b >= 0x80 && b < 0xa0) return `'\\u00${b.toString(16).padStart(2, "0")}'`;
  if (b === 0xa0 || b === 0xad) return `'\\u00${b.toString(16)}'`;
  return `'${String.fromCharCode(b)}'`;
}

type Frame = { kind: "array"; items: GoJsonNode[] } | { kind: "object"; obj: GoJsonObject; key: string };

/**
 * Decodes the first JSON value of text as json.Decoder.Decode does. `rest` is what follows it,
 * for the callers' "unexpected content after JSON" check (Decoder.More).
 */
export function decodeGoJson(text: string): { value: GoJsonNode; rest: string } {
  let i = 0;
  const n = text.length;
  const fail = (ch: string, context: string): never => {
    throw new GoJsonError(`invalid character ${quoteChar(ch)} ${context}`);
  };
  const eof = (): never => {
    throw new GoJsonError("unexpected EOF");
  };
  const skip = () => {
    while (i < n && isSpace(text[i])) i++;
  };
  skip();
  if (i >= n) throw new GoJsonError("EOF", true);

  const stack: Frame[] = [];
  /** Scans one scalar, or opens a container (returning undefined). */
  const scalarOrOpen = (): GoJsonNode | undefined => {
    skip();
    if (i >= n) eof();
    const c = text[i] ?? "";
    if (c === "{" || c === "[") {
      if (stack.length >= maxDepth) fail(c, "exceeded max depth");
      i++;
      return undefined;
    }
    if (c === '"') return readString();
    if (c === "-" || (c >= "0" && c <= "9")) return readNumber();
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (c !== word[0]) continue;
      for (let k = 1; k < word.length; k++) {
        const d = text[i + k];
        if (d === undefined) eof();
        if (d !== word[k]) {
          i += k;
          fail(d ?? "", `in literal ${word} (expecting ${quoteChar(word[k] ?? "")})`);
        }
      }
      i += word.length;
      return value;
    }
    return fail(c, "looking for beginning of value");
  };

  const readString = (): string => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) eof();
      const c = text[i] ?? "";
      if (c === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === undefined) eof();
        if (e === "u") {
          for (let k = 2; k < 6; k++) {
            const h = text[i + k];
            if (h === undefined) eof();
            if (!/[0-9a-fA-F]/.test(h ?? "")) {
              i += k;
              fail(h ?? "", "in \\u hexadecimal character escape");
            }
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e ?? "")) {
          i++;
          fail(e ?? "", "in string escape code");
        }
        i += 2;
        continue;
      }
      if (c < " ") fail(c, "in string literal");
      i++;
    }
  };

  const readNumber = (): GoNumber => {
    const start = i;
    const digits = () => {
      while (i < n && (text[i] ?? "") >= "0" && (text[i] ?? "") <= "9") i++;
    };
    const need = (context: string) => {
      if (i >= n) eof();
      const c = text[i] ?? "";
      if (c < "0" || c > "9") fail(c, context);
    };
    if (text[i] === "-") {
      i++;
      need("in numeric literal");
    }
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      need("after decimal point in numeric literal");
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      need("in exponent of numeric literal");
      digits();
    }
    // Inside a container the value must be followed by something; at the top EOF ends it.
    if (i >= n && stack.length > 0) eof();
    return new GoNumber(text.slice(start, i));
  };

  const readKey = (context: string): string => {
    skip();
    if (i >= n) eof();
    if (text[i] !== '"') fail(text[i] ?? "", context);
    const key = readString();
    skip();
    if (i >= n) eof();
    if (text[i] !== ":") fail(text[i] ?? "", "after object key");
    i++;
    return key;
  };

  let value: GoJsonNode | undefined = scalarOrOpen();
  let opened = value === undefined ? text[i - 1] : undefined;
  for (;;) {
    if (opened !== undefined) {
      skip();
      if (i >= n) eof();
      if (opened === "[") {
        if (text[i] === "]") {
          i++;
          value = [];
        } else {
          stack.push({ kind: "array", items: [] });
        }
      } else if (text[i] === "}") {
        i++;
        value = { entries: [] };
      } else {
        stack.push({ kind: "object", obj: { entries: [] }, key: readKey("looking for beginning of object key string") });
      }
      opened = undefined;
      if (value === undefined) {
        value = scalarOrOpen();
        if (value === undefined) opened = text[i - 1];
        continue;
      }
    }
    // A complete value: hand it to the enclosing container, or finish.
    const top = stack[stack.length - 1];
    if (!top) break;
    if (top.kind === "array") top.items.push(value as GoJsonNode);
    else top.obj.entries.push([top.key, value as GoJsonNode]);
    skip();
    if (i >= n) eof();
    const c = text[i] ?? "";
    const close = top.kind === "array" ? "]" : "}";
    if (c === close) {
      i++;
      stack.pop();
      value = top.kind === "array" ? top.items : top.obj;
      continue;
    }
    if (c !== ",") fail(c, top.kind === "array" ? "after array element" : "after object key:value pair");
    i++;
    if (top.kind === "object") top.key = readKey("looking for beginning of object key string");
    value = scalarOrOpen();
    if (value === undefined) opened = text[i - 1];
  }
  return { value: value as GoJsonNode, rest: text.slice(i) };
}

/** Decoder.More after the value: true unless only white space, "]" or "}" follows. */
export function moreContent(rest: string): boolean {
  const c = rest.trimStart()[0];
  return c !== undefined && c !== "]" && c !== "}";
}

/** The node as a plain JavaScript value (numbers as numbers), safe for any key. */
export function toPlain(node: GoJsonNode): unknown {
  if (node === null || typeof node !== "object") return node;
  if (node instanceof GoNumber) return Number(node.text);
  if (Array.isArray(node)) return node.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of node.entries) {
    // "__proto__" must become an own key, not the object's prototype.
    if (k === "__proto__") Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    else out[k] = toPlain(v);
  }
  return out;
}

/** A plain value (an in-process request body) as a node, so both paths share one checker. */
export function fromPlain(value: unknown): GoJsonNode {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return new GoNumber(String(value));
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === "object") return { entries: Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, fromPlain(v)]) };
  return null;
}
