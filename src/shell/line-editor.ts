// The line discipline of our pseudo-terminal, readline-style: it keeps the line being typed and
// the cursor, and answers every keystroke with the exact bytes that bring the screen up to date,
// including lines that wrap past the terminal's width. Pure: bytes in, bytes and events out.

import { commonPrefix, formatColumns, type Completer, type Completion } from "./completion.js";
import { History, historyLimit } from "./history.js";
import { decodeKey, type Key } from "./key-decoder.js";
import { cellPosition, comparePos, moveCursor, type ScreenPos } from "./line-layout.js";
import { splitCells, visibleWidth } from "./text-width.js";

export interface LineEditorOptions {
  cols: number;
  history?: readonly string[];
  historyLimit?: number;
  complete?: Completer;
}

export type LineEvent =
  | { type: "line"; line: string; historyChanged: boolean }
  /** Ctrl-D on an empty line. */
  | { type: "eof" };

export interface FeedResult {
  /** Bytes for the terminal. */
  output: string;
  /** Set when a key ended the feed (Enter, Ctrl-D); the bytes after it are in `rest`. */
  event?: LineEvent;
  /**
   * Set when Tab needs an answer that is not there yet (the daemon's containers, say): the feed
   * stopped at the Tab. Hand the answer to finishCompletion(), then feed `rest`.
   */
  completion?: Promise<Completion | undefined>;
  rest: string;
}

interface PendingCompletion {
  promise: Promise<Completion | undefined>;
  line: string;
  cursor: number;
  /** The key before this Tab: a second Tab in a row lists the choices. */
  previousKey: Key["name"] | undefined;
}

const clearScreen = "\x1b[H\x1b[2J";
const wordChar = /[\p{L}\p{N}]/u;

export class LineEditor {
  private cells: string[] = [];
  private cursorCell = 0;
  private prompt = "";
  private promptWidth = 0;
  private cols: number;
  private readonly past: History;
  private historyIndex: number;
  private draft: string[] = [];
  private killed = "";
  private pending = "";
  private lastKey: Key["name"] | undefined;
  private readonly complete: Completer | undefined;
  private pendingCompletion: PendingCompletion | undefined;

  constructor(options: LineEditorOptions) {
    this.cols = Math.max(1, options.cols);
    this.past = new History(options.history, options.historyLimit ?? historyLimit);
    this.historyIndex = this.past.length;
    this.complete = options.complete;
  }

  get line(): string {
    return this.cells.join("");
  }

  /** Cursor as an offset into `line`. */
  get cursor(): number {
    return this.cells.slice(0, this.cursorCell).join("").length;
  }

  get history(): readonly string[] {
    return this.past.entries;
  }

  setHistory(entries: readonly string[]): void {
    this.past.clear();
    for (const entry of entries) this.past.add(entry);
    this.historyIndex = this.past.length;
  }

  clearHistory(): void {
    this.setHistory([]);
  }

  setColumns(cols: number): void {
    // xterm.js reflows soft-wrapped rows on resize and keeps the cursor on its character,
    // so the new width is all the layout needs.
    this.cols = Math.max(1, cols);
  }

  /** Starts a fresh, empty line after `prompt`; returns the bytes that show the prompt. */
  begin(prompt: string): string {
    this.prompt = prompt;
    this.promptWidth = visibleWidth(prompt);
    this.cells = [];
    this.cursorCell = 0;
    this.historyIndex = this.past.length;
    this.draft = [];
    this.lastKey = undefined;
    return this.showPrompt();
  }

  /** Processes keystrokes up to the first one that ends the line. */
  feed(data: string): FeedResult {
    const input = this.pending + data;
    this.pending = "";
    let output = "";
    let i = 0;
    while (i < input.length) {
      const decoded = decodeKey(input, i);
      if (!decoded) {
        this.pending = input.slice(i);
        break;
      }
      i = decoded.next;
      const { key } = decoded;
      if (key.name === "enter") {
        const submitted = this.submit();
        return { output: output + submitted.output, event: submitted.event, rest: input.slice(i) };
      }
      if (key.name === "eof" && this.cells.length === 0) {
        return { output, event: { type: "eof" }, rest: input.slice(i) };
      }
      output += this.apply(key);
      this.lastKey = key.name;
      if (this.pendingCompletion) return { output, completion: this.pendingCompletion.promise, rest: input.slice(i) };
    }
    return { output, rest: "" };
  }

