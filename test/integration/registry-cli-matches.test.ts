// Our docker CLI against our engine, replaying registrySession: the same stdout, stderr and exit
// code as the real docker CLI printed (fixtures/registry, recorded by registry-cli.test.ts),
// once the ages of images are put aside.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliHarness } from "../../src/cli/testing/harness.js";
import { configDir, fixturesDir, loadRecording, normalise, registrySession } from "./registry-session.js";

/** Ages differ between the runs, and with them the width of the CREATED column. */
function comparable(text: string): string {
  const aged = normalise(text);
  return aged === text ? text : aged.replace(/ {2,}/g, "  ");
}

describe("our CLI prints what the real docker CLI printed, with registries", () => {
  it("through the registry session", async () => {
    const cli = new CliHarness();
    for (const step of registrySession) {
      const ours = await cli.dockerPiped(step.input ?? "", ...step.argv);
      const recorded = loadRecording(step.name);
      expect({ step: step.name, exitCode: ours.exitCode, stdout: comparable(ours.stdout), stderr: comparable(ours.stderr) }).toEqual({
        step: step.name,
        exitCode: recorded.exitCode,
        stdout: comparable(recorded.stdout),
        stderr: comparable(recorded.stderr),
      });
      cli.clock.advance(1000);
    }
    expect(cli.files.get(`${configDir}/config.json`)).toBe(readFileSync(join(fixturesDir, "config.json"), "utf8"));
  });
});
