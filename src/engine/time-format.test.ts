import { describe, expect, it } from "vitest";
import { goDurationString } from "./time-format.js";

describe("goDurationString", () => {
  it("prints time.Duration as Go does", () => {
    const cases: [number, string][] = [
      [0, "0s"],
      [999, "999ns"],
      [1_500, "1.5µs"],
      [500e6, "500ms"],
      [1.5e9, "1.5s"],
      [30e9, "30s"],
      [90e9, "1m30s"],
      [3600e9, "1h0m0s"],
      [3723.5e9, "1h2m3.5s"],
      [-2e9, "-2s"],
    ];
    for (const [ns, text] of cases) expect([ns, goDurationString(ns)]).toEqual([ns, text]);
  });
});
