// How many terminal columns text occupies, as xterm.js lays it out: East Asian wide characters
// and most emoji take two cells, combining marks and joiners take none, escape sequences none.

const zeroWidth: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200f],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xe0100, 0xe01ef],
];

const doubleWidth: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x23e9, 0x23ec],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x26a1, 0x26a1],
  [0x26bd, 0x26be],
  [0x26f5, 0x26f5],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x274c, 0x274c],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) {
    if (cp < lo) return false;
    if (cp <= hi) return true;
  }
  return false;
}

/** Columns taken by one code point: 0, 1 or 2. */
export function codePointWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp === 0x200d || inRanges(cp, zeroWidth)) return 0;
  return inRanges(cp, doubleWidth) ? 2 : 1;
}

/**
 * Splits text into cells the cursor moves over: a base character with any zero-width marks
 * that follow it, so Left never stops between an "e" and its accent.
 */
export function splitCells(text: string): string[] {
  const cells: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const last = cells.length - 1;
    if (last >= 0 && codePointWidth(cp) === 0 && cp >= 0x20) cells[last] += ch;
    else cells.push(ch);
  }
  return cells;
}

/** Width of one cell: the width of its base character. */
export function cellWidth(cell: string): number {
  return codePointWidth(cell.codePointAt(0) ?? 0);
}

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-byte escapes (ESC x).
// eslint-disable-next-line no-control-regex
const escapes = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[^[\]]/g;

/** Visible width of text that may carry colour escapes, like a coloured prompt. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(escapes, "")) width += codePointWidth(ch.codePointAt(0) ?? 0);
  return width;
}
