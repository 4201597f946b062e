// A corpus of command lines run twice, side by side: the real docker CLI 28.2.2 against our
// daemon, and our CLI against a fresh in-process engine. Their stdout, stderr and exit codes
// must agree once ids, times and table padding are normalised (DESIGN.md section 8). The lines
// themselves, in order, are in cli-corpus-lines.ts.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliHarness, type CliResult } from "../../src/cli/testing/harness.js";
import { skeleton } from "../../src/cli/testing/help-skeleton.js";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { normalise, onPath } from "./docker-cli-runner.js";
import { corpus } from "./cli-corpus-lines.js";

const ages = /\b(\d+|About an?) (hours?|days|weeks|months|years) ago\b/g;
// Help pages keep docker's structure but use our own descriptions: compare their skeletons.
const withoutProse = (text: string) => (text.startsWith("Usage:") ? skeleton(text).join("\n") : text);
const normal = (text: string) =>
  normalise(withoutProse(text)).replace(ages, "<age> ago").replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC/g, "<created>").replace(/ {2,}/g, "  ");

function realDocker(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) =>
    execFile("docker", args, { env, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, exitCode: error ? (typeof error.code === "number" ? error.code : 1) : 0 }),
    ),
  );
}

/**
 * Our engine runs on a ManualClock, so `stop -t 1` would wait forever: time moves a second
 * between lines (as between typed commands, which also keeps creation times apart for ps -l)
 * and 100 ms at every turn of the event loop while a command is still running.
 */
async function driven(harness: CliHarness, argv: string[]): Promise<CliResult> {
  harness.clock.advance(1000);
  let done = false;
  const result = harness.docker(...argv).finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!done) harness.clock.advance(100);
  }
  return result;
}

describe.skipIf(!onPath("docker"))("our CLI and the real docker CLI, line by line", () => {
  let daemon: Daemon;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"] });
    const config = mkdtempSync(join(tmpdir(), "docker-config-"));
    env = { PATH: process.env["PATH"], HOME: config, DOCKER_CONFIG: config, DOCKER_HOST: `tcp://${daemon.addresses[0]}` };
  });
  afterAll(() => daemon.close());

  it(`agree on all ${corpus.length} lines`, async () => {
    const ours = new CliHarness();
    const differences: string[] = [];
    for (const line of corpus) {
      const argv = line.split(" ").map((a) => a.replace(/\\t/g, "\t"));
      const real = await realDocker(argv, env);
      const mine = await driven(ours, argv);
      const a = { exitCode: real.exitCode, stdout: normal(real.stdout), stderr: normal(real.stderr) };
      const b = { exitCode: mine.exitCode, stdout: normal(mine.stdout), stderr: normal(mine.stderr) };
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`docker ${line}\n  real: ${JSON.stringify(a)}\n  ours: ${JSON.stringify(b)}`);
    }
    expect(differences).toEqual([]);
  }, 300_000);
});
