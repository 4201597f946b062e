// Turns the bytes xterm.js sends for keystrokes into editing keys. One key per call, so the
// line editor can stop right after Enter and hand the rest of a paste back as type-ahead.

export type EditKey =
  | "enter"
  | "backspace"
  | "delete"
  | "left"
  | "right"
  | "up"
  | "down"
  | "home"
  | "end"
  | "word-left"
  | "word-right"
  | "kill-line-start"
  | "kill-line-end"
  | "kill-word-back"
  | "kill-word-forward"
  | "yank"
  | "clear-screen"
  | "interrupt"
  | "eof"
  | "tab"
  | "ignore";

export type Key = { name: "text"; text: string } | { name: EditKey };

export interface DecodedKey {
  key: Key;
  /** Index just past the key's bytes. */
  next: number;
}

const controls: Readonly<Record<string, EditKey>> = {
  "\x01": "home",
  "\x02": "left",
  "\x03": "interrupt",
  "\x04": "eof",
  "\x05": "end",
  "\x06": "right",
  "\x08": "backspace",
  "\x09": "tab",
  "\x0a": "enter",
  "\x0b": "kill-line-end",
  "\x0c": "clear-screen",
  "\x0d": "enter",
  "\x0e": "down",
  "\x10": "up",
  "\x15": "kill-line-start",
  "\x17": "kill-word-back",
  "\x19": "yank",
  "\x7f": "backspace",
};

// CSI and SS3 bodies (what follows ESC [ or ESC O), covering xterm's normal and application
// cursor modes and the vt220 editing keypad.
const sequences: Readonly<Record<string, EditKey>> = {
  A: "up",
  B: "down",
  C: "right",
  D: "left",
  H: "home",
  F: "end",
  "1~": "home",
  "7~": "home",
  "4~": "end",
  "8~": "end",
  "3~": "delete",
  "1;5C": "word-right",
  "1;3C": "word-right",
  "1;5D": "word-left",
  "1;3D": "word-left",
  "3;5~": "kill-word-forward",
};

// Alt+key arrives as ESC followed by the key (xterm.js's default "meta sends escape").
const altKeys: Readonly<Record<string, EditKey>> = {
  b: "word-left",
  f: "word-right",
  d: "kill-word-forward",
  "\x7f": "kill-word-back",
  "\x08": "kill-word-back",
};

function isPrintable(cp: number): boolean {
  return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
}

/** Decodes the key starting at data[i]; undefined when data ends inside an escape sequence. */
export function decodeKey(data: string, i: number): DecodedKey | undefined {
  const ch = data[i] ?? "";
  if (ch === "\x1b") return decodeEscape(data, i);
  if (isPrintable(ch.codePointAt(0) ?? 0)) {
    let end = i;
    while (end < data.length) {
      const cp = data.codePointAt(end) ?? 0;
      if (!isPrintable(cp)) break;
      end += cp > 0xffff ? 2 : 1;
    }
    return { key: { name: "text", text: data.slice(i, end) }, next: end };
  }
  // CR LF from a pasted Windows text is one line end, not two.
  if (ch === "\r" && data[i + 1] === "\n") return { key: { name: "enter" }, next: i + 2 };
  return { key: { name: controls[ch] ?? "ignore" }, next: i + 1 };
}

function decodeEscape(data: string, i: number): DecodedKey | undefined {
  const kind = data[i + 1];
  if (kind === undefined) return undefined;
  if (kind === "[" || kind === "O") {
    let end = i + 2;
    // Parameter and intermediate bytes, then one final byte.
    while (end < data.length && /[0-?]/.test(data[end] ?? "")) end++;
    while (end < data.length && /[ -/]/.test(data[end] ?? "")) end++;
    if (end >= data.length) return undefined;
    const body = data.slice(i + 2, end + 1);
    return { key: { name: sequences[body] ?? "ignore" }, next: end + 1 };
  }
  return { key: { name: altKeys[kind] ?? "ignore" }, next: i + 2 };
}
