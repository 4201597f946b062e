// psql's output formats: the aligned table (centred headers, numbers on the right, "(N rows)"
// and a blank line after), unaligned (-A, fields joined by "|"), tuples only (-t), and the error
// report with its "LINE n:" context and the caret under the offending token.
import type { ResultSet } from "./sql-engine.js";

export interface TableOptions {
  title?: string | undefined;
  footer?: string | undefined;
  tuplesOnly: boolean;
  unaligned: boolean;
}

function centre(text: string, width: number): string {
  const room = width - text.length;
  const left = Math.floor(room / 2);
  return " ".repeat(left) + text + " ".repeat(room - left);
}

const rowCount = (n: number) => `(${n} ${n === 1 ? "row" : "rows"})\n`;

export function formatTable(set: ResultSet, o: TableOptions): string {
  const cell = (value: string | null) => value ?? "";
  if (o.unaligned) {
    let out = o.tuplesOnly ? "" : `${o.title ? `${o.title}\n` : ""}${set.columns.map((c) => c.name).join("|")}\n`;
    out += set.rows.map((row) => `${row.map(cell).join("|")}\n`).join("");
    if (!o.tuplesOnly) out += rowCount(set.rows.length);
    return out;
  }
  const widths = set.columns.map((c, i) => Math.max(o.tuplesOnly ? 0 : c.name.length, ...set.rows.map((row) => cell(row[i] ?? null).length)));
  let out = "";
  if (!o.tuplesOnly) {
    const total = widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1) + 2;
    if (o.title) out += `${" ".repeat(Math.max(0, Math.floor((total - o.title.length) / 2)))}${o.title}\n`;
    out += ` ${set.columns.map((c, i) => centre(c.name, widths[i] ?? 0)).join(" | ")} \n`;
    out += `${widths.map((w) => "-".repeat(w + 2)).join("+")}\n`;
  }
  const last = set.columns.length - 1;
  for (const row of set.rows) {
    const cells = set.columns.map((c, i) => {
      const text = cell(row[i] ?? null);
      const width = widths[i] ?? 0;
      if (c.numeric) return text.padStart(width);
      return i === last ? text : text.padEnd(width);
    });
    out += ` ${cells.join(" | ")}\n`;
  }
  if (!o.tuplesOnly) out += `${o.footer ?? rowCount(set.rows.length)}`;
  return `${out}\n`;
}

/** "ERROR:  …", then LINE n: with a caret under `at`, then DETAIL. */
export function formatError(message: string, statement: string, at: number | undefined, detail: string | undefined, prefix = ""): string {
  let out = `${prefix}ERROR:  ${message}\n`;
  if (at !== undefined) {
    const before = statement.slice(0, at);
    const lineNo = before.split("\n").length;
    const lineStart = before.lastIndexOf("\n") + 1;
    const lineEnd = statement.indexOf("\n", lineStart);
    const line = statement.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const label = `LINE ${lineNo}: `;
    out += `${label}${line}\n${" ".repeat(label.length + at - lineStart)}^\n`;
  }
  if (detail) out += `DETAIL:  ${detail}\n`;
  return out;
}
