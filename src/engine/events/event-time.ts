// The `since` and `until` of GET /events as the daemon reads them (api/types/time
// ParseTimestamps): "<seconds>[.<fraction>]", the CLI having turned durations and dates into that.
import { systemError } from "../errors.js";

/** strconv.ParseInt(s, 10, 64) with its error text. */
function parseInt64(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw systemError(`strconv.ParseInt: parsing "${text}": invalid syntax`);
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) throw systemError(`strconv.ParseInt: parsing "${text}": value out of range`);
  return Number(n);
}

/**
 * Nanoseconds since the epoch, or undefined for an empty value. A bad value is a plain error
 * (500), as eventTime returns strconv's error unwrapped.
 */
export function parseEventTime(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const dot = value.indexOf(".");
  const seconds = parseInt64(dot < 0 ? value : value.slice(0, dot));
  if (dot < 0) return seconds * 1e9;
  const fraction = value.slice(dot + 1);
  // "should already be in nanoseconds but just in case convert n to nanoseconds"
  const nanos = Math.trunc(parseInt64(fraction) * 10 ** (9 - fraction.length));
  return seconds * 1e9 + nanos;
}
