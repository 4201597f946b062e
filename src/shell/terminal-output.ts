// What the pty adds between a program's output and the screen: ONLCR (each \n becomes \r\n)
// and the prompt, coloured like Debian's default bash prompt.

import { home, hostname, user } from "./builtins.js";

export function onlcr(text: string): string {
  // Output from a container's own terminal (docker run -it) already ends lines with "\r\n":
  // the local terminal is in raw mode then, so nothing more is added.
  return text.replace(/\r?\n/g, "\r\n");
}

/** user@host:path$ with ~ for the home directory, green and blue as Debian's bashrc has it. */
export function renderPrompt(cwd: string): string {
  let shown = cwd;
  if (cwd === home) shown = "~";
  else if (cwd.startsWith(`${home}/`)) shown = `~${cwd.slice(home.length)}`;
  return `\x1b[01;32m${user}@${hostname}\x1b[00m:\x1b[01;34m${shown}\x1b[00m$ `;
}

/**
 * Whether the cursor is at column 0 after `data`, so a prompt can follow without a newline.
 * Trailing colour, erase and mode sequences do not move the cursor sideways; a cursor
 * position sequence (as in `clear`) puts it at a known column.
 */
export function endsAtLineStart(data: string, before: boolean): boolean {
  let text = data;
  for (;;) {
    // eslint-disable-next-line no-control-regex
    const match = /\x1b\[([0-9;?]*)([A-Za-z])$/.exec(text);
    if (!match) break;
    const [, params = "", final = ""] = match;
    if (final === "H" || final === "f") return Number(params.split(";")[1] || "1") <= 1;
    if (final === "G") return Number(params || "1") <= 1;
    if (!"mJKhlAB".includes(final)) return false;
    text = text.slice(0, match.index);
  }
  if (text === "") return before;
  return text.endsWith("\n") || text.endsWith("\r");
}
