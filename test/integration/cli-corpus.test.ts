// A corpus of command lines run twice, side by side: the real docker CLI 28.2.2 against our
// daemon, and our CLI against a fresh in-process engine. Their stdout, stderr and exit codes
// must agree once ids, times and table padding are normalised (DESIGN.md section 8). The lines
// themselves, in order, are in cli-corpus-lines.ts.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliHarness } from "../../src/cli/testing/harness.js";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { onPath, recording } from "./docker-cli-runner.js";
import { corpus } from "./cli-corpus-lines.js";
import { corpusFixture, driven, normal, type RecordedLine } from "./corpus-support.js";

function realDocker(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) =>
    execFile("docker", args, { env, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, exitCode: error ? (typeof error.code === "number" ? error.code : 1) : 0 }),
    ),
  );
}

describe.skipIf(!onPath("docker"))("our CLI and the real docker CLI, line by line", () => {
  let daemon: Daemon;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    const config = mkdtempSync(join(tmpdir(), "docker-config-"));
    env = { PATH: process.env["PATH"], HOME: config, DOCKER_CONFIG: config, DOCKER_HOST: `tcp://${daemon.addresses[0]}` };
  });
  afterAll(() => daemon.close());

  it(`agree on all ${corpus.length} lines`, async () => {
    const ours = new CliHarness();
    const differences: string[] = [];
    const recorded: RecordedLine[] = [];
    for (const line of corpus) {
      const argv = line.split(" ").map((a) => a.replace(/\\t/g, "\t"));
      const real = await realDocker(argv, env);
      const mine = await driven(ours, argv);
      const a = { exitCode: real.exitCode, stdout: normal(real.stdout), stderr: normal(real.stderr) };
      recorded.push({ line, ...a });
      const b = { exitCode: mine.exitCode, stdout: normal(mine.stdout), stderr: normal(mine.stderr) };
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`docker ${line}\n  real: ${JSON.stringify(a)}\n  ours: ${JSON.stringify(b)}`);
    }
    // DOCKER_FIXTURES=record keeps what the real CLI printed, for cli-corpus-replay.test.ts.
    if (recording) writeFileSync(corpusFixture, `${JSON.stringify(recorded, null, 1)}\n`);
    expect(differences).toEqual([]);
  }, 300_000);
});
