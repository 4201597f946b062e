import { describe, expect, it } from "vitest";
import { formatFloat } from "./go-float.js";

describe("formatFloat (strconv.FormatFloat)", () => {
  it.each([
    [123456789, "1.23456789e+08"],
    [100000, "100000"],
    [1e6, "1e+06"],
    [1.5, "1.5"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [0, "0"],
    [-2.25, "-2.25"],
    [1e21, "1e+21"],
  ])("%%v of %d is %s", (x, expected) => {
    expect(formatFloat(x, "g", -1)).toBe(expected);
  });

  it.each([
    [12, 4, "12"],
    [1000.5, 4, "1000"],
    [1001.5, 4, "1002"],
    [100000, 4, "1e+05"],
    [0.000012345, 3, "1.23e-05"],
    [999.6, 3, "1e+03"],
    [0, 4, "0"],
  ])("%%.{prec}g of %d with precision %d is %s", (x, prec, expected) => {
    expect(formatFloat(x, "g", prec)).toBe(expected);
  });

  it("rounds %f half to even on the exact binary value", () => {
    expect(formatFloat(2.5, "f", 0)).toBe("2");
    expect(formatFloat(3.5, "f", 0)).toBe("4");
    expect(formatFloat(0.125, "f", 2)).toBe("0.12");
    expect(formatFloat(1.005, "f", 2)).toBe("1.00");
    expect(formatFloat(0.006, "f", 2)).toBe("0.01");
    expect(formatFloat(0.0004, "f", 2)).toBe("0.00");
    expect(formatFloat(-1.5, "f", 1)).toBe("-1.5");
    expect(formatFloat(3.14159, "f", 6)).toBe("3.141590");
  });

  it("formats %e with two-digit exponents", () => {
    expect(formatFloat(1234.5678, "e", 2)).toBe("1.23e+03");
    expect(formatFloat(1234.5678, "e", 6)).toBe("1.234568e+03");
    expect(formatFloat(0, "e", 6)).toBe("0.000000e+00");
    expect(formatFloat(1.5e-300, "E", 1)).toBe("1.5E-300");
  });

  it("spells NaN and infinities like Go", () => {
    expect(formatFloat(NaN, "g", -1)).toBe("NaN");
    expect(formatFloat(Infinity, "f", 2)).toBe("+Inf");
    expect(formatFloat(-Infinity, "g", -1)).toBe("-Inf");
  });
});
