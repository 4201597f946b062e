import { describe, expect, it } from "vitest";
import { sprint, sprintf, sprintln } from "./go-fmt.js";

describe("sprintf", () => {
  it.each<[string, unknown[], string]>([
    ["%s|%v|%d", ["a", "b", 3], "a|b|3"],
    ["%-5s|%5s|%.2s", ["ab", "cd", "xyz"], "ab   |   cd|xy"],
    ["%-20s|", ["nginx"], "nginx               |"],
    ["%05d|%+d|% d|%-4d|", [42, 5, 5, 7], "00042|+5| 5|7   |"],
    ["%x|%X|%o|%b|%#x|%#o", [255, 255, 8, 5, 255, 8], "ff|FF|10|101|0xff|010"],
    ["%x|%X|% x", ["hi", "hi", "hi"], "6869|6869|68 69"],
    ["%c|%q|%U", [65, 97, 0x1f433], "A|'a'|U+1F433"],
    ["%t|%v", [true, false], "true|false"],
    ["%q|%+q|%#q", ['a"b', "é", "raw"], '"a\\"b"|"\\u00e9"|`raw`'],
    ["%.2f|%8.3f|%-8.1f|%08.2f|%+.1f", [3.14159, 3.14159, 2.5, -3.14159, 2], "3.14|   3.142|2.5     |-0003.14|%!f(int=2)"],
    ["%e|%.2e|%g|%G", [1234.5678, 1234.5678, 0.00001, 1.25e-21], "1.234568e+03|1.23e+03|1e-05|1.25E-21"],
    ["%.2f%%", [99.5], "99.50%"],
    ["%v|%d|%s", [[1, 2], [3, 4], ["a", "b"]], "[1 2]|[3 4]|[a b]"],
    ["%v", [{ b: 1, a: 2 }], "map[a:2 b:1]"],
    ["%T|%T|%T|%T", ["s", 1, 1.5, ["x"]], "string|int|float64|[]string"],
    ["%6.2v|", [3.14159], "   3.1|"],
    ["%*d|%-*d|", [4, 7, 3, 1], "   7|1  |"],
  ])("%s", (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });

  it("marks misuse the way Go does", () => {
    expect(sprintf("%d", ["abc"])).toBe("%!d(string=abc)");
    expect(sprintf("%s", [5])).toBe("%!s(int=5)");
    expect(sprintf("%t", [1])).toBe("%!t(int=1)");
    expect(sprintf("%d", [null])).toBe("%!d(<nil>)");
    expect(sprintf("%s %s", ["a"])).toBe("a %!s(MISSING)");
    expect(sprintf("%s", ["a", 2, "b"])).toBe("a%!(EXTRA int=2, string=b)");
    expect(sprintf("100%", [])).toBe("100%!(NOVERB)");
    expect(sprintf("%z", [1])).toBe("%!z(int=1)");
    expect(sprintf("%d", [["a"]])).toBe("[%!d(string=a)]");
  });

  it("keeps the sign of infinities and never zero-pads them", () => {
    expect(sprintf("%v|%05.1f|%v", [Infinity, -Infinity, NaN])).toBe("+Inf| -Inf|NaN");
  });
});

describe("sprint and sprintln", () => {
  it("spaces operands only when neither is a string", () => {
    expect(sprint([1, 2, "a", "b", 3])).toBe("1 2ab3");
    expect(sprint([null, 1.5, true])).toBe("<nil> 1.5 true");
  });

  it("always spaces and ends the line for sprintln", () => {
    expect(sprintln(["a", "b", 1])).toBe("a b 1\n");
  });
});
