// Random argument vectors never crash the CLI: each gets an exit code, and a failure always
// says something on stderr, as Docker's CLI does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CliHarness } from "./testing/harness.js";

const words = ["run", "ps", "rm", "stop", "start", "logs", "inspect", "images", "pull", "create", "kill", "restart", "container", "image", "ls", "-a", "-q", "-f", "-d", "-p", "-e", "--name", "--rm", "--format", "--no-trunc", "-t", "--", "alpine", "nginx", "web", "8080:80", "{{.ID}}", "{{", "=", "-", "--x", "-xyz", ""];
const argument = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 }));

describe("fuzzed command lines", () => {
  it("always end with an exit code, and explain every failure", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "-q", "alpine");
    await fc.assert(
      fc.asyncProperty(fc.array(argument, { maxLength: 6 }), async (argv) => {
        const result = await cli.docker(...argv);
        expect(Number.isInteger(result.exitCode)).toBe(true);
        if (result.exitCode !== 0) expect(result.stderr.length).toBeGreaterThan(0);
        expect(result.stderr).not.toMatch(/TypeError|ReferenceError|undefined is not|at .*\.ts:\d+/);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
