// buildkit's parser.Parse: the Dockerfile text to a list of instruction nodes. Parser directives
// (`# escape=`), comments, blank lines, continuation lines and heredoc bodies are dealt with
// here; what each instruction's arguments mean is decided later (instruction-parsers.ts).

import { trimGoSpaceLeft } from "./go-text";
import { heredocsFromLine } from "./heredoc";
import {
  type LineNode,
  type ParsedArgs,
  parseHealthConfig,
  parseMaybeJSON,
  parseMaybeJSONToList,
  parseNameOrNameVal,
  parseNameVal,
  parseString,
  parseStringsWhitespaceDelimited,
  splitCommand,
} from "./line-parsers";

export interface LineParseResult {
  nodes: LineNode[];
  escape: string;
  warnings: string[];
}

type ArgParser = (rest: string, escape: string) => ParsedArgs;

const dispatch: Record<string, ArgParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, escape) => parseNameVal(rest, "ENV", escape),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: (rest, escape) => parseNameVal(rest, "LABEL", escape),
  maintainer: parseString,
  onbuild: (rest, escape) => parseSubCommand(rest, escape),
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

const heredocKeywords = new Set(["add", "copy", "run"]);

// Go's \s in the directive pattern is ASCII only, without \v.
const directivePattern = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;
const knownDirectives = new Set(["syntax", "escape", "check"]);

/** Parser directives are honoured only on the first lines, before any other line. */
class Directives {
  escape = "\\";
  private done = false;
  private readonly seen = new Set<string>();

  /** true when the line was a directive. */
  read(line: string): boolean {
    if (this.done) return false;
    const match = directivePattern.exec(line);
    const key = match?.[1]?.toLowerCase();
    if (!match || key === undefined || !knownDirectives.has(key)) {
      this.done = true;
      return false;
    }
    if (this.seen.has(key)) throw new Error(`only one ${key} parser directive can be used`);
    this.seen.add(key);
    if (key === "escape") {
      const value = match[2] ?? "";
      if (value !== "`" && value !== "\\") {
        throw new Error(`invalid escape token '${value}' does not match \` or \\`);
      }
      this.escape = value;
    }
    return true;
  }

  /**
   * Strips a trailing escape token (and blanks after it) that continues the line; an escaped
   * escape token ("\\\\" at the end) does not continue it.
   */
  continuation(line: string): { text: string; ends: boolean } {
    const e = this.escape === "`" ? "`" : "\\\\";
    const match = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`).exec(line);
    if (!match) return { text: line, ends: true };
    return { text: line.slice(0, match.index) + (match[1] ?? ""), ends: false };
  }
}

function parseSubCommand(rest: string, escape: string): ParsedArgs {
  if (rest === "") return { args: [], json: false };
  const sub = newNodeFromLine(rest, escape);
  return { args: [sub.value, ...sub.args], json: false, sub };
}

function newNodeFromLine(line: string, escape: string): LineNode {
  const { cmd, flags, rest } = splitCommand(line, escape);
  const parse = dispatch[cmd.toLowerCase()];
  // Unknown keywords pass here; the instruction parser names them.
  const parsed = parse ? parse(rest, escape) : { args: [""], json: false };
  return { value: cmd, original: line, flags, heredocs: [], startLine: 0, endLine: 0, ...parsed };
}

function canContainHeredoc(node: LineNode): boolean {
  const target = node.value.toLowerCase() === "onbuild" && node.sub ? node.sub : node;
  return heredocKeywords.has(target.value.toLowerCase()) && !target.json;
}

const maxLineBytes = 64 * 1024;

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * bufio.Scanner with buildkit's scanLines: each line keeps its "\n". The scanner stops at the
 * first line that does not fit its 64 KiB buffer; `tooLong` says it did.
 */
function scanLines(text: string): { lines: string[]; tooLong: boolean } {
  const lines = text.split(/(?<=\n)/);
  if (lines[lines.length - 1] === "") lines.pop();
  const over = lines.findIndex((l) => {
    const n = utf8Length(l);
    return n > maxLineBytes || (n === maxLineBytes && !l.endsWith("\n"));
  });
  return over < 0 ? { lines, tooLong: false } : { lines: lines.slice(0, over), tooLong: true };
}

const trimNewline = (s: string): string => s.replace(/[\r\n]+$/, "");
const isComment = (line: string): boolean => trimGoSpaceLeft(line).startsWith("#");
const isBlank = (line: string): boolean => trimGoSpaceLeft(trimNewline(line)) === "";

export class LineError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseLines(text: string): LineParseResult {
  const d = new Directives();
  const { lines, tooLong } = scanLines(text);
  const nodes: LineNode[] = [];
  const warnings: string[] = [];
  let current = 0;
  let i = 0;
  const fail = (err: unknown, line: number): never => {
    throw new LineError(err instanceof Error ? err.message : String(err), line);
  };
  // processLine: directives are looked for on every line; comments become empty lines.
  const processLine = (raw: string, stripLeft: boolean): string => {
    let token = trimNewline(raw);
    if (stripLeft) token = trimGoSpaceLeft(token);
    try {
      d.read(token);
    } catch (err) {
      fail(err, current);
    }
    return isComment(token) ? "" : token;
  };

  while (i < lines.length) {
    let raw = lines[i++] ?? "";
    if (current === 0 && raw.startsWith("\ufeff")) raw = raw.slice(1);
    const first = processLine(raw, true);
    current++;
    const startLine = current;
    let { text, ends } = d.continuation(first);
    if (ends && text === "") continue;
    let line = text;
    let emptyContinuation = false;
    while (!ends && i < lines.length) {
      const next = lines[i++] ?? "";
      const processed = processLine(next, false);
      current++;
      if (isComment(next)) continue;
      if (isBlank(processed)) {
        emptyContinuation = true;
        continue;
      }
      ({ text, ends } = d.continuation(processed));
      line += text;
    }
    if (emptyContinuation) warnings.push(`Empty continuation line found in: ${line}`);

    let node: LineNode;
    try {
      node = newNodeFromLine(line, d.escape);
    } catch (err) {
      return fail(err, startLine);
    }
    if (canContainHeredoc(node) && line.includes("<<")) {
      let docs;
      try {
        docs = heredocsFromLine(line);
      } catch (err) {
        return fail(err, startLine);
      }
      for (const doc of docs) {
        let terminated = false;
        while (i < lines.length) {
          const body = lines[i++] ?? "";
          current++;
          let candidate = trimNewline(body);
          if (doc.chomp) candidate = candidate.replace(/^\t+/, "");
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          doc.content += body;
        }
        if (!terminated) fail(new Error("unterminated heredoc"), startLine);
        node.heredocs.push(doc);
      }
    }
    node.startLine = startLine;
    node.endLine = current;
    nodes.push(node);
  }
  if (nodes.length === 0) fail(new Error("file with no instructions"), current);
  if (tooLong) fail(new Error(`dockerfile line greater than max allowed size of ${maxLineBytes - 1}`), current);
  return { nodes, escape: d.escape, warnings };
}

