// time.ParseDuration: "1m30s", "1.5h", "300ms", for HEALTHCHECK's --interval and friends and
// for the durations --since/--until take (system/go-timestamp.ts). Nanoseconds, with Go's
// overflow rules and error texts.

const units: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  "\u00b5s": 1000n,
  "\u03bcs": 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const maxInt64Plus1 = 1n << 63n;

/** time's own quote(): ASCII as is, anything else as \x bytes of its UTF-8. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of utf8(ch)) out += `\\x${byte.toString(16).padStart(2, "0")}`;
    } else {
      out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}

function utf8(ch: string): number[] {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Parses a Go duration into nanoseconds; throws Error("time: invalid duration \"x\"")... */
export function parseGoDuration(orig: string): number {
  const invalid = (): Error => new Error(`time: invalid duration ${timeQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s.startsWith("-");
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") throw invalid();
  let total = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) throw invalid();
    let i = 0;
    let whole = 0n;
    while (isDigit(s[i])) {
      if (whole > maxInt64Plus1 / 10n) throw invalid();
      whole = whole * 10n + BigInt(Number(s[i]));
      if (whole > maxInt64Plus1) throw invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let post = false;
    let fraction = 0n;
    let scale = 1;
    if (s.startsWith(".")) {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit(s[j])) {
        // Like leadingFraction: digits past int64 precision are read but no longer count.
        if (!overflow) {
          if (fraction > (maxInt64Plus1 - 1n) / 10n) overflow = true;
          else {
            const next = fraction * 10n + BigInt(Number(s[j]));
            if (next > maxInt64Plus1) overflow = true;
            else {
              fraction = next;
              scale *= 10;
            }
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let k = 0;
    while (k < s.length && !(s[k] === "." || isDigit(s[k]))) k++;
    if (k === 0) throw new Error(`time: missing unit in duration ${timeQuote(orig)}`);
    const unitName = s.slice(0, k);
    s = s.slice(k);
    const unit = units[unitName];
    if (unit === undefined) throw new Error(`time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(orig)}`);
    if (whole > maxInt64Plus1 / unit) throw invalid();
    let v = whole * unit;
    if (fraction > 0n) {
      // Go does this part in float64.
      v += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (v > maxInt64Plus1) throw invalid();
    }
    total += v;
    if (total > maxInt64Plus1) throw invalid();
  }
  if (neg) return -Number(total);
  if (total > maxInt64Plus1 - 1n) throw invalid();
  return Number(total);
}