  /** Applies the answer to the Tab that stopped the last feed; returns the bytes to show. */
  finishCompletion(result: Completion | undefined): string {
    const pending = this.pendingCompletion;
    this.pendingCompletion = undefined;
    // Only a line left as it was when Tab was pressed (the session holds keys back meanwhile).
    if (!pending || pending.line !== this.line || pending.cursor !== this.cursor) return "";
    const output = this.applyCompletion(result, pending.previousKey);
    this.lastKey = "tab";
    return output;
  }

  /** Replaces the whole line, cursor at its end, as if it had been typed. */
  replaceLine(text: string): string {
    this.historyIndex = this.past.length;
    const printable = [...text].filter((ch) => ch >= " " && ch !== "\x7f").join("");
    const cells = splitCells(printable);
    return this.update(cells, cells.length);
  }

  /** Enter: the line is done; the editor is empty until the next begin(). */
  submit(): { output: string; event: LineEvent } {
    const output = this.moveTo(this.cells.length) + "\r\n";
    const line = this.line;
    const historyChanged = this.past.add(line);
    this.cells = [];
    this.cursorCell = 0;
    this.historyIndex = this.past.length;
    return { output, event: { type: "line", line, historyChanged } };
  }

  private apply(key: Key): string {
    const cells = this.cells;
    const at = this.cursorCell;
    switch (key.name) {
      case "text":
        return this.insert(key.text);
      case "left":
        return this.moveTo(Math.max(0, at - 1));
      case "right":
        return this.moveTo(Math.min(cells.length, at + 1));
      case "home":
        return this.moveTo(0);
      case "end":
        return this.moveTo(cells.length);
      case "word-left":
        return this.moveTo(this.wordStart(at));
      case "word-right":
        return this.moveTo(this.wordEnd(at));
      case "backspace":
        return at === 0 ? "" : this.update([...cells.slice(0, at - 1), ...cells.slice(at)], at - 1);
      case "delete":
      case "eof":
        return at === cells.length ? "" : this.update([...cells.slice(0, at), ...cells.slice(at + 1)], at);
      case "kill-line-start":
        return this.kill(0, at);
      case "kill-line-end":
        return this.kill(at, cells.length);
      case "kill-word-back": {
        // Ctrl-W is unix-word-rubout: words end at whitespace, not at punctuation.
        let start = at;
        while (start > 0 && /\s/.test(cells[start - 1] ?? "")) start--;
        while (start > 0 && !/\s/.test(cells[start - 1] ?? "")) start--;
        return this.kill(start, at);
      }
      case "kill-word-forward":
        return this.kill(at, this.wordEnd(at));
      case "yank":
        return this.insert(this.killed);
      case "clear-screen":
        return clearScreen + this.redraw();
      case "interrupt":
        return this.moveTo(cells.length) + "^C\r\n" + this.begin(this.prompt);
      case "up":
        return this.historyStep(-1);
      case "down":
        return this.historyStep(1);
      case "tab":
        return this.completeWord();
      case "enter":
      case "ignore":
        return "";
    }
  }

  private insert(text: string): string {
    const added = splitCells(text);
    const at = this.cursorCell;
    return this.update([...this.cells.slice(0, at), ...added, ...this.cells.slice(at)], at + added.length);
  }

  private kill(start: number, end: number): string {
    if (start === end) return "";
    this.killed = this.cells.slice(start, end).join("");
    return this.update([...this.cells.slice(0, start), ...this.cells.slice(end)], start);
  }

  private wordStart(at: number): number {
    let i = at;
    while (i > 0 && !wordChar.test(this.cells[i - 1] ?? "")) i--;
    while (i > 0 && wordChar.test(this.cells[i - 1] ?? "")) i--;
    return i;
  }

