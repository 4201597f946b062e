// The Options block of a help page, laid out as pflag's FlagUsagesWrapped lays it out (pflag
// 1.0.6, the version docker 28.2.2 vendors): flags sorted by name, the left column padded to the
// widest flag, descriptions wrapped to the terminal with pflag's own rules and quirks.
import { flagTypeName, type FlagSpec } from "../flags/flag-spec.js";

/** The flags help shows, in pflag's order (byte order of the long names). */
export function visibleFlags(flags: readonly FlagSpec[]): FlagSpec[] {
  return flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function leftColumn(flag: FlagSpec): string {
  const names = flag.short ? `  -${flag.short}, --${flag.name}` : `      --${flag.name}`;
  const type = flagTypeName(flag);
  return type ? `${names} ${type}` : names;
}

/** The description as pflag prints it: the usage, then the default unless it is the zero value. */
function describe(flag: FlagSpec): string {
  return flag.defaultText ? `${flag.usage} (default ${flag.defaultText})` : flag.usage;
}

/**
 * The flag table, one flag per line plus wrapped continuation lines, each ending in "\n".
 * `cols` is what docker passes: the terminal's width minus one.
 */
export function flagUsagesWrapped(flags: readonly FlagSpec[], cols: number): string {
  const visible = visibleFlags(flags);
  const lefts = visible.map(leftColumn);
  // pflag measures each left column with a marker byte appended, hence the +1 here and the
  // "deliberate off-by-one" (its words) when the padding is computed below.
  const maxlen = Math.max(0, ...lefts.map((l) => l.length + 1));
  return visible
    .map((flag, i) => {
      const left = lefts[i] ?? "";
      // Go's Println puts a space between its three operands.
      return `${left} ${" ".repeat(maxlen - left.length)} ${wrap(maxlen + 2, cols, describe(flag))}\n`;
    })
    .join("");
}

/** pflag's wrapN: splits s at the last blank before i, unless s fits within i + slop. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ""];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\t"), head.lastIndexOf("\n"));
  if (w <= 0) return [s, ""];
  const nl = head.lastIndexOf("\n");
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: s wrapped into columns i..w, continuation lines indented by i. */
export function wrap(indent: number, w: number, s: string): string {
  let i = indent;
  if (w === 0) return s.replaceAll("\n", `\n${" ".repeat(i)}`);
  let width = w - i;
  let r = "";
  // Too narrow: the whole description moves to the next line, indented by 16.
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${" ".repeat(i)}`;
  }
  if (width < 24) return s.replaceAll("\n", r);
  // Leave room so that a short last word can stay on its line instead of being orphaned.
  const slop = 5;
  width -= slop;
  const pad = `\n${" ".repeat(i)}`;
  let [line, rest] = wrapN(width, slop, s);
  r += line.replaceAll("\n", pad);
  while (rest !== "") {
    [line, rest] = wrapN(width, slop, rest);
    r += pad + line.replaceAll("\n", pad);
  }
  return r;
}
