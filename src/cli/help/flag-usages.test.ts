// pflag's wrapping, checked against docker's own flag descriptions: each description is read
// back from a recorded help page, wrapped again by our port, and must come out as docker printed
// it, on the 80-column default and on the terminals of other widths that were recorded.
import { describe, expect, it } from "vitest";
import type { FlagSpec } from "../flags/flag-spec.js";
import recorded from "../testdata/help.json" with { type: "json" };
import { flagEntries, joinedText, type FlagEntry } from "../testing/help-skeleton.js";
import { flagUsagesWrapped, wrap } from "./flag-usages.js";

function optionsBlock(page: string): string[] {
  const lines = page.split("\n");
  const start = lines.findIndex((l) => l === "Options:" || l === "Global Options:");
  if (start < 0) return [];
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

function specOf(entry: FlagEntry): FlagSpec {
  const match = /^ {2}-(\S), --(\S+)(?: (\S+))?$|^ {6}--(\S+)(?: (\S+))?$/.exec(entry.left);
  if (!match) throw new Error(`not a flag: ${entry.left}`);
  const [, short, name, type, longOnly, longType] = match;
  return { name: name ?? longOnly ?? "", ...(short ? { short } : {}), kind: "string", typeName: type ?? longType ?? "", usage: joinedText(entry) };
}

/** Our rendering of the recorded flags, split back into entries. */
function rewrapped(entries: readonly FlagEntry[], columns: number): FlagEntry[] {
  return flagEntries(flagUsagesWrapped(entries.map(specOf), columns - 1).trimEnd().split("\n"));
}

const pages = recorded.cases.filter((c) => c.argv.at(-1) === "--help" && optionsBlock(c.stdout).length > 0);

describe("flagUsagesWrapped wraps as pflag does", () => {
  // Descriptions that contain newlines of their own cannot be read back from the page (a line
  // break may be theirs or the wrap's); every other one must round-trip.
  const multiLine = new Set(["--format", "--cgroupns", "--platform"]);

  it("on 80 columns, for every flag of every recorded help page", () => {
    let checked = 0;
    for (const page of pages) {
      const theirs = flagEntries(optionsBlock(page.stdout));
      const ours = rewrapped(theirs, 80);
      theirs.forEach((entry, i) => {
        if (multiLine.has(/--\S+/.exec(entry.left)?.[0] ?? "") && entry.lines.some((l) => l.includes("'"))) return;
        expect(ours[i], `docker ${page.argv.join(" ")}: ${entry.left}`).toEqual(entry);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(500);
  });

  for (const terminal of recorded.terminals.filter((t) => optionsBlock(t.stdout).length > 0)) {
    it(`on ${terminal.columns} columns: docker ${terminal.argv.join(" ")}`, () => {
      const page = recorded.cases.find((c) => c.argv.join(" ") === terminal.argv.join(" "));
      const at80 = flagEntries(optionsBlock(page?.stdout ?? ""));
      const roundTrips = rewrapped(at80, 80).map((entry, i) => JSON.stringify(entry) === JSON.stringify(at80[i]));
      const ours = rewrapped(at80, terminal.columns);
      const theirs = flagEntries(optionsBlock(terminal.stdout));
      expect(theirs.length).toBe(at80.length);
      theirs.forEach((entry, i) => {
        if (roundTrips[i]) expect(ours[i], entry.left).toEqual(entry);
      });
    });
  }
});

describe("wrap", () => {
  it("moves a description to its own line, indented by 16, when fewer than 24 columns are left", () => {
    expect(wrap(30, 50, "a b")).toBe(`\n${" ".repeat(16)}a b`);
  });

  it("does not wrap at all when even that leaves fewer than 24 columns", () => {
    expect(wrap(30, 35, "one two\nthree")).toBe(`one two\n${" ".repeat(16)}three`);
  });

  it("lets a line run up to five columns past the margin when that finishes the text", () => {
    // 30 columns: lines break before column 25, unless the whole rest fits within 30.
    expect(wrap(0, 30, "aaaa bbbb cccc dddd eeee ffff")).toBe("aaaa bbbb cccc dddd eeee ffff");
    expect(wrap(0, 30, "aaaa bbbb cccc dddd eeee fffff g")).toBe("aaaa bbbb cccc dddd eeee\nfffff g");
  });
});
