// Go's fmt.Sprint, Sprintln and Sprintf over the engine's value model (template-values.ts):
// the printf users write in `--format '{{printf "%-20s" .Names}}'`, with Go's own error
// markers such as %!d(string=abc) and %!s(MISSING).
import { formatFloat, type FloatVerb } from "./go-float.js";
import { goQuote } from "./text.js";
import { formatValue, goTypeName, mapKeys, structType } from "./template-values.js";
import { utf8Encode } from "./utf8.js";

interface Spec {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | undefined;
  prec: number | undefined;
}

const isString = (v: unknown): boolean => typeof v === "string";

export function sprint(args: readonly unknown[]): string {
  let out = "";
  args.forEach((arg, i) => {
    // Go separates operands with a space only when neither side is a string.
    if (i > 0 && !isString(arg) && !isString(args[i - 1])) out += " ";
    out += formatValue(arg);
  });
  return out;
}

export function sprintln(args: readonly unknown[]): string {
  return args.map((a) => formatValue(a)).join(" ") + "\n";
}

function pad(s: string, spec: Spec, zeroOK = true): string {
  const n = (spec.width ?? 0) - Array.from(s).length;
  if (n <= 0) return s;
  if (spec.minus) return s + " ".repeat(n);
  return (spec.zero && zeroOK ? "0" : " ").repeat(n) + s;
}

function badVerb(verb: string, arg: unknown): string {
  if (arg === undefined || arg === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(arg)}=${formatValue(arg)})`;
}

function fmtInteger(n: number, verb: string, spec: Spec): string {
  const neg = n < 0;
  const abs = Math.abs(Math.trunc(n));
  if (verb === "c") return pad(String.fromCodePoint(abs), spec, false);
  if (verb === "q") {
    const ch = String.fromCodePoint(abs);
    const inner = ch === "'" ? "\\'" : ch === '"' ? '"' : goQuote(ch).slice(1, -1);
    return pad(`'${inner}'`, spec, false);
  }
  if (verb === "U") {
    const u = "U+" + abs.toString(16).toUpperCase().padStart(4, "0");
    return pad(spec.sharp ? `${u} '${String.fromCodePoint(abs)}'` : u, spec, false);
  }
  const base = verb === "b" ? 2 : verb === "o" || verb === "O" ? 8 : verb === "x" || verb === "X" ? 16 : 10;
  let digits = abs.toString(base);
  if (verb === "X") digits = digits.toUpperCase();
  let prec = 0;
  if (spec.prec !== undefined) {
    if (spec.prec === 0 && abs === 0) return pad("", { ...spec, zero: false });
    prec = spec.prec;
  } else if (spec.zero && !spec.minus && spec.width !== undefined) {
    prec = spec.width - (neg || spec.plus || spec.space ? 1 : 0);
  }
  let prefix = "";
  if (verb === "O") prefix = "0o";
  else if (spec.sharp && base === 2) prefix = "0b";
  else if (spec.sharp && base === 16) prefix = verb === "X" ? "0X" : "0x";
  else if (spec.sharp && base === 8 && !digits.startsWith("0")) prefix = "0";
  digits = digits.padStart(prec, "0");
  const sign = neg ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  return pad(sign + prefix + digits, { ...spec, zero: false });
}

function fmtFloatVerb(x: number, verb: string, spec: Spec): string {
  const goVerb: FloatVerb = verb === "v" ? "g" : (verb as FloatVerb);
  const defaultPrec = goVerb === "g" || goVerb === "G" ? -1 : 6;
  let num = formatFloat(x, goVerb, spec.prec ?? defaultPrec);
  if (num[0] !== "-" && num[0] !== "+") num = "+" + num;
  if (spec.space && num[0] === "+" && !spec.plus) num = " " + num.slice(1);
  // Infinities and NaN are never zero padded, and +Inf keeps its sign.
  if (num[1] === "I" || num[1] === "N") {
    if (num[1] === "N" && !spec.space && !spec.plus) num = num.slice(1);
    return pad(num, spec, false);
  }
  if (spec.plus || num[0] !== "+") {
    if (spec.zero && !spec.minus && spec.width !== undefined && spec.width > num.length) {
      return (num[0] ?? "") + "0".repeat(spec.width - num.length) + num.slice(1);
    }
    return pad(num, spec);
  }
  return pad(num.slice(1), spec);
}

/** strconv.CanBackquote: no backquote and no control characters other than tab. */
function canBackquoteString(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === "`" || cp === 0x7f || (cp < 0x20 && cp !== 0x09) || cp === 0xfeff) return false;
  }
  return true;
}

