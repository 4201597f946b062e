// Replays what the real docker CLI 28.2.2 printed (src/cli/testdata/client-side.json, recorded by
// scripts/record-cli-fixtures.mjs) for lines that fail before reaching a daemon.
import { describe, expect, it } from "vitest";
import recorded from "./testdata/client-side.json" with { type: "json" };
import { CliHarness } from "./testing/harness.js";

describe("client-side errors match docker CLI 28.2.2", () => {
  for (const fixture of recorded.fixtures) {
    it(`docker ${fixture.argv.join(" ")}`, async () => {
      const result = await new CliHarness().docker(...fixture.argv);
      expect(result).toEqual({ stdout: fixture.stdout, stderr: fixture.stderr, exitCode: fixture.exitCode });
    });
  }
});
