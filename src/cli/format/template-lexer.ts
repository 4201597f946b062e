// The lexer of Go's text/template (text/template/parse/lex.go), re-expressed as a pull scanner.
// Go runs its lexer as a state machine that stops at the first error item; producing tokens on
// demand keeps that ordering, so the parser reports the same first error Go does.
import { goQuote } from "./text.js";

export type ItemType =
  | "error" | "bool" | "char" | "charConstant" | "comment" | "assign" | "declare" | "eof"
  | "field" | "identifier" | "leftDelim" | "leftParen" | "number" | "pipe" | "rawString"
  | "rightDelim" | "rightParen" | "space" | "string" | "text" | "variable"
  // keywords
  | "block" | "break" | "continue" | "dot" | "define" | "else" | "end" | "if" | "nil" | "range"
  | "template" | "with";

export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  ".": "dot", block: "block", break: "break", continue: "continue", define: "define",
  else: "else", end: "end", if: "if", range: "range", nil: "nil", template: "template", with: "with",
};
const KEYWORD_TYPES = new Set<ItemType>(Object.values(KEYWORDS));

/** item.String() as Go prints it inside "unexpected ..." messages. */
export function itemString(item: Item): string {
  if (item.type === "eof") return "EOF";
  if (item.type === "error") return item.val;
  if (KEYWORD_TYPES.has(item.type)) return `<${item.val}>`;
  const runes = Array.from(item.val);
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(""))}...`;
  return goQuote(item.val);
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\r" || c === "\n";
const ALNUM = /^[_\p{L}\p{Nd}]$/u;
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && ALNUM.test(c);
const hasLeftTrim = (s: string, i: number): boolean => s[i] === "-" && isSpace(s[i + 1]);
const hasRightTrim = (s: string, i: number): boolean => isSpace(s[i]) && s[i + 1] === "-";
const count = (s: string, ch: string): number => s.split(ch).length - 1;

/** %#U formatting: U+007D '}' */
function runeName(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")} '${ch}'`;
}

type State = "text" | "leftDelim" | "inside" | "done";

// Go's scanNumber: optional sign, hex/octal/binary prefixes, fraction, exponent, imaginary "i".
const NUMBER =
  /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]*)?|0[oO][0-7_]*|0[bB][01_]*|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]*)?)i?/;

export class Lexer {
  private pos = 0;
  private start = 0;
  private line = 1;
  private startLine = 1;
  private parenDepth = 0;
  private state: State = "text";
  private readonly queue: Item[] = [];

  constructor(private readonly input: string) {}

  nextItem(): Item {
    while (this.queue.length === 0) {
      if (this.state === "done") return { type: "eof", pos: this.pos, val: "", line: this.line };
      this.step();
    }
    return this.queue.shift() as Item;
  }

  private emit(type: ItemType): void {
    this.queue.push({ type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine });
    this.start = this.pos;
    this.startLine = this.line;
  }

  private ignore(): void {
    this.line += count(this.input.slice(this.start, this.pos), "\n");
    this.start = this.pos;
    this.startLine = this.line;
  }

  private error(message: string): void {
    this.queue.push({ type: "error", pos: this.start, val: message, line: this.startLine });
    this.state = "done";
  }

  private next(): string | undefined {
    const ch = this.input[this.pos];
    if (ch !== undefined) {
      this.pos++;
      if (ch === "\n") this.line++;
    }
    return ch;
  }

  private backup(): void {
    this.pos--;
    if (this.input[this.pos] === "\n") this.line--;
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }

  private step(): void {
    if (this.state === "text") this.lexText();
    else if (this.state === "leftDelim") this.lexLeftDelim();
    else this.lexInsideAction();
  }

  private lexText(): void {
    const x = this.input.indexOf("{{", this.pos);
    if (x < 0) {
      this.pos = this.input.length;
      if (this.pos > this.start) {
        this.line += count(this.input.slice(this.start, this.pos), "\n");
        this.emit("text");
      }
      this.emit("eof");
      this.state = "done";
      return;
    }
    this.pos = x;
    let trim = 0;
    if (hasLeftTrim(this.input, x + 2)) {
      const before = this.input.slice(this.start, x);
      trim = before.length - before.replace(/[ \t\r\n]+$/, "").length;
    }
    this.pos -= trim;
    if (this.pos > this.start) {
      this.line += count(this.input.slice(this.start, this.pos), "\n");
      this.emit("text");
    }
    this.pos += trim;
    this.ignore();
    this.state = "leftDelim";
  }

  private atRightDelim(): { delim: boolean; trim: boolean } {
    if (hasRightTrim(this.input, this.pos) && this.input.startsWith("}}", this.pos + 2)) return { delim: true, trim: true };
    return { delim: this.input.startsWith("}}", this.pos), trim: false };
  }

  private lexLeftDelim(): void {
    this.pos += 2;
    const trim = hasLeftTrim(this.input, this.pos);
    const after = trim ? 2 : 0;
    if (this.input.startsWith("/*", this.pos + after)) {
      this.pos += after;
      this.ignore();
      this.lexComment();
      return;
    }
    this.emit("leftDelim");
    this.pos += after;
    this.ignore();
    this.parenDepth = 0;
    this.state = "inside";
  }

  private lexComment(): void {
    this.pos += 2;
    const end = this.input.indexOf("*/", this.pos);
    if (end < 0) return this.error("unclosed comment");
    this.pos = end + 2;
    const { delim, trim } = this.atRightDelim();
    if (!delim) return this.error("comment ends before closing delimiter");
    this.pos += (trim ? 2 : 0) + 2;
    if (trim) this.skipLeadingSpace();
    this.ignore();
    this.state = "text";
  }

