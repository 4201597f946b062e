// Our help against what the real docker CLI 28.2.2 printed (src/cli/testdata/help.json, recorded
// by scripts/record-help-fixtures.mjs): the same lines, except that the descriptions are ours.
import { describe, expect, it } from "vitest";
import { DockerClient } from "../client/index.js";
import recorded from "./testdata/help.json" with { type: "json" };
import { runDocker } from "./docker.js";
import { skeleton } from "./testing/help-skeleton.js";

const noDaemon = new DockerClient({ request: () => Promise.reject(new Error("help needs no daemon")) });

async function docker(argv: readonly string[], columns: number) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    isTTY: false,
    columns,
    env: { HOME: recorded.home },
    now: () => 0,
    randomFill: (bytes: Uint8Array) => bytes.fill(0xa5),
  };
  const exitCode = await runDocker([...argv], io, noDaemon);
  return { stdout, stderr, exitCode };
}

describe("help has docker 28.2.2's structure", () => {
  for (const fixture of recorded.cases) {
    it(`docker ${fixture.argv.join(" ")}`, async () => {
      const ours = await docker(fixture.argv, 80);
      expect(ours.exitCode).toBe(fixture.exitCode);
      expect(skeleton(ours.stdout)).toEqual(skeleton(fixture.stdout));
      expect(skeleton(ours.stderr)).toEqual(skeleton(fixture.stderr));
    });
  }

  for (const fixture of recorded.terminals) {
    it(`docker ${fixture.argv.join(" ")} on a terminal ${fixture.columns} columns wide`, async () => {
      const ours = await docker(fixture.argv, fixture.columns);
      expect(skeleton(ours.stdout)).toEqual(skeleton(fixture.stdout));
    });
  }
});

describe("help is in our own words", () => {
  it("shares no description with docker's", async () => {
    // A line with a description: an indented name, two or more spaces, then text.
    const described = (text: string) => text.split("\n").filter((l) => /^ {2,}\S.*\S {2,}\S/.test(l));
    const theirs = new Set(recorded.cases.flatMap((c) => described(c.stdout)));
    const copied: string[] = [];
    for (const fixture of recorded.cases.filter((c) => c.argv.at(-1) === "--help")) {
      const ours = await docker(fixture.argv, 80);
      copied.push(...described(ours.stdout).filter((l) => theirs.has(l)));
    }
    expect([...new Set(copied)]).toEqual([]);
  });
});