  private wordEnd(at: number): number {
    let i = at;
    while (i < this.cells.length && !wordChar.test(this.cells[i] ?? "")) i++;
    while (i < this.cells.length && wordChar.test(this.cells[i] ?? "")) i++;
    return i;
  }

  private historyStep(delta: -1 | 1): string {
    const target = this.historyIndex + delta;
    if (target < 0 || target > this.past.length) return "";
    if (this.historyIndex === this.past.length) this.draft = this.cells;
    this.historyIndex = target;
    const next = target === this.past.length ? this.draft : splitCells(this.past.at(target) ?? "");
    return this.update(next, next.length);
  }

  private completeWord(): string {
    const cursor = this.cursor;
    const result = this.complete?.(this.line, cursor);
    if (result instanceof Promise) {
      this.pendingCompletion = { promise: result, line: this.line, cursor, previousKey: this.lastKey };
      return "";
    }
    return this.applyCompletion(result, this.lastKey);
  }

  private applyCompletion(result: Completion | undefined, previousKey: Key["name"] | undefined): string {
    if (!result || result.candidates.length === 0) return "";
    const word = this.line.slice(result.start, this.cursor);
    const prefix = commonPrefix(result.candidates);
    if (result.candidates.length === 1) return this.replaceWord(word, prefix.endsWith("/") || result.noSpace ? prefix : `${prefix} `);
    if (prefix.length > word.length) return this.replaceWord(word, prefix);
    // Like readline: a second Tab with nothing left to add lists the choices.
    if (previousKey !== "tab") return "";
    const labels = result.filenames ? result.candidates.map((c) => c.slice(c.lastIndexOf("/", c.length - 2) + 1)) : result.candidates;
    return this.moveTo(this.cells.length) + "\r\n" + formatColumns(labels, this.cols) + this.redraw();
  }

  private replaceWord(word: string, replacement: string): string {
    const start = this.cursorCell - splitCells(word).length;
    const added = splitCells(replacement);
    const next = [...this.cells.slice(0, start), ...added, ...this.cells.slice(this.cursorCell)];
    return this.update(next, start + added.length);
  }

  private showPrompt(): string {
    // A prompt that ends exactly at the margin leaves xterm's cursor waiting to wrap.
    const wraps = this.promptWidth > 0 && this.promptWidth % this.cols === 0;
    return this.prompt + (wraps ? " \r" : "");
  }

  /** Prompt and line again from scratch, assuming the cursor is where the prompt goes. */
  private redraw(): string {
    const cells = this.cells;
    const cursor = this.cursorCell;
    this.cells = [];
    this.cursorCell = 0;
    return this.showPrompt() + this.update(cells, cursor);
  }

  private pos(cells: readonly string[], count: number): ScreenPos {
    return cellPosition(cells, count, this.promptWidth, this.cols);
  }

  private moveTo(index: number): string {
    const out = moveCursor(this.pos(this.cells, this.cursorCell), this.pos(this.cells, index));
    this.cursorCell = index;
    return out;
  }

  /**
   * Redraws from the first changed cell: rewrite the tail, erase what the old line left
   * beyond the new end, put the cursor back.
   */
  private update(next: string[], nextCursor: number): string {
    const old = this.cells;
    let from = 0;
    while (from < old.length && from < next.length && old[from] === next[from]) from++;
    let out = moveCursor(this.pos(old, this.cursorCell), this.pos(old, from));
    const tail = next.slice(from).join("");
    out += tail;
    const end = this.pos(next, next.length);
    // Text that ends exactly at the margin leaves the cursor pending a wrap; a space and CR
    // complete the wrap (keeping the row soft-wrapped for reflow) and land on column 0.
    if (tail !== "" && end.col === 0) out += " \r";
    const oldEnd = this.pos(old, old.length);
    if (comparePos(end, oldEnd) < 0) out += end.row === oldEnd.row ? "\x1b[K" : "\x1b[J";
    out += moveCursor(end, this.pos(next, nextCursor));
    this.cells = next;
    this.cursorCell = nextCursor;
    return out;
  }
}