  private skipLeadingSpace(): void {
    while (isSpace(this.input[this.pos])) this.pos++;
  }

  private lexRightDelim(trim: boolean): void {
    if (trim) {
      this.pos += 2;
      this.ignore();
    }
    this.pos += 2;
    this.emit("rightDelim");
    if (trim) {
      this.skipLeadingSpace();
      this.ignore();
    }
    this.state = "text";
  }

  private lexInsideAction(): void {
    const { delim, trim } = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return this.lexRightDelim(trim);
      return this.error("unclosed left paren");
    }
    const r = this.next();
    if (r === undefined) return this.error("unclosed action");
    if (isSpace(r)) {
      this.backup();
      return this.lexSpace();
    }
    switch (r) {
      case "=": return this.emit("assign");
      case ":":
        if (this.next() !== "=") return this.error("expected :=");
        return this.emit("declare");
      case "|": return this.emit("pipe");
      case '"': return this.lexQuote();
      case "`": return this.lexRawQuote();
      case "$": return this.lexVariable();
      case "'": return this.lexChar();
      case "(":
        this.emit("leftParen");
        this.parenDepth++;
        return;
      case ")":
        this.emit("rightParen");
        this.parenDepth--;
        if (this.parenDepth < 0) this.error(`unexpected right paren ${runeName(r)}`);
        return;
    }
    if (r === ".") {
      const c = this.peek();
      // Go only looks ahead when there is input left; a final "." is scanned as a number.
      if (c !== undefined && (c < "0" || c > "9")) return this.lexFieldOrVariable("field");
    }
    if (r === "." || r === "+" || r === "-" || (r >= "0" && r <= "9")) {
      this.backup();
      return this.lexNumber();
    }
    if (isAlphaNumeric(r)) {
      this.backup();
      return this.lexIdentifier();
    }
    const cp = r.codePointAt(0) ?? 0;
    if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) return this.emit("char");
    // Astral characters arrive as two UTF-16 units; report the whole rune like Go.
    const full = String.fromCodePoint(this.input.codePointAt(this.pos - 1) ?? cp);
    return this.error(`unrecognized character in action: ${runeName(full)}`);
  }

  private lexSpace(): void {
    let spaces = 0;
    while (isSpace(this.peek())) {
      this.next();
      spaces++;
    }
    // " -}}" is a trim-marked delimiter, not a space followed by a minus.
    if (hasRightTrim(this.input, this.pos - 1) && this.input.startsWith("}}", this.pos + 1)) {
      this.backup();
      if (spaces === 1) return this.lexRightDelim(true);
    }
    this.emit("space");
  }

  private atTerminator(): boolean {
    const r = this.peek();
    if (r === undefined || isSpace(r)) return true;
    if (".,|:)(".includes(r)) return true;
    return this.input.startsWith("}}", this.pos);
  }

  private lexIdentifier(): void {
    while (isAlphaNumeric(this.peek())) this.next();
    const word = this.input.slice(this.start, this.pos);
    if (!this.atTerminator()) return this.badCharacter();
    const keyword = KEYWORDS[word];
    if (keyword !== undefined) this.emit(keyword);
    else if (word === "true" || word === "false") this.emit("bool");
    else this.emit("identifier");
  }

  private lexVariable(): void {
    if (this.atTerminator()) return this.emit("variable");
    this.lexFieldOrVariable("variable");
  }

  private lexFieldOrVariable(type: "field" | "variable"): void {
    if (this.atTerminator()) return this.emit(type === "variable" ? "variable" : "dot");
    while (isAlphaNumeric(this.peek())) this.next();
    if (!this.atTerminator()) return this.badCharacter();
    this.emit(type);
  }

  private badCharacter(): void {
    const cp = this.input.codePointAt(this.pos) ?? 0;
    this.error(`bad character ${runeName(String.fromCodePoint(cp))}`);
  }

  private lexChar(): void {
    for (;;) {
      const r = this.next();
      if (r === "\\") {
        const e = this.next();
        if (e !== undefined && e !== "\n") continue;
      }
      if (r === undefined || r === "\n" || r === "\\") return this.error("unterminated character constant");
      if (r === "'") break;
    }
    this.emit("charConstant");
  }

  private scanNumber(): boolean {
    const m = NUMBER.exec(this.input.slice(this.pos));
    this.pos += m?.[0].length ?? 0;
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  private lexNumber(): void {
    const bad = (): void => this.error(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    if (!this.scanNumber()) return bad();
    if (this.peek() === "+" || this.peek() === "-") {
      // Go reads "1+2i" as a complex constant; nobody formats docker output with those.
      if (!this.scanNumber() || this.input[this.pos - 1] !== "i") return bad();
      return this.error(`complex constants are not supported: ${goQuote(this.input.slice(this.start, this.pos))}`);
    }
    this.emit("number");
  }

  private lexQuote(): void {
    for (;;) {
      const r = this.next();
      if (r === "\\") {
        const e = this.next();
        if (e !== undefined && e !== "\n") continue;
        return this.error("unterminated quoted string");
      }
      if (r === undefined || r === "\n") return this.error("unterminated quoted string");
      if (r === '"') break;
    }
    this.emit("string");
  }

  private lexRawQuote(): void {
    const end = this.input.indexOf("`", this.pos);
    if (end < 0) {
      this.pos = this.input.length;
      return this.error("unterminated raw quoted string");
    }
    this.line += count(this.input.slice(this.pos, end), "\n");
    this.pos = end + 1;
    this.emit("rawString");
  }
}
