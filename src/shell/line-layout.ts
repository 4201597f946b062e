// Where each character of the input line sits on screen once the terminal wraps it, and the
// escape sequences that move the cursor between two such places. Rows count from the row the
// prompt starts on.

import { cellWidth } from "./text-width.js";

export interface ScreenPos {
  row: number;
  col: number;
}

/**
 * Position after the first `count` cells, for a prompt `promptWidth` columns wide. A character
 * that would overflow the row goes to the next one, as xterm.js does for wide characters; a
 * position exactly at the right margin is reported as column 0 of the next row.
 */
export function cellPosition(
  cells: readonly string[],
  count: number,
  promptWidth: number,
  cols: number,
): ScreenPos {
  let row = Math.floor(promptWidth / cols);
  let col = promptWidth % cols;
  for (let k = 0; k < count; k++) {
    const width = cellWidth(cells[k] ?? "");
    if (col + width > cols) {
      row++;
      col = 0;
    }
    col += width;
    if (col >= cols) {
      row++;
      col = 0;
    }
  }
  return { row, col };
}

export function comparePos(a: ScreenPos, b: ScreenPos): number {
  return a.row - b.row || a.col - b.col;
}

/** Relative cursor motion from one position to another: vertical first, then horizontal. */
export function moveCursor(from: ScreenPos, to: ScreenPos): string {
  let out = "";
  if (to.row < from.row) out += csi(from.row - to.row, "A");
  else if (to.row > from.row) out += csi(to.row - from.row, "B");
  if (to.col === from.col) return out;
  if (to.col === 0) return out + "\r";
  if (to.col === from.col - 1) return out + "\b";
  return out + (to.col > from.col ? csi(to.col - from.col, "C") : csi(from.col - to.col, "D"));
}

function csi(count: number, final: string): string {
  return count === 1 ? `\x1b[${final}` : `\x1b[${count}${final}`;
}
