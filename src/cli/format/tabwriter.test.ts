import { describe, expect, it } from "vitest";
import { TabWriter, tabwrite } from "./tabwriter.js";

describe("tabwrite with docker's settings", () => {
  it("renders the empty docker ps header exactly", () => {
    const header = "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n";
    expect(tabwrite(header)).toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });

  it("never pads the last cell of a line", () => {
    expect(tabwrite("a\tb\nccc\td\n")).toBe("a         b\nccc       d\n");
  });

  it("pads empty cells to the column width", () => {
    expect(tabwrite("a\t\tc\n")).toBe("a                   c\n");
  });

  it("ends a column block at a line with fewer cells", () => {
    expect(tabwrite("aaaa\tb\nc\ndddddddddddd\te\n")).toBe("aaaa      b\nc\ndddddddddddd   e\n");
  });

  it("sizes an inner column only over the lines that have it", () => {
    const input = "a\tb\tc\naa\tbbbbbbbbbbbb\naaa\tb\tc\n";
    expect(tabwrite(input)).toBe("a         b         c\naa        bbbbbbbbbbbb\naaa       b         c\n");
  });

  it("widens a column past the minimum by three spaces of padding", () => {
    expect(tabwrite("a-very-long-cell\tx\nb\ty\n")).toBe("a-very-long-cell   x\nb                  y\n");
  });

  it("counts wide characters as two columns", () => {
    expect(tabwrite("你好世界你好\tx\nab\ty\n")).toBe("你好世界你好   x\nab             y\n");
  });

  it("keeps a trailing tab's padding and text without a final newline", () => {
    expect(tabwrite("ab\t\nx\ty")).toBe("ab        \nx         y");
  });

  it("treats \\v as a cell terminator and \\f as a hard flush", () => {
    expect(tabwrite("a\vb\n")).toBe("a         b\n");
    expect(tabwrite("aaaaaaaaaaaa\tb\fc\td\n")).toBe("aaaaaaaaaaaa   b\nc         d\n");
  });
});

describe("TabWriter options", () => {
  it("honours minwidth, padding and padchar", () => {
    expect(tabwrite("a\tb\nccc\td\n", { minwidth: 0, padding: 1, padchar: "." })).toBe("a...b\nccc.d\n");
  });

  it("pads with tabs when padchar is a tab", () => {
    expect(tabwrite("a\tb\nccccc\td\n", { minwidth: 0, tabwidth: 4, padding: 1, padchar: "\t" })).toBe("a\t\tb\nccccc\td\n");
  });

  it("aligns right", () => {
    expect(tabwrite("a\tb\nccc\td\n", { minwidth: 0, padding: 1, alignRight: true })).toBe("   ab\n cccd\n");
  });

  it("accepts text in pieces, as the header and rows arrive", () => {
    const w = new TabWriter();
    w.write("CONTAINER");
    w.write(" ID\tIMA");
    w.write("GE\n");
    w.write("abc\tubuntu\n");
    expect(w.flush()).toBe("CONTAINER ID   IMAGE\nabc            ubuntu\n");
  });
});
