// A deliberately small reading of a command line: it recognises only one simple command whose
// words are literal text (plain, 'single', "double" quoted, backslash-escaped). Anything a shell
// would expand or connect — $, `, globs, ~, braces, pipes, redirections, ;, &&, comments,
// assignments — makes it give up and leave the line to the real interpreter. It lets
// `docker logs -f web` run straight on the terminal before just-bash has even been loaded.

const unquotedSpecial = /[|&;<>()$`*?[\]{}~\n\r]/;
const assignment = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** The argv of a single literal simple command, or undefined when the line needs a shell. */
export function literalCommand(line: string): string[] | undefined {
  const argv: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? "";
    if (ch === " " || ch === "\t") {
      if (word !== undefined) argv.push(word);
      word = undefined;
      i++;
      continue;
    }
    if (word === undefined && (ch === "#" || ch === "!")) return undefined;
    if (word === undefined && argv.length === 0 && assignment.test(line.slice(i))) return undefined;
    if (unquotedSpecial.test(ch)) return undefined;
    if (ch === "\\") {
      const next = line[i + 1];
      if (next === undefined || next === "\n") return undefined;
      word = (word ?? "") + next;
      i += 2;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = (word ?? "") + line.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      const quoted = readDoubleQuoted(line, i + 1);
      if (!quoted) return undefined;
      word = (word ?? "") + quoted.text;
      i = quoted.end;
    } else {
      word = (word ?? "") + ch;
      i++;
    }
  }
  if (word !== undefined) argv.push(word);
  return argv.length > 0 ? argv : undefined;
}

function readDoubleQuoted(line: string, start: number): { text: string; end: number } | undefined {
  let text = "";
  let i = start;
  while (i < line.length) {
    const ch = line[i] ?? "";
    if (ch === '"') return { text, end: i + 1 };
    if (ch === "$" || ch === "`" || ch === "\n") return undefined;
    if (ch === "\\") {
      const next = line[i + 1];
      if (next === undefined || next === "\n") return undefined;
      // Inside double quotes a backslash only escapes $ ` " and itself.
      text += next === "$" || next === "`" || next === '"' || next === "\\" ? next : ch + next;
      i += 2;
      continue;
    }
    text += ch;
    i++;
  }
  return undefined;
}
