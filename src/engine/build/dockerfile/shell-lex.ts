// buildkit's shell.Lex: the small shell-word language Dockerfile instructions are expanded with.
// Quotes are removed, `$VAR`, `${VAR}` and the modifiers `:-` `-` `:+` `+` `:?` `?` `#` `##`
// `%` `%%` `/` `//` are substituted, the escape token escapes. Words are split on whitespace
// only after substitution (ProcessWords), and quoted text is never split.

import { goQuote, isGoSpace } from "./go-text";
import { replacePattern, trimPrefix, trimSuffix } from "./shell-pattern";

export interface LexOptions {
  /** Keep the quote characters in the result (the heredoc detector compares both forms). */
  rawQuotes?: boolean;
  /** Keep escape tokens in the result. */
  rawEscapes?: boolean;
  /** Leave `$UNSET` as written instead of substituting "". */
  skipUnsetEnv?: boolean;
  /** Treat quotes as ordinary characters. */
  skipProcessQuotes?: boolean;
}

export type EnvLookup = (name: string) => string | undefined;

const EOF = "";

class Scanner {
  private pos = 0;
  private readonly chars: string[];

  constructor(text: string) {
    this.chars = Array.from(text);
  }

  peek(): string {
    return this.chars[this.pos] ?? EOF;
  }

  next(): string {
    const ch = this.chars[this.pos] ?? EOF;
    if (ch !== EOF) this.pos++;
    return ch;
  }
}

/** Collects whitespace-separated words; quoted and escaped characters never split. */
class Words {
  words: string[] = [];
  inWord = false;

  // The buffer is shared by every nested processStopOn of one word, as in buildkit, where a
  // `${X:-...}` inside a word resets the text gathered before it (visible only in words mode).
  constructor(readonly buf: { text: string }) {}

