// --since and --until as the docker CLI turns them into the daemon's "<seconds>.<nanoseconds>"
// (api/types/time GetTimestamp): a Go duration before now, an RFC 3339-like date in one of a few
// layouts (UTC when it names no zone), or a unix timestamp passed through. Errors read as Go's.
import { parseGoDuration } from "../build/dockerfile/go-duration.js";

/** A Go duration in milliseconds, or undefined when time.ParseDuration rejects value. */
function durationMs(value: string): number | undefined {
  try {
    return parseGoDuration(value) / 1e6;
  } catch {
    return undefined;
  }
}

class GoParseError extends Error {}

const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The layout elements GetTimestamp uses, in time.Parse's order and with its error texts. */
function parseLayout(layout: string, value: string): [seconds: number, nanos: number] {
  const tokens = layout.match(/2006|01|02|15|04|05|\.999999999|Z07:00|[^0-9Z.]+/g) ?? [];
  let rest = value;
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0, offset = 0;
  const bad = (element: string): never => {
    throw new GoParseError(`parsing time "${value}" as "${layout}": cannot parse "${rest}" as "${element}"`);
  };
  const range = (what: string): never => {
    throw new GoParseError(`parsing time "${value}": ${what} out of range`);
  };
  const num = (element: string, fixed: boolean): number => {
    const m = (fixed ? /^\d\d/ : /^\d\d?/).exec(rest);
    if (!m) return bad(element);
    rest = rest.slice(m[0].length);
    return Number(m[0]);
  };
  const fraction = () => {
    const m = /^[.,](\d+)/.exec(rest);
    if (!m) return;
    nanos = Number((m[1] ?? "").slice(0, 9).padEnd(9, "0"));
    rest = rest.slice(m[0].length);
  };
  for (const token of tokens) {
    switch (token) {
      case "2006":
        if (!/^\d{4}/.test(rest)) bad(token);
        year = Number(rest.slice(0, 4));
        rest = rest.slice(4);
        break;
      case "01":
        month = num(token, true);
        if (month < 1 || month > 12) range("month");
        break;
      case "02":
        day = num(token, true);
        if (day < 0 || day > 31) range("day");
        break;
      case "15":
        hour = num(token, false);
        if (hour >= 24) range("hour");
        break;
      case "04":
        minute = num(token, true);
        if (minute >= 60) range("minute");
        break;
      case "05":
        second = num(token, true);
        if (second >= 60) range("second");
        // A fraction is read even where the layout has none.
        fraction();
        break;
      case ".999999999":
        fraction();
        break;
      case "Z07:00": {
        if (rest.startsWith("Z")) {
          rest = rest.slice(1);
          break;
        }
        const m = /^([+-])(\d\d):(\d\d)/.exec(rest);
        if (!m) bad(token);
        offset = (m?.[1] === "-" ? -1 : 1) * (Number(m?.[2]) * 60 + Number(m?.[3]));
        rest = rest.slice(6);
        break;
      }
      default:
        if (!rest.startsWith(token)) bad(token);
        rest = rest.slice(token.length);
    }
  }
  if (rest !== "") throw new GoParseError(`parsing time "${value}": extra text: "${rest}"`);
  if (day < 1 || day > daysIn(month, year)) range("day");
  return [Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - offset * 60, nanos];
}

function layoutFor(value: string): string {
  const local = !/[zZ+]/.test(value) && value.split("-").length - 1 !== 3;
  if (value.includes(".")) return local ? "2006-01-02T15:04:05.999999999" : "2006-01-02T15:04:05.999999999Z07:00";
  if (value.includes("T")) {
    let colons = value.split(":").length - 1;
    if (!local && !/[zZ]/.test(value) && colons > 0) colons--;
    const base = colons === 0 ? "2006-01-02T15" : colons === 1 ? "2006-01-02T15:04" : "2006-01-02T15:04:05";
    return local ? base : `${base}Z07:00`;
  }
  return local ? "2006-01-02" : "2006-01-02Z07:00";
}

/** The daemon's own "<seconds>[.<fraction>]" form (ParseTimestamps). */
function isUnixTimestamp(value: string): boolean {
  return /^[+-]?\d+(\.[+-]?\d+)?$/.test(value);
}

/** Go's %q of a string (enough for what people type). */
function quote(value: string): string {
  return JSON.stringify(value);
}

/**
 * GetTimestamp(value, now): what the CLI sends as since/until, and how the daemon reads a prune
 * `until` filter. Throws an Error with Go's text.
 */
export function getTimestamp(value: string, nowMs: number): string {
  const duration = value === "0" ? undefined : durationMs(value);
  if (duration !== undefined) return String(Math.floor((nowMs - duration) / 1000));
  try {
    const [seconds, nanos] = parseLayout(layoutFor(value), value);
    return `${seconds}.${String(nanos).padStart(9, "0")}`;
  } catch (error) {
    if (!(error instanceof GoParseError)) throw error;
    if (value.includes("-")) throw new Error(error.message);
    if (!isUnixTimestamp(value)) throw new Error(`failed to parse value as time or duration: ${quote(value)}`);
    return value;
  }
}
