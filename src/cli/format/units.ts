// docker/go-units humanisation and Go's time printing, the two ways docker turns numbers into
// the words a learner reads in `docker ps`, `docker images` and `docker system df`.
import { formatFloat } from "./go-float.js";

/** units.HumanDuration; the argument is a time.Duration expressed in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  // Go rounds the hours here (int(d.Hours() + 0.5)), which is why 90 minutes is "2 hours".
  const hours = Math.trunc(ms / 3_600_000 + 0.5);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365)} years`;
}

const DECIMAL_UNITS = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"] as const;
const BINARY_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] as const;

function scale(size: number, base: number, names: readonly string[]): [number, string] {
  let i = 0;
  while (size >= base && i < names.length - 1) {
    size /= base;
    i++;
  }
  return [size, names[i] ?? ""];
}

/** units.HumanSizeWithPrecision: powers of 1000, Go `%.{precision}g`, no space before the unit. */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  const [size, unit] = scale(bytes, 1000, DECIMAL_UNITS);
  return formatFloat(size, "g", precision) + unit;
}

/** units.HumanSize: precision 4 (1024 → "1.024kB"). */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** units.BytesSize: powers of 1024 with KiB/MiB names, `%.4g` (1536 → "1.5KiB"). */
export function bytesSize(bytes: number): string {
  const [size, unit] = scale(bytes, 1024, BINARY_UNITS);
  return formatFloat(size, "g", 4) + unit;
}

interface Instant {
  date: Date;
  nanos: number;
}

// A double holding epoch milliseconds keeps only about a quarter of a microsecond of
// fraction, so the fraction is taken to the microsecond; finer digits come via extraNanos.
function instant(ms: number, extraNanos = 0): Instant {
  const wholeSeconds = Math.floor(ms / 1000);
  let nanos = Math.round((ms - wholeSeconds * 1000) * 1000) * 1000 + Math.round(extraNanos);
  const carry = Math.floor(nanos / 1e9);
  nanos -= carry * 1e9;
  return { date: new Date((wholeSeconds + carry) * 1000), nanos };
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function dateTime(d: Date, sep: string): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `${sep}${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`
  );
}

// Go's ".999999999" layout element: the fraction without trailing zeros, nothing when zero.
function trimmedFraction(nanos: number): string {
  if (nanos === 0) return "";
  return "." + pad(nanos, 9).replace(/0+$/, "");
}

/** time.Time.String() in UTC: "2025-01-02 10:11:12 +0000 UTC", fractional seconds trimmed. */
export function goTimeString(ms: number): string {
  const { date, nanos } = instant(ms);
  return `${dateTime(date, " ")}${trimmedFraction(nanos)} +0000 UTC`;
}

/** time.RFC3339Nano in UTC: "2025-01-02T10:11:12.123456789Z", trailing zeros trimmed. */
export function rfc3339Nano(ms: number, extraNanos?: number): string {
  const { date, nanos } = instant(ms, extraNanos);
  return `${dateTime(date, "T")}${trimmedFraction(nanos)}Z`;
}

/** The fixed nine-digit form docker logs --timestamps and docker events print. */
export function rfc3339NanoFixed(ms: number, extraNanos?: number): string {
  const { date, nanos } = instant(ms, extraNanos);
  return `${dateTime(date, "T")}.${pad(nanos, 9)}Z`;
}
