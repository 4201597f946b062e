// Go's strconv float formatting (%e, %f, %g with or without precision). JavaScript's toFixed and
// toPrecision round exact ties upwards; Go rounds the exact binary value half-to-even, so
// 1000.5 with %.4g is "1000" in Go. Digits here are therefore derived from the exact decimal
// expansion of the double.

/** value = 0.d1d2d3... × 10^dp, digits without leading or trailing zeros ("" for zero). */
interface Decimal {
  digits: string;
  dp: number;
}

function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: "", dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp = biased - 1075;
  if (biased === 0) exp = -1074;
  else mant |= 1n << 52n;
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  return trim({ digits, dp });
}

function trim(d: Decimal): Decimal {
  let end = d.digits.length;
  while (end > 0 && d.digits[end - 1] === "0") end--;
  return { digits: d.digits.slice(0, end), dp: end === 0 ? 0 : d.dp };
}

/** Shortest digits that round-trip, which is what Go's precision -1 produces. */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { digits: "", dp: 0 };
  const [mantissa = "", exponent = "0"] = x.toExponential().split("e");
  return trim({ digits: mantissa.replace(".", ""), dp: Number(exponent) + 1 });
}

/** Keeps nd significant digits, rounding half to even on the exact value. */
function roundTo(d: Decimal, nd: number): Decimal {
  if (nd >= d.digits.length) return d;
  if (nd < 0) return { digits: "", dp: 0 };
  const next = d.digits[nd] ?? "0";
  const exactHalf = next === "5" && nd + 1 === d.digits.length;
  const prevOdd = nd > 0 && Number(d.digits[nd - 1]) % 2 === 1;
  const up = next > "5" || (next === "5" && (!exactHalf || prevOdd));
  if (!up) return trim({ digits: d.digits.slice(0, nd), dp: d.dp });
  const kept = d.digits.slice(0, nd).split("").map(Number);
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === 9) kept[i--] = 0;
  if (i < 0) return { digits: "1", dp: d.dp + 1 };
  kept[i] = (kept[i] ?? 0) + 1;
  return trim({ digits: kept.join(""), dp: d.dp });
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.digits.length ? (d.digits[i] ?? "0") : "0";
}

function fmtE(d: Decimal, prec: number, e: string): string {
  let out = d.digits.length === 0 ? "0" : digitAt(d, 0);
  if (prec > 0) {
    out += ".";
    for (let i = 1; i <= prec; i++) out += digitAt(d, i);
  }
  const exp = d.digits.length === 0 ? 0 : d.dp - 1;
  const abs = Math.abs(exp);
  return `${out}${e}${exp < 0 ? "-" : "+"}${abs < 10 ? "0" : ""}${abs}`;
}

function fmtF(d: Decimal, prec: number): string {
  let out = "";
  if (d.dp > 0) for (let i = 0; i < d.dp; i++) out += digitAt(d, i);
  else out = "0";
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) out += digitAt(d, d.dp + i);
  }
  return out;
}

export type FloatVerb = "e" | "E" | "f" | "F" | "g" | "G";

/** strconv.FormatFloat(x, verb, prec, 64); prec -1 means the shortest round-trip form. */
export function formatFloat(x: number, verb: FloatVerb, prec: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  const neg = x < 0 || Object.is(x, -0);
  const body = formatAbs(Math.abs(x), verb, prec);
  return neg ? `-${body}` : body;
}

function formatAbs(x: number, verb: FloatVerb, prec: number): string {
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) d = shortestDecimal(x);
  else if (verb === "e" || verb === "E") d = roundTo(exactDecimal(x), prec + 1);
  else if (verb === "f" || verb === "F") {
    const exact = exactDecimal(x);
    d = roundTo(exact, exact.dp + prec);
  } else d = roundTo(exactDecimal(x), prec === 0 ? 1 : prec);

  if (verb === "e" || verb === "E") return fmtE(d, shortest ? Math.max(d.digits.length - 1, 0) : prec, verb);
  if (verb === "f" || verb === "F") return fmtF(d, shortest ? Math.max(d.digits.length - d.dp, 0) : prec);

  let p = shortest ? d.digits.length : prec === 0 ? 1 : prec;
  let eprec = p;
  if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
  if (shortest) eprec = 6;
  const exp = d.dp - 1;
  if (d.digits.length > 0 && (exp < -4 || exp >= eprec)) {
    if (p > d.digits.length) p = d.digits.length;
    return fmtE(d, Math.max(p - 1, 0), verb === "g" ? "e" : "E");
  }
  if (p > d.dp) p = d.digits.length;
  return fmtF(d, Math.max(p - d.dp, 0));
}
