// The byte counts in the daemon's own progress strings (JSONProgress.String): go-units
// HumanSize, powers of 1000 with Go's %.4g.
const decimalUnits = ["B", "kB", "MB", "GB", "TB", "PB"];

export function humanSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < decimalUnits.length - 1) {
    size /= 1000;
    unit++;
  }
  // %.4g keeps four significant digits and drops trailing zeros.
  const digits = size.toPrecision(4);
  const text = digits.includes(".") ? digits.replace(/\.?0+$/, "") : digits;
  return `${text}${decimalUnits[unit] ?? ""}`;
}