function fmtString(s: string, verb: string, spec: Spec): string {
  if (spec.prec !== undefined) s = Array.from(s).slice(0, spec.prec).join("");
  if (verb === "s" || verb === "v") return pad(s, spec);
  if (verb === "q") {
    const canBackquote = spec.sharp && canBackquoteString(s);
    return pad(canBackquote ? `\`${s}\`` : goQuote(s, spec.plus), spec, false);
  }
  const hex = Array.from(utf8Encode(s), (b) => b.toString(16).padStart(2, "0"));
  let body = spec.sharp ? hex.map((h, i) => (i === 0 || spec.space ? "0x" : "") + h).join(spec.space ? " " : "") : hex.join(spec.space ? " " : "");
  if (verb === "X") body = body.toUpperCase();
  return pad(body, spec, false);
}

/** fmt's printArg: one operand under one verb. */
export function formatArg(arg: unknown, verb: string, spec: Spec): string {
  if (verb === "T") return pad(arg === undefined || arg === null ? "<nil>" : goTypeName(arg), spec);
  if (arg === undefined || arg === null) return verb === "v" ? pad("<nil>", spec) : badVerb(verb, arg);
  if (typeof arg === "boolean") return verb === "t" || verb === "v" ? pad(String(arg), spec) : badVerb(verb, arg);
  if (typeof arg === "number" && Number.isInteger(arg)) {
    if ("vdbcoOqxXU".includes(verb)) return fmtInteger(arg, verb === "v" ? "d" : verb, spec);
    return badVerb(verb, arg);
  }
  if (typeof arg === "number") return "vfFeEgG".includes(verb) ? fmtFloatVerb(arg, verb, spec) : badVerb(verb, arg);
  if (typeof arg === "string") return "vsqxX".includes(verb) ? fmtString(arg, verb, spec) : badVerb(verb, arg);
  if (Array.isArray(arg)) return `[${arg.map((e) => formatArg(e, verb, { ...spec, width: undefined })).join(" ")}]`;
  if (typeof arg === "object" && structType(arg) === undefined) {
    const m = arg as Record<string, unknown>;
    const entries = mapKeys(m).map((k) => `${formatArg(k, verb, spec)}:${formatArg(m[k], verb, spec)}`);
    return `map[${entries.join(" ")}]`;
  }
  return verb === "v" || verb === "s" ? pad(formatValue(arg), spec) : badVerb(verb, arg);
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[]): string {
  let out = "";
  let argNum = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { plus: false, minus: false, sharp: false, space: false, zero: false, width: undefined, prec: undefined };
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === "+") spec.plus = true;
      else if (c === "-") [spec.minus, spec.zero] = [true, false];
      else if (c === "#") spec.sharp = true;
      else if (c === " ") spec.space = true;
      else if (c === "0") spec.zero = !spec.minus;
      else break;
    }
    const readNumber = (): number | undefined => {
      const m = /^\d+/.exec(format.slice(i));
      if (m === null) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    if (format[i] === "*") {
      i++;
      const w = args[argNum++];
      if (typeof w === "number" && Number.isInteger(w)) {
        spec.width = Math.abs(w);
        if (w < 0) [spec.minus, spec.zero] = [true, false];
      } else out += "%!(BADWIDTH)";
    } else spec.width = readNumber();
    if (format[i] === ".") {
      i++;
      if (format[i] === "*") {
        i++;
        const p = args[argNum++];
        if (typeof p === "number" && Number.isInteger(p) && p >= 0) spec.prec = p;
        else out += "%!(BADPREC)";
      } else spec.prec = readNumber() ?? 0;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    if (i >= format.length) {
      out += "%!(NOVERB)";
      break;
    }
    i += verb.length;
    if (verb === "%") out += "%";
    else if (argNum >= args.length) out += `%!${verb}(MISSING)`;
    else out += formatArg(args[argNum++], verb, spec);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((a) => (a === undefined || a === null ? "<nil>" : `${goTypeName(a)}=${formatValue(a)}`));
    out += `%!(EXTRA ${extra.join(", ")})`;
  }
  return out;
}
