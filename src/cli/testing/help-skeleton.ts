// The structure of a help page with its description text taken out: what must be identical
// between docker's help and ours (usage lines, aliases, headings, flag names, types, defaults,
// column positions, command names and their padding), while the descriptions are our own.

const heading = /^[A-Z][A-Za-z ]*:$/;
const flagLine = /^( {2}-\S, --\S+(?: \S+)?| {6}--\S+(?: \S+)?)( +)(.*)$/;
const commandLine = /^ {2}(\S+)( +)(\S.*)$/;
// What pflag appends: " (default X)" with X a Go value, not prose like "(default shows just running)".
const defaultSuffix = /\(default ("[^"]*"|-?\d[\w.]*|true|false|\[[^\]]*\]|map\[[^\]]*\])\)$/;

export interface FlagEntry {
  left: string;
  /** Column where the description starts (16 when pflag moved it to the next line). */
  column: number;
  /** The description's lines, as printed. */
  lines: string[];
}

/** Splits an Options block into flag entries (a flag line and its continuation lines). */
export function flagEntries(block: readonly string[]): FlagEntry[] {
  const entries: FlagEntry[] = [];
  for (const line of block) {
    const match = flagLine.exec(line);
    if (match) {
      const [, left = "", pad = "", text = ""] = match;
      entries.push({ left, column: text === "" ? -1 : left.length + pad.length, lines: text === "" ? [] : [text] });
      continue;
    }
    const entry = entries.at(-1);
    if (!entry) throw new Error(`not a flag line: ${JSON.stringify(line)}`);
    if (entry.column < 0) entry.column = line.length - line.trimStart().length;
    entry.lines.push(line.trim());
  }
  return entries;
}

/** The entry's description joined back into one line (wrapping only ever breaks at a blank). */
export function joinedText(entry: FlagEntry): string {
  return entry.lines.join(" ");
}

function flagSkeleton(entry: FlagEntry): string {
  const found = defaultSuffix.exec(joinedText(entry));
  return `${entry.left} @${entry.column} <description>${found ? ` (default ${found[1]})` : ""}`;
}

export function skeleton(text: string): string[] {
  const lines = text.split("\n");
  const out: string[] = [];
  let i = 0;
  const take = (until: (line: string) => boolean): string[] => {
    const block: string[] = [];
    while (i < lines.length && !until(lines[i] ?? "")) block.push(lines[i++] ?? "");
    return block;
  };
  const endOfSection = (line: string) => line === "" || heading.test(line);
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.startsWith("Usage:  ")) {
      out.push(line);
      i++;
      out.push(...take((l) => !l.startsWith("\t")));
      if (lines[i] !== "") continue;
      out.push("");
      i++;
      // The description: everything up to the next heading or "Run '...'" line.
      const block = take((l) => heading.test(l) || l.startsWith("Run '"));
      let blanks = 0;
      while (block.length > blanks && block[block.length - 1 - blanks] === "") blanks++;
      if (block.length > blanks) out.push("<description>");
      for (let b = 0; b < blanks; b++) out.push("");
      continue;
    }
    if (line === "Options:" || line === "Global Options:") {
      out.push(line);
      i++;
      out.push(...flagEntries(take(endOfSection)).map(flagSkeleton));
      continue;
    }
    if (heading.test(line) && line !== "Aliases:") {
      out.push(line);
      i++;
      for (const row of take(endOfSection)) {
        const match = commandLine.exec(row);
        out.push(match ? `  ${match[1]}${match[2]}<description>` : row);
      }
      continue;
    }
    out.push(line);
    i++;
  }
  return out;
}
