// buildkit's parser/line_parsers.go and split_command.go: how one logical line becomes a keyword,
// its --flags and its argument words. Each instruction has its own argument grammar (JSON or
// shell form, key=value pairs, whitespace-separated words, one raw string). Words keep their
// quotes and escapes here; expansion removes them when the instruction runs.

import { goQuote, isGoSpace, trimGoSpace, trimGoSpaceLeft } from "./go-text";

/** What the parser makes of a line's arguments (buildkit's Node.Next chain, flattened). */
export interface ParsedArgs {
  args: string[];
  /** The arguments were a JSON array (exec form). */
  json: boolean;
  /** ONBUILD's trigger, parsed as a line of its own. */
  sub?: LineNode;
}

export interface Heredoc {
  name: string;
  fileDescriptor: number;
  expand: boolean;
  chomp: boolean;
  content: string;
}

/** One instruction as the line parser hands it on (buildkit's *parser.Node). */
export interface LineNode extends ParsedArgs {
  /** The keyword as written ("run", "RUN"). */
  value: string;
  /** The logical line: continuation lines joined, escape tokens and comments removed. */
  original: string;
  flags: string[];
  heredocs: Heredoc[];
  startLine: number;
  endLine: number;
}

/** Go's regexp `[\t\v\f\r ]+`, the separator between plain words. */
export const whitespaceRun = /[\t\v\f\r ]+/;

const none: ParsedArgs = { args: [], json: false };

export function splitWhitespace(s: string, limit?: number): string[] {
  if (limit === 2) {
    const m = whitespaceRun.exec(s);
    return m ? [s.slice(0, m.index), s.slice(m.index + m[0].length)] : [s];
  }
  return s.split(new RegExp(whitespaceRun.source));
}

/** splitCommand: the keyword, the leading --flags, and the rest of the line. */
export function splitCommand(line: string, escape: string): { cmd: string; flags: string[]; rest: string } {
  const parts = splitWhitespace(trimGoSpace(line), 2);
  const cmd = parts[0] ?? "";
  if (parts.length < 2) return { cmd, flags: [], rest: "" };
  const { rest, flags } = extractBuilderFlags(parts[1] ?? "", escape);
  return { cmd, flags, rest: trimGoSpace(rest) };
}

