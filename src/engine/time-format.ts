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

/** time.Duration's String, from nanoseconds: "0s", "500ms", "1.5s", "1m30s", "2h0m0s". */
export function goDurationString(ns: number): string {
  if (ns === 0) return "0s";
  const sign = ns < 0 ? "-" : "";
  let rest = Math.abs(ns);
  const trim = (n: number) => String(Number(n.toFixed(9)));
  if (rest < 1e3) return `${sign}${trim(rest)}ns`;
  if (rest < 1e6) return `${sign}${trim(rest / 1e3)}µs`;
  if (rest < 1e9) return `${sign}${trim(rest / 1e6)}ms`;
  const hours = Math.floor(rest / 3.6e12);
  rest -= hours * 3.6e12;
  const minutes = Math.floor(rest / 6e10);
  rest -= minutes * 6e10;
  return `${sign}${hours ? `${hours}h` : ""}${hours || minutes ? `${minutes}m` : ""}${trim(rest / 1e9)}s`;
}
