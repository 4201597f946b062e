import { describe, expect, it } from "vitest";
import { PatternMatcher, readIgnoreFile, trimBuildFilesFromExcludes } from "./build-ignore.js";

describe(".dockerignore patterns", () => {
  it("reads lines as ignorefile does: comments, blanks, BOM, CRLF, leading slashes, exceptions", () => {
    expect(readIgnoreFile("\uFEFF# note\r\n /a/b/../c \r\n\r\n! /d\n!\n  # not a comment\nx//y/\n")).toEqual(["a/c", "!d", "!", "# not a comment", "x/y"]);
  });

  it("refuses a lone exclamation mark and broken globs, as patternmatcher.New does", () => {
    expect(() => new PatternMatcher(["!"])).toThrow('illegal exclusion pattern: "!"');
    for (const bad of ["[", "a[]", "[a-", "x\\"]) expect(() => new PatternMatcher([bad]), bad).toThrow("syntax error in pattern");
    // A range Go's filepath.Match accepts but its regexp does not fails at the first match.
    const reversed = new PatternMatcher(["[z-a]"]);
    expect(() => reversed.matchesOrParentMatches("b")).toThrow("syntax error in pattern");
  });

  it("matches a path or any of its parents, with ** spanning directories", () => {
    const m = new PatternMatcher(["docs", "**/*.tmp", "src/*/gen", "!src/keep/gen"]);
    expect(m.matchesOrParentMatches("docs/a/b.md")).toBe(true);
    expect(m.matchesOrParentMatches("x.tmp")).toBe(true);
    expect(m.matchesOrParentMatches("a/b/x.tmp")).toBe(true);
    expect(m.matchesOrParentMatches("src/lib/gen/file")).toBe(true);
    expect(m.matchesOrParentMatches("src/keep/gen/file")).toBe(false);
    expect(m.matchesOrParentMatches("src/lib/general")).toBe(false);
  });

  it("keeps the deprecated Matches' single parent check, which TrimBuildFilesFromExcludes uses", () => {
    // Only the parent as many levels deep as the pattern is tried: "**/c" looks at "a/b", never "a/b/c".
    expect(new PatternMatcher(["**/c"]).matches("a/b/c/d")).toBe(false);
    expect(new PatternMatcher(["**/c"]).matchesOrParentMatches("a/b/c/d")).toBe(true);
    expect(new PatternMatcher(["a/b"]).matches("a/b/c/d")).toBe(true);
    expect(new PatternMatcher(["b/c"]).matches("a/b/c")).toBe(false);
  });

  it("puts the Dockerfile and .dockerignore back unless the Dockerfile comes from stdin", () => {
    expect(trimBuildFilesFromExcludes(["*"], "Dockerfile", false)).toEqual(["*", "!.dockerignore", "!Dockerfile"]);
    expect(trimBuildFilesFromExcludes(["*"], "-", true)).toEqual(["*", "!.dockerignore"]);
    expect(trimBuildFilesFromExcludes(["*.md"], "build/Dockerfile", false)).toEqual(["*.md"]);
    expect(trimBuildFilesFromExcludes(["build"], "build/Dockerfile", false)).toEqual(["build", "!build/Dockerfile"]);
  });
});