  addChar(ch: string): void {
    if (isGoSpace(ch)) {
      if (this.inWord && this.buf.text !== "") {
        this.words.push(this.buf.text);
        this.buf.text = "";
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }

  addRawChar(ch: string): void {
    this.buf.text += ch;
    this.inWord = true;
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }

  addRawString(s: string): void {
    this.buf.text += s;
    this.inWord = true;
  }

  take(): string[] {
    if (this.buf.text !== "") {
      this.words.push(this.buf.text);
      this.buf.text = "";
      this.inWord = false;
    }
    return this.words;
  }
}

const isSpecialParam = (ch: string): boolean => "@*#?-$!0".includes(ch) && ch !== EOF;
const isDigit = (ch: string): boolean => /^\p{Nd}$/u.test(ch);
const isLetter = (ch: string): boolean => /^\p{L}$/u.test(ch);

export class ShellLex {
  private scanner = new Scanner("");
  private rawEscapes = false;
  private readonly wordsBuffer = { text: "" };
  private env: EnvLookup = () => undefined;

  constructor(
    private readonly escapeToken: string,
    private readonly options: LexOptions = {},
  ) {}

  /** ProcessWord: the whole word, substituted, quotes and escapes removed. */
  processWord(word: string, env: EnvLookup): string {
    return this.process(word, env).result;
  }

  /** ProcessWords: the word substituted, then split on unquoted whitespace. */
  processWords(word: string, env: EnvLookup): string[] {
    return this.process(word, env).words;
  }

  private process(word: string, env: EnvLookup): { result: string; words: string[] } {
    this.scanner = new Scanner(word);
    this.env = env;
    this.rawEscapes = this.options.rawEscapes ?? false;
    try {
      return this.processStopOn(EOF, this.rawEscapes);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(`failed to process ${goQuote(word)}: ${why}`);
    }
  }

  private processStopOn(stopChar: string, rawEscapes: boolean): { result: string; words: string[] } {
    let result = "";
    this.wordsBuffer.text = "";
    const words = new Words(this.wordsBuffer);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.scanner.peek() !== EOF) {
        const ch = this.scanner.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.scanner.next();
          return { result, words: words.take() };
        }
        const special = this.special(ch);
        if (special) {
          const text = special();
          result += text;
          if (ch === "$") words.addString(text);
          else words.addRawString(text);
          continue;
        }
        let c = this.scanner.next();
        if (c === this.escapeToken) {
          if (this.rawEscapes) {
            words.addRawChar(c);
            result += c;
          }
          c = this.scanner.next();
          if (c === EOF) break;
          words.addRawChar(c);
        } else {
          words.addChar(c);
        }
        result += c;
      }
      if (stopChar !== EOF) throw new Error(`unexpected end of statement while looking for matching ${stopChar}`);
      return { result, words: words.take() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private special(ch: string): (() => string) | undefined {
    if (ch === "$") return () => this.processDollar();
    if (ch === "<") return () => this.processPossibleHeredoc();
    if (this.options.skipProcessQuotes) return undefined;
    if (ch === "'") return () => this.processSingleQuote();
    if (ch === '"') return () => this.processDoubleQuote();
    return undefined;
  }

  private processSingleQuote(): string {
    // Everything up to the next ' is literal; a single quote cannot be escaped inside.
    let result = "";
    const open = this.scanner.next();
    if (this.options.rawQuotes) result += open;
    for (;;) {
      const ch = this.scanner.next();
      if (ch === EOF) throw new Error("unexpected end of statement while looking for matching single-quote");
      if (ch === "'") {
        if (this.options.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    // Literal except $ substitutions; the escape token only escapes " $ and itself.
    let result = "";
    const open = this.scanner.next();
    if (this.options.rawQuotes) result += open;
    for (;;) {
      const peek = this.scanner.peek();
      if (peek === EOF) throw new Error("unexpected end of statement while looking for matching double-quote");
      if (peek === '"') {
        const close = this.scanner.next();
        if (this.options.rawQuotes) result += close;
        return result;
      }
      if (peek === "$") {
        result += this.processDollar();
        continue;
      }
      let ch = this.scanner.next();
      if (ch === this.escapeToken) {
        if (this.rawEscapes) result += ch;
        const after = this.scanner.peek();
        if (after === EOF) continue;
        if (after === '"' || after === "$" || after === this.escapeToken) ch = this.scanner.next();
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.scanner.next();
    if (this.scanner.peek() !== "{") {
      const name = this.processName();
      if (name === "") return "$";
      const value = this.env(name);
      if (value === undefined && this.options.skipUnsetEnv) return `$${name}`;
      return value ?? "";
    }
    this.scanner.next();
    const first = this.scanner.peek();
    if (first === EOF) throw new Error("syntax error: missing '}'");
    if (first === "{" || first === "}" || first === ":") throw new Error("syntax error: bad substitution");
    const name = this.processName();
    let ch = this.scanner.next();
    // Go prints the EOF rune as U+FFFD in "unsupported modifier (...)".
    let modifier = ch === EOF ? "\ufffd" : ch;
    if (ch === "}") {
      const value = this.env(name);
      if (value === undefined && this.options.skipUnsetEnv) return `\${${name}}`;
      return value ?? "";
    }
    if (ch === "/") return this.processReplace(name);
    let nullIsUnset = false;
    if (ch === ":") {
      nullIsUnset = true;
      ch = this.scanner.next();
      modifier += ch === EOF ? "\ufffd" : ch;
    } else if (!"+-?#%".includes(ch) || ch === EOF) {
      throw new Error(`unsupported modifier (${modifier}) in substitution`);
    }
    const trims = ch === "#" || ch === "%";
    if (nullIsUnset && trims) throw new Error(`unsupported modifier (${modifier}) in substitution`);
    let word: string;
    try {
      word = this.processStopOn("}", trims).result;
    } catch (err) {
      if (this.scanner.peek() === EOF) throw new Error("syntax error: missing '}'");
      throw err;
    }
    const value = this.env(name);
    const set = value !== undefined;
    if (this.options.skipUnsetEnv && !set) return `\${${name}${modifier}${word}}`;
    const empty = !set || (nullIsUnset && value === "");
    switch (ch) {
      case "-":
        return empty ? word : value ?? "";
      case "+":
        return empty ? "" : word;
      case "?":
        if (!set) throw new Error(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
        if (nullIsUnset && value === "") throw new Error(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
        return value ?? "";
      case "%":
      case "#": {
        // One # or % takes the shortest match, a doubled one the longest.
        const greedy = word.startsWith(ch);
        const pattern = greedy ? word.slice(1) : word;
        return ch === "%" ? trimSuffix(pattern, value ?? "", greedy) : trimPrefix(pattern, value ?? "", greedy);
      }
      default:
        throw new Error(`unsupported modifier (${modifier}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const all = this.scanner.peek() === "/";
    if (all) this.scanner.next();
    let pattern: string;
    try {
      pattern = this.processStopOn("/", true).result;
    } catch (err) {
      if (this.scanner.peek() === EOF) throw new Error("syntax error: missing '/' in ${}");
      throw err;
    }
    let replacement: string;
    try {
      replacement = this.processStopOn("}", true).result;
    } catch (err) {
      if (this.scanner.peek() === EOF) throw new Error("syntax error: missing '}'");
      throw err;
    }
    const value = this.env(name);
    if (value === undefined && this.options.skipUnsetEnv) return `\${${name}/${pattern}/${replacement}}`;
    return replacePattern(value ?? "", pattern, replacement, all);
  }

  private processName(): string {
    // A name is letters, digits and _; a leading digit run or one special parameter stands alone.
    let name = "";
    while (this.scanner.peek() !== EOF) {
      const ch = this.scanner.peek();
      if (name === "" && isDigit(ch)) {
        while (this.scanner.peek() !== EOF && isDigit(this.scanner.peek())) name += this.scanner.next();
        return name;
      }
      if (name === "" && isSpecialParam(ch)) return this.scanner.next();
      if (!isLetter(ch) && !isDigit(ch) && ch !== "_") break;
      name += this.scanner.next();
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    // "<<" and the blanks after it stay together, so "<< EOF" is one word for the heredoc finder.
    this.scanner.next();
    if (this.scanner.peek() !== "<") return "<";
    this.scanner.next();
    let space = "";
    while (["\t", "\r", " "].includes(this.scanner.peek())) space += this.scanner.next();
    return `<<${space}`;
  }
}
