// docker build run twice, side by side: the real docker CLI 28.2.2 (no buildx: the legacy
// builder) against our daemon, from a scratch directory on disk, and our CLI against a fresh
// in-process engine with the same files as host files. What they print must agree once ids and
// the scratch directory's path are normalised: the context's size says both sent the same tar.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliHarness, type CliResult } from "../../src/cli/testing/harness.js";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { onPath } from "./docker-cli-runner.js";
import { normal } from "./corpus-support.js";

const home = "/home/learner";
const tree: Record<string, string> = {
  "app/Dockerfile": 'FROM alpine\nARG GREETING=hello\nLABEL stage=demo\nCOPY . /app\nRUN echo "$GREETING" > /greeting && ls /app\nCMD ["cat", "/greeting"]\n',
  "app/.dockerignore": "*.log\nsecrets\n**/*.tmp\n!keep.tmp\n",
  "app/keep.tmp": "kept\n",
  "app/src/deep/drop.tmp": "dropped\n",
  [`app/src/${"long-directory-name/".repeat(6)}file.txt`]: "a name past tar's 100 bytes\n",
  "app/main.sh": "echo main\n",
  "app/debug.log": "noise\n",
  "app/secrets/key": "hidden\n",
  "app/src/lib.sh": "echo lib\n",
  "app/docker/Dockerfile.dev": "FROM alpine\nCOPY main.sh /main.sh\nCMD [\"sh\", \"/main.sh\"]\n",
  "outside/Dockerfile": "FROM alpine\nCOPY src /src\n",
  "fails/Dockerfile": "FROM alpine\nRUN echo before && exit 3\n",
  "lower/dockerfile": "FROM alpine\nCMD [\"echo\", \"lower\"]\n",
  "lower/empty/.keep": "",
};
const executables = ["app/main.sh"];
const symlinks: Record<string, string> = { "app/link.sh": "main.sh" };
const stdinDockerfile = "FROM alpine\nCMD [\"echo\", \"from stdin\"]\n";

interface Line {
  argv: string[];
  stdin?: string;
}

const lines: Line[] = [
  { argv: ["build", "-t", "app", "app"] },
  { argv: ["build", "app"] },
  { argv: ["run", "--rm", "app"] },
  { argv: ["build", "-q", "-t", "app:quiet", "app"] },
  { argv: ["image", "build", "--build-arg", "GREETING=hi", "--label", "team=web", "-t", "app:args", "app"] },
  { argv: ["run", "--rm", "app:args"] },
  { argv: ["builder", "build", "-f", "app/docker/Dockerfile.dev", "-t", "dev", "app"] },
  // Docker sends these two contexts unclosed (see build-archive.ts): the size shows ours is the same.
  { argv: ["build", "-f", "outside/Dockerfile", "app"] },
  { argv: ["build", "fails"] },
  { argv: ["build", "-q", "fails"] },
  { argv: ["build", "-t", "from-stdin", "-"], stdin: stdinDockerfile },
  { argv: ["build", "-f", "-", "app"], stdin: stdinDockerfile },
  { argv: ["build", "-t", "lower", "lower"] },
  { argv: ["run", "--rm", "lower"] },
  { argv: ["build", "nope"] },
  { argv: ["build", "-t", "Bad", "app"] },
];

function realDocker(line: Line, cwd: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("docker", line.argv, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, exitCode: code ?? -1 }));
    child.stdin.end(line.stdin ?? "");
  });
}

/** Our CLI on the manual clock, moved as the corpus moves it (corpus-support's driven). */
async function ourDocker(harness: CliHarness, line: Line): Promise<CliResult> {
  harness.clock.advance(1000);
  let done = false;
  const stdin = new TextEncoder().encode(line.stdin ?? "");
  const result = harness.dockerBytes({ stdin }, ...line.argv).finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!done && harness.clock.pending > 0) harness.clock.advance(100);
  }
  const { stdout, stderr, exitCode } = await result;
  return { stdout, stderr, exitCode };
}

describe.skipIf(!onPath("docker"))("docker build: our CLI and the real docker CLI", () => {
  let daemon: Daemon;
  let env: NodeJS.ProcessEnv;
  let scratch: string;
  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    const config = mkdtempSync(join(tmpdir(), "docker-config-"));
    env = { PATH: process.env["PATH"], HOME: config, DOCKER_CONFIG: config, DOCKER_HOST: `tcp://${daemon.addresses[0]}` };
    scratch = mkdtempSync(join(tmpdir(), "build-cli-"));
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text, { mode: executables.includes(path) ? 0o755 : 0o644 });
    }
    for (const [path, target] of Object.entries(symlinks)) symlinkSync(target, join(scratch, path));
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await daemon.close();
  });

  it(`agree on ${lines.length} lines`, async () => {
    const ours = new CliHarness();
    for (const [path, text] of Object.entries(tree)) ours.hostFiles.put(path, text, executables.includes(path) ? 0o755 : 0o644);
    for (const [path, target] of Object.entries(symlinks)) await ours.hostFiles.symlink(target, ours.hostFiles.abs(path));
    const differences: string[] = [];
    for (const line of lines) {
      const real = await realDocker(line, scratch, env);
      const mine = await ourDocker(ours, line);
      const shown = (r: CliResult) => ({ exitCode: r.exitCode, stdout: normal(r.stdout.replaceAll(scratch, home)), stderr: normal(r.stderr.replaceAll(scratch, home)) });
      const [a, b] = [shown(real), shown(mine)];
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`docker ${line.argv.join(" ")}\n  real: ${JSON.stringify(a)}\n  ours: ${JSON.stringify(b)}`);
    }
    expect(differences).toEqual([]);
  }, 300_000);
});
