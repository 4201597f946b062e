// The real docker CLI 28.2.2 through registrySession against our daemon: each step must print
// what fixtures/registry/<step>.txt holds. DOCKER_FIXTURES=record writes the fixtures instead.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { onPath, recording } from "./docker-cli-runner.js";
import { configDir, fixturesDir, loadRecording, normalise, registrySession, serialize, type Recorded } from "./registry-session.js";

const hasDocker = onPath("docker");

function runDocker(argv: string[], env: Record<string, string>, input: string | undefined): Promise<Recorded> {
  return new Promise((resolve, reject) => {
    const child = spawn("docker", argv, { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

describe.skipIf(!hasDocker)("the real docker CLI with registries, against our daemon", () => {
  let daemon: Daemon;
  let env: Record<string, string>;
  let dockerConfig: string;

  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    dockerConfig = mkdtempSync(join(tmpdir(), "docker-config-"));
    env = { DOCKER_HOST: `tcp://${daemon.addresses[0] ?? ""}`, DOCKER_CONFIG: dockerConfig, NO_COLOR: "1" };
  });
  afterAll(async () => {
    await daemon.close();
  });

  it("prints what the recordings hold, step by step", async () => {
    if (recording) mkdirSync(fixturesDir, { recursive: true });
    for (const step of registrySession) {
      const result = await runDocker(step.argv, env, step.input);
      const printed = { ...result, stderr: result.stderr.replaceAll(dockerConfig, configDir) };
      if (recording) writeFileSync(join(fixturesDir, `${step.name}.txt`), serialize(printed));
      const expected = loadRecording(step.name);
      expect({ step: step.name, ...printed, stdout: normalise(printed.stdout) }).toEqual({ step: step.name, ...expected, stdout: normalise(expected.stdout) });
    }
  }, 120_000);

  it("leaves config.json as docker writes it: tab-indented, no final newline", () => {
    if (recording) writeFileSync(join(fixturesDir, "config.json"), readFileSync(join(dockerConfig, "config.json"), "utf8"));
    expect(readFileSync(join(dockerConfig, "config.json"), "utf8")).toBe(readFileSync(join(fixturesDir, "config.json"), "utf8"));
  });
});