/** The leading words that start with "--", unquoted; a bare "--" ends them. */
function extractBuilderFlags(line: string, escape: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let phase: "spaces" | "word" | "quote" = "spaces";
  let word = "";
  let quote = "";
  let blankOk = false;
  for (let pos = 0; pos <= line.length; pos++) {
    const atEnd = pos === line.length;
    let ch = atEnd ? "" : line.charAt(pos);
    if (phase === "spaces") {
      if (atEnd) break;
      if (isGoSpace(ch)) continue;
      if (ch !== "-" || line.charAt(pos + 1) !== "-") return { rest: line.slice(pos), flags };
      phase = "word";
    }
    if (atEnd) {
      if (word !== "--" && (blankOk || word !== "")) flags.push(word);
      break;
    }
    if (phase === "word") {
      if (isGoSpace(ch)) {
        phase = "spaces";
        if (word === "--") return { rest: line.slice(pos), flags };
        if (blankOk || word !== "") flags.push(word);
        word = "";
        blankOk = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = "quote";
        continue;
      }
      if (ch === escape) {
        if (pos + 1 === line.length) continue;
        ch = line.charAt(++pos);
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = "word";
      continue;
    }
    if (ch === escape) {
      if (pos + 1 === line.length) {
        phase = "word";
        continue;
      }
      ch = line.charAt(++pos);
    }
    word += ch;
  }
  return { rest: "", flags };
}

/**
 * Words separated by whitespace, quotes and escapes kept in the word (ENV, LABEL, ARG).
 * Inside '...' the escape token is literal, as in the shell.
 */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  const chars = Array.from(rest);
  let phase: "spaces" | "word" | "quote" = "spaces";
  let quote = "";
  let blankOk = false;
  let word = "";
  for (let i = 0; i <= chars.length; i++) {
    const atEnd = i === chars.length;
    let ch = chars[i] ?? "";
    if (phase === "spaces") {
      if (atEnd) break;
      if (isGoSpace(ch)) continue;
      phase = "word";
    }
    if (atEnd) {
      if (blankOk || word !== "") words.push(word);
      break;
    }
    if (phase === "word") {
      if (isGoSpace(ch)) {
        phase = "spaces";
        if (blankOk || word !== "") words.push(word);
        word = "";
        blankOk = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = "quote";
      }
      if (ch === escape) {
        if (i + 1 === chars.length) continue;
        // An escaped character, even a quote, goes into the word with its escape.
        word += ch;
        ch = chars[++i] ?? "";
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = "word";
    if (ch === escape && quote !== "'") {
      if (i + 1 === chars.length) {
        phase = "word";
        continue;
      }
      word += ch;
      ch = chars[++i] ?? "";
    }
    word += ch;
  }
  return words;
}

/** ENV and LABEL: `KEY=value ...` or the legacy `KEY value with spaces`; args come in threes. */
export function parseNameVal(rest: string, keyword: string, escape: string): ParsedArgs {
  const words = parseWords(rest, escape);
  const first = words[0];
  if (first === undefined) return none;
  if (!first.includes("=")) {
    const parts = splitWhitespace(rest, 2);
    if (parts.length < 2) throw new Error(`${keyword} must have two arguments`);
    return { args: [parts[0] ?? "", parts[1] ?? "", ""], json: false };
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf("=");
    if (eq < 0) {
      throw new Error(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    }
    args.push(word.slice(0, eq), word.slice(eq + 1), "=");
  }
  return { args, json: false };
}

/** ARG: each word is `name` or `name=value`, split later. */
export function parseNameOrNameVal(rest: string, escape: string): ParsedArgs {
  return { args: parseWords(rest, escape), json: false };
}

/** FROM, EXPOSE and the non-JSON ADD/COPY/VOLUME: plain whitespace-separated words. */
export function parseStringsWhitespaceDelimited(rest: string): ParsedArgs {
  if (rest === "") return none;
  return { args: splitWhitespace(rest), json: false };
}

/** MAINTAINER, USER, WORKDIR, STOPSIGNAL: the rest of the line as one argument. */
export function parseString(rest: string): ParsedArgs {
  return rest === "" ? none : { args: [rest], json: false };
}

const notStringArray = "when using JSON array syntax, arrays must be comprised of strings only";

/** A JSON array of strings, undefined when the text is not JSON; throws on `[1, 2]`. */
function parseJSON(rest: string): ParsedArgs | undefined {
  const text = trimGoSpaceLeft(rest);
  if (!text.startsWith("[")) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const args: string[] = [];
  for (const item of parsed as unknown[]) {
    if (typeof item !== "string") throw new Error(notStringArray);
    args.push(item);
  }
  return { args, json: true };
}

/** CMD, ENTRYPOINT, RUN, SHELL: a JSON array (exec form) or the raw text (shell form). */
export function parseMaybeJSON(rest: string): ParsedArgs {
  if (rest === "") return none;
  return parseJSON(rest) ?? { args: [rest], json: false };
}

/** ADD, COPY, VOLUME: a JSON array or whitespace-separated words. */
export function parseMaybeJSONToList(rest: string): ParsedArgs {
  return parseJSON(rest) ?? parseStringsWhitespaceDelimited(rest);
}

/** HEALTHCHECK: a type word (CMD, NONE), then a command in either form. */
export function parseHealthConfig(rest: string): ParsedArgs {
  let sep = 0;
  while (sep < rest.length && !isGoSpace(rest.charAt(sep))) sep++;
  let next = sep;
  while (next < rest.length && isGoSpace(rest.charAt(next))) next++;
  if (sep === 0) return none;
  const cmd = parseMaybeJSON(rest.slice(next));
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
}
