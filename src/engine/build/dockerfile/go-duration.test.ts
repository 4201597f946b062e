import { describe, expect, test } from "vitest";
import { parseGoDuration } from "./go-duration";

describe("parseGoDuration (Go's time.ParseDuration)", () => {
  const ok: [string, number][] = [
    ["0", 0],
    ["5s", 5e9],
    ["30s", 30e9],
    ["1478s", 1478e9],
    ["-5s", -5e9],
    ["+5s", 5e9],
    ["1.5h", 5400e9],
    ["1h30m", 5400e9],
    [".5s", 0.5e9],
    ["1.s", 1e9],
    ["10ms", 10e6],
    ["3us", 3000],
    ["3\u00b5s", 3000],
    ["3\u03bcs", 3000],
    ["7ns", 7],
    ["1.0000000001s", 1000000000],
    ["100.00100s", 100001000000],
  ];
  test.each(ok)("%s", (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  const bad: [string, string][] = [
    ["", 'time: invalid duration ""'],
    ["3", 'time: missing unit in duration "3"'],
    ["-", 'time: invalid duration "-"'],
    ["s", 'time: invalid duration "s"'],
    [".", 'time: invalid duration "."'],
    ["1d", 'time: unknown unit "d" in duration "1d"'],
    ["3000000h", 'time: invalid duration "3000000h"'],
    ["1\u00e9s", 'time: unknown unit "\\xc3\\xa9s" in duration "1\\xc3\\xa9s"'],
  ];
  test.each(bad)("%j fails", (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });
});
