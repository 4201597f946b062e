// The corpus without the real docker CLI: each line through our CLI, compared with what the
// real CLI printed when the fixture was recorded (DOCKER_FIXTURES=record npx vitest run
// test/integration/cli-corpus.test.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CliHarness } from "../../src/cli/testing/harness.js";
import { corpus } from "./cli-corpus-lines.js";
import { corpusFixture, driven, normal, type RecordedLine } from "./corpus-support.js";

const recorded = JSON.parse(readFileSync(corpusFixture, "utf8")) as RecordedLine[];

describe("our CLI against the recorded real docker CLI", () => {
  it("the fixture covers the corpus as it stands", () => {
    expect(recorded.map((r) => r.line)).toEqual(corpus);
  });

  it(`prints what docker 28.2.2 printed, on all ${recorded.length} lines`, async () => {
    const ours = new CliHarness();
    const differences: string[] = [];
    for (const expected of recorded) {
      const argv = expected.line.split(" ").map((a) => a.replace(/\\t/g, "\t"));
      const mine = await driven(ours, argv);
      const got = { line: expected.line, exitCode: mine.exitCode, stdout: normal(mine.stdout), stderr: normal(mine.stderr) };
      if (JSON.stringify(got) !== JSON.stringify(expected)) differences.push(`docker ${expected.line}\n  real: ${JSON.stringify(expected)}\n  ours: ${JSON.stringify(got)}`);
    }
    expect(differences).toEqual([]);
  }, 300_000);
});
