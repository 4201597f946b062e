// docker/cli's fork of Go's text/tabwriter (cli/command/formatter/tabwriter): the same elastic
// tabstop algorithm, with cell widths measured by go-runewidth so CJK and emoji align.
//
// Cells are tab-terminated: the text after the last tab of a line is not part of any column
// and is never padded. A column block is a run of consecutive lines that all have a terminated
// cell in that column; its width is max(minwidth, widest cell + padding).
import { stringWidth } from "./width.js";

export interface TabWriterOptions {
  minwidth?: number;
  tabwidth?: number;
  padding?: number;
  padchar?: string;
  alignRight?: boolean;
  discardEmptyColumns?: boolean;
}

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

/** The parameters every docker table uses: NewWriter(out, 10, 1, 3, ' ', 0). */
export const DOCKER_TABLE: Required<TabWriterOptions> = {
  minwidth: 10,
  tabwidth: 1,
  padding: 3,
  padchar: " ",
  alignRight: false,
  discardEmptyColumns: false,
};

export class TabWriter {
  private readonly opts: Required<TabWriterOptions>;
  private lines: Cell[][] = [[]];
  private cell = "";
  private out = "";
  private widths: number[] = [];

  constructor(options: TabWriterOptions = {}) {
    this.opts = { ...DOCKER_TABLE, ...options };
    // Go ignores AlignRight when padding with tabs.
    if (this.opts.padchar === "\t") this.opts.alignRight = false;
  }

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== "\t" && ch !== "\v" && ch !== "\n" && ch !== "\f") continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === "\t");
      if (ch === "\n" || ch === "\f") {
        this.lines.push([]);
        // A line with a single cell cannot continue any column, so everything so far is final.
        if (ch === "\f" || ncells === 1) this.flushLines();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats whatever is buffered and returns all output produced since the last flush. */
  flush(): string {
    if (this.cell.length > 0) this.terminateCell(false);
    this.flushLines();
    const out = this.out;
    this.out = "";
    return out;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    if (line === undefined) return 0;
    line.push({ text: this.cell, width: stringWidth(this.cell), htab });
    this.cell = "";
    return line.length;
  }

  private flushLines(): void {
    this.format(0, this.lines.length);
    // The partial cell still being written belongs to the new first line.
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= (this.lines[current]?.length ?? 0) - 1) continue;
      // current starts a block for this column: print the lines above it with the widths so far.
      this.writeLines(line0, current);
      line0 = current;
      let width = this.opts.minwidth;
      let discardable = true;
      for (; current < line1; current++) {
        const line = this.lines[current] ?? [];
        if (column >= line.length - 1) break;
        const c = line[column];
        if (c === undefined) break;
        width = Math.max(width, c.width + this.opts.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.opts.discardEmptyColumns) width = 0;
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] ?? [];
      line.forEach((c, j) => {
        const cellw = this.widths[j];
        if (cellw === undefined) this.out += c.text;
        else if (this.opts.alignRight && c.text.length > 0) this.out += this.padding(c.width, cellw) + c.text;
        else this.out += c.text + this.padding(c.width, cellw);
      });
      // The last buffered line is the one still open: it has no newline yet.
      if (i + 1 < this.lines.length) this.out += "\n";
    }
  }

  private padding(textw: number, cellw: number): string {
    const { padchar, tabwidth } = this.opts;
    if (padchar === "\t") {
      if (tabwidth === 0) return "";
      const rounded = Math.ceil(cellw / tabwidth) * tabwidth;
      return "\t".repeat(Math.ceil((rounded - textw) / tabwidth));
    }
    return padchar.repeat(Math.max(cellw - textw, 0));
  }
}

/** Aligns a whole tab-separated text with docker's table settings (or the given ones). */
export function tabwrite(text: string, options?: TabWriterOptions): string {
  const writer = new TabWriter(options);
  writer.write(text);
  return writer.flush();
}
