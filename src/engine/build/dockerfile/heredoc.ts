// Heredocs (`RUN <<EOF` ... `EOF`). The parser of Engine 28.2 always recognises them in
// RUN, ADD and COPY (and ONBUILD of those) in shell form: the body lines are consumed and kept
// apart from the instruction's text. The legacy builder then ignores the bodies, so
// `RUN <<EOF` runs the bare `<<EOF` and `COPY <<EOF /x` has no source path.

import type { Heredoc } from "./line-parsers";
import { ShellLex } from "./shell-lex";

const heredocWord = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
const noEnv = (): undefined => undefined;

/** parser.ParseHeredoc: the heredoc a word such as `<<EOF`, `<<-"END"` or `3<<X` opens. */
export function parseHeredoc(word: string): Heredoc | undefined {
  const match = heredocWord.exec(word);
  if (!match) return undefined;
  const rest = match[3] ?? "";
  if (rest === "") return undefined;
  // Lexed with and without quotes: if any part of the name was quoted, the body is not expanded.
  const words = new ShellLex("\\", { skipUnsetEnv: true }).processWords(rest, noEnv);
  if (words.length !== 1) return undefined;
  const raw = new ShellLex("\\", { skipUnsetEnv: true, rawQuotes: true }).processWords(rest, noEnv);
  if (raw.length !== words.length) {
    throw new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const name = words[0] ?? "";
  const quotes = (s: string): number => s.split("'").length + s.split('"').length - 2;
  return {
    name,
    fileDescriptor: match[1] ? Number(match[1]) : 0,
    expand: quotes(name) === quotes(raw[0] ?? ""),
    chomp: match[2] === "-",
    content: "",
  };
}

/** Every heredoc a line opens, in order. */
export function heredocsFromLine(line: string): Heredoc[] {
  let words: string[];
  try {
    words = new ShellLex("\\", { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).processWords(line, noEnv);
  } catch {
    words = [];
  }
  const docs: Heredoc[] = [];
  for (const word of words) {
    const doc = parseHeredoc(word);
    if (doc) docs.push(doc);
  }
  return docs;
}

/** `<<-`: leading tabs are removed from every line of the body. */
export function chompHeredocContent(content: string): string {
  return content.replace(/^\t+/gm, "");
}

/** parser.MustParseHeredoc: parseHeredoc with its errors ignored. */
export function mustParseHeredoc(word: string): Heredoc | undefined {
  try {
    return parseHeredoc(word);
  } catch {
    return undefined;
  }
}
