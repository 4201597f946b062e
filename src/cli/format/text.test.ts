import { describe, expect, it } from "vitest";
import { ellipsis, goQuote, naturalCompare, stringWidth, truncateId } from "./text.js";

describe("truncateId", () => {
  const full = "90435eec5c4e124e741ef731e118be2fc799a68aba0466ec17717f24ce2ae6a2";
  it.each([
    ["", ""],
    ["1234", "1234"],
    [full, "90435eec5c4e"],
    [`sha256:${full}`, "90435eec5c4e"],
    [full + full, "90435eec5c4e"],
  ])("%s → %s", (id, expected) => {
    expect(truncateId(id)).toBe(expected);
  });
});

describe("ellipsis (docker's TestEllipsis)", () => {
  it.each([
    ["t🐳ststring", 0, ""],
    ["t🐳ststring", 1, "t"],
    ["t🐳ststring", 2, "t…"],
    ["t🐳ststring", 6, "t🐳st…"],
    ["t🐳ststring", 20, "t🐳ststring"],
    ["你好世界teststring", 0, ""],
    ["你好世界teststring", 1, "你"],
    ["你好世界teststring", 3, "你…"],
    ["你好世界teststring", 6, "你好…"],
    ["你好世界teststring", 20, "你好世界teststring"],
  ])("%s at %d → %s", (s, width, expected) => {
    expect(ellipsis(s, width)).toBe(expected);
  });

  it("cuts a long command to 19 columns plus the ellipsis", () => {
    expect(ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20)).toBe("/docker-entrypoint.…");
    expect(ellipsis("12345678901234567890", 20)).toBe("12345678901234567890");
  });
});

describe("goQuote (strconv.Quote)", () => {
  it("quotes what docker ps shows in COMMAND", () => {
    expect(goQuote("/docker-entrypoint.…")).toBe('"/docker-entrypoint.…"');
    expect(goQuote("")).toBe('""');
  });

  it("uses Go's escapes", () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote("\n\t\r\x07\b\f\v")).toBe('"\\n\\t\\r\\a\\b\\f\\v"');
    expect(goQuote("\x01\x7f")).toBe('"\\x01\\x7f"');
    expect(goQuote("\u00a0\ue000")).toBe('"\\u00a0\\ue000"');
    expect(goQuote("\u{e0001}")).toBe('"\\U000e0001"');
  });

  it("keeps printable non-ASCII, or escapes it in ASCII-only mode", () => {
    expect(goQuote("héllo 🐳")).toBe('"héllo 🐳"');
    expect(goQuote("é", true)).toBe('"\\u00e9"');
  });
});

describe("naturalCompare", () => {
  it("sorts network names the way docker network ls does", () => {
    const names = ["network-10", "network-2", "network-1", "bridge", "host"];
    expect(names.sort(naturalCompare)).toEqual(["bridge", "host", "network-1", "network-2", "network-10"]);
  });

  it("puts fewer leading zeros first and digits before other characters", () => {
    expect(naturalCompare("2", "02")).toBe(-1);
    expect(naturalCompare("02", "2")).toBe(1);
    expect(naturalCompare("1a", "a")).toBe(-1);
    expect(naturalCompare("a", "ab")).toBe(-1);
    expect(naturalCompare("abc", "abc")).toBe(0);
    expect(naturalCompare("Z", "a")).toBe(-1);
  });
});

describe("stringWidth", () => {
  it.each([
    ["abc", 3],
    ["", 0],
    ["你好", 4],
    ["🐳", 2],
    ["e\u0301", 1],
    ["👨\u200d👩\u200d👧", 2],
    ["a\u200bb", 2],
    ["…", 1],
    ["\x1b", 0],
  ])("%s is %d columns", (s, width) => {
    expect(stringWidth(s)).toBe(width);
  });
});
