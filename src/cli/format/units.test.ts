import { describe, expect, it } from "vitest";
import {
  bytesSize, goTimeString, humanDuration, humanSize, humanSizeWithPrecision, rfc3339Nano, rfc3339NanoFixed,
} from "./units.js";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("humanDuration", () => {
  it.each([
    [-5 * SEC, "Less than a second"],
    [0, "Less than a second"],
    [999, "Less than a second"],
    [SEC, "1 second"],
    [1999, "1 second"],
    [2 * SEC, "2 seconds"],
    [59 * SEC, "59 seconds"],
    [60 * SEC, "About a minute"],
    [119 * SEC, "About a minute"],
    [2 * MIN, "2 minutes"],
    [59 * MIN + 59 * SEC, "59 minutes"],
    [60 * MIN, "About an hour"],
    [89 * MIN, "About an hour"],
    [90 * MIN, "2 hours"],
    [24 * HOUR, "24 hours"],
    [47 * HOUR + 29 * MIN, "47 hours"],
    [47 * HOUR + 30 * MIN, "2 days"],
    [13 * DAY + 23 * HOUR, "13 days"],
    [14 * DAY, "2 weeks"],
    [59 * DAY, "8 weeks"],
    [60 * DAY, "2 months"],
    [729 * DAY, "24 months"],
    [730 * DAY, "2 years"],
  ])("%d ms is %s", (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it("shows the epoch-created image of 2025 as 55 years", () => {
    expect(humanDuration(Date.UTC(2025, 0, 1))).toBe("55 years");
  });
});

describe("humanSize", () => {
  it.each([
    [0, "0B"],
    [999, "999B"],
    [1000, "1kB"],
    [1024, "1.024kB"],
    [1_000_000, "1MB"],
    [1_048_576, "1.049MB"],
    [2_000_000, "2MB"],
    [3.42e9, "3.42GB"],
    [5.372e12, "5.372TB"],
    [2.22e15, "2.22PB"],
    [999_600, "999.6kB"],
    [1e40, "1e+16YB"],
  ])("HumanSize(%d) = %s", (n, expected) => {
    expect(humanSize(n)).toBe(expected);
  });

  it("switches to exponent form like Go's %g", () => {
    expect(humanSizeWithPrecision(999_600, 3)).toBe("1e+03kB");
    expect(humanSizeWithPrecision(999_400, 3)).toBe("999kB");
  });

  it("rounds exact ties to even as Go does (998.5 kB with 3 digits)", () => {
    expect(humanSizeWithPrecision(998_500, 3)).toBe("998kB");
    expect(humanSizeWithPrecision(997_500, 3)).toBe("998kB");
  });

  it("prints ps sizes with precision 3", () => {
    expect(humanSizeWithPrecision(0, 3)).toBe("0B");
    expect(humanSizeWithPrecision(12_345, 3)).toBe("12.3kB");
    expect(humanSizeWithPrecision(7_800_000, 3)).toBe("7.8MB");
  });
});

describe("bytesSize", () => {
  it.each([
    [0, "0B"],
    [1024, "1KiB"],
    [1536, "1.5KiB"],
    [1024 * 1024, "1MiB"],
    [2 * 1024 * 1024, "2MiB"],
    [3.42 * 1024 ** 3, "3.42GiB"],
    [5.372 * 1024 ** 4, "5.372TiB"],
    [1024 ** 6, "1EiB"],
    [1024 * 1024 ** 8, "1024YiB"],
  ])("BytesSize(%d) = %s", (n, expected) => {
    expect(bytesSize(n)).toBe(expected);
  });
});

describe("Go time strings", () => {
  const t = Date.UTC(2025, 0, 2, 10, 11, 12);

  it("prints time.Time.String() without a fraction for whole seconds", () => {
    expect(goTimeString(t)).toBe("2025-01-02 10:11:12 +0000 UTC");
  });

  it("prints the fraction trimmed of trailing zeros", () => {
    expect(goTimeString(t + 500)).toBe("2025-01-02 10:11:12.5 +0000 UTC");
    expect(goTimeString(t + 123.456)).toBe("2025-01-02 10:11:12.123456 +0000 UTC");
  });

  it("pads years, months and days", () => {
    expect(goTimeString(Date.UTC(999, 8, 5, 1, 2, 3))).toBe("0999-09-05 01:02:03 +0000 UTC");
  });

  it("prints RFC3339Nano with a trimmed fraction", () => {
    expect(rfc3339Nano(t)).toBe("2025-01-02T10:11:12Z");
    expect(rfc3339Nano(t + 123, 456_789)).toBe("2025-01-02T10:11:12.123456789Z");
    expect(rfc3339Nano(t + 100)).toBe("2025-01-02T10:11:12.1Z");
  });

  it("carries extra nanoseconds into the next second", () => {
    expect(rfc3339Nano(t + 999, 1_000_000)).toBe("2025-01-02T10:11:13Z");
  });

  it("prints the fixed nine-digit form of docker logs --timestamps", () => {
    expect(rfc3339NanoFixed(t)).toBe("2025-01-02T10:11:12.000000000Z");
    expect(rfc3339NanoFixed(t + 5, 7)).toBe("2025-01-02T10:11:12.005000007Z");
  });
});
