// tui.Output.PrintNote (internal/tui/note.go): a blank line, an "Info" header, then the text,
// later lines indented under the first. On a terminal the header is coloured and the text
// italic; through a pipe both are plain.

const plainHeader = " Info -> ";
const fancyHeader = "\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m";
/** Both headers are nine columns wide. */
const headerWidth = 9;

export function note(text: string, isTerminal: boolean): string {
  let out = `\n${isTerminal ? fancyHeader : plainHeader}`;
  text.split("\n").forEach((line, i) => {
    if (i > 0) out += " ".repeat(headerWidth);
    out += `${isTerminal ? `\x1b[3m${line}\x1b[0m` : line}\n`;
  });
  return out;
}
