import { describe, expect, it } from "vitest";
import { createCompleter, formatColumns, type CompletionSource } from "./completion.js";

const source: CompletionSource = {
  commands: () => ["docker", "echo", "env", "ls"],
  paths: () => [
    "/",
    "/home",
    "/home/learner",
    "/home/learner/README.md",
    "/home/learner/site",
    "/home/learner/site/index.html",
    "/home/learner/my notes.txt",
    "/home/learner/.hidden",
  ],
  cwd: () => "/home/learner",
  home: "/home/learner",
};
const complete = createCompleter(source);

describe("createCompleter", () => {
  it("completes command names first, then docker's commands and subcommands", () => {
    expect(complete("e", 1)).toEqual({ start: 0, candidates: ["echo", "env"] });
    expect(complete("docker ne", 9)).toEqual({ start: 7, candidates: ["network"] });
    expect(complete("docker network c", 16)).toEqual({ start: 15, candidates: ["connect", "create"] });
    expect(complete("docker ps | e", 13)).toEqual({ start: 12, candidates: ["echo", "env"] });
  });

  it("completes host paths relative to the cwd or home, marking directories and escaping spaces", () => {
    expect(complete("cat s", 5)?.candidates).toEqual(["site/"]);
    expect(complete("cat site/", 9)?.candidates).toEqual(["site/index.html"]);
    expect(complete("cat ~/R", 7)?.candidates).toEqual(["~/README.md"]);
    expect(complete("cat my", 6)?.candidates).toEqual(["my\\ notes.txt"]);
    expect(complete("cat my\\ n", 9)).toEqual({ start: 4, candidates: ["my\\ notes.txt"] });
    expect(complete("cat .", 5)?.candidates).toEqual([".hidden"]);
    expect(complete("cat ", 4)?.candidates).toEqual(["README.md", "my\\ notes.txt", "site/"]);
  });

  it("offers no files before the filesystem has loaded", () => {
    const early = createCompleter({ ...source, paths: () => undefined });
    expect(early("cat s", 5)?.candidates).toEqual([]);
  });
});

describe("formatColumns", () => {
  it("lays items out top to bottom in as many columns as fit", () => {
    expect(formatColumns(["a", "bb", "c", "d", "e"], 9)).toBe("a   d\r\nbb  e\r\nc\r\n");
  });
});
