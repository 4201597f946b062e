// Times as the daemon writes them: RFC 3339 with nanoseconds, trailing zeros trimmed (Go's
// RFC3339Nano), and "0001-01-01T00:00:00Z" for a time that never happened.

export const zeroTime = "0001-01-01T00:00:00Z";

export function rfc3339Nano(ms: number): string {
  if (ms === 0) return zeroTime;
  const iso = new Date(Math.floor(ms)).toISOString();
  const nanos = Math.round((ms - Math.floor(ms)) * 1e6) + Number(iso.slice(20, 23)) * 1e6;
  const fraction = String(nanos).padStart(9, "0").replace(/0+$/, "");
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ""}Z`;
}
