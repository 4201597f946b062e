// The few Go standard-library behaviours the Dockerfile front end leans on, so its error texts
// and whitespace rules come out as the daemon's do: unicode.IsSpace, strings.TrimSpace,
// strconv.Quote (the `%q` verb) and strconv.ParseInt.

const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** unicode.IsSpace: JS's \s also counts U+FEFF, Go does not. */
export function isGoSpace(ch: string): boolean {
  return goSpace.test(ch);
}

export function trimGoSpace(s: string): string {
  return trimGoSpaceRight(trimGoSpaceLeft(s));
}

export function trimGoSpaceLeft(s: string): string {
  let i = 0;
  while (i < s.length && isGoSpace(s.charAt(i))) i++;
  return s.slice(i);
}

export function trimGoSpaceRight(s: string): string {
  let end = s.length;
  while (end > 0 && isGoSpace(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const shortEscapes: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

/** strconv.Quote: what Go's `%q` and `%#v` print for a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = shortEscapes[ch];
    if (short !== undefined) {
      out += short;
      continue;
    }
    if (printable.test(ch)) {
      out += ch;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** strconv.ParseInt(s, 10, 32), throwing Go's *NumError text. */
export function parseGoInt32(s: string): number {
  const fail = (why: string): Error => new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  if (!/^[+-]?[0-9]+$/.test(s)) throw fail("invalid syntax");
  const n = Number(s);
  if (n > 2147483647 || n < -2147483648) throw fail("value out of range");
  return n;
}
