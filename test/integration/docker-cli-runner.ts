// Runs the real docker CLI (or another client) against a daemon, and normalises what it printed
// so ids and clock-dependent phrases can be compared exactly. DOCKER_FIXTURES=record writes each
// run, as printed, to fixtures/<name>.txt: the real CLI's output, kept to compare our own CLI
// with (through normalise(), since ids and times differ from run to run).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export const fixturesDir = join(import.meta.dirname, "fixtures");
export const recording = process.env["DOCKER_FIXTURES"] === "record";

export function onPath(command: string, args: string[] = ["--version"]): boolean {
  const result = spawnSync(command, args, { stdio: "ignore", timeout: 10_000 });
  return result.status === 0;
}

/** Asynchronous on purpose: the daemon runs in this process, so spawnSync would block it. */
export function run(command: string, args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} timed out after ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

/** A DOCKER_CONFIG of its own, so the learner's ~/.docker (contexts, auth) cannot leak in. */
export function dockerEnv(address: string): Record<string, string> {
  return { DOCKER_HOST: `tcp://${address}`, DOCKER_CONFIG: mkdtempSync(join(tmpdir(), "docker-config-")), NO_COLOR: "1" };
}

/** Full and short ids, and the clock phrases of `docker ps`, replaced by placeholders. */
export function normalise(text: string): string {
  return text
    .replace(/\b[0-9a-f]{64}\b/g, "<id>")
    .replace(/\b[0-9a-f]{12}\b/g, "<short-id>")
    .replace(/\b(Less than a second|\d+ seconds?|About a minute|\d+ minutes?) ago\b/g, "<when> ago")
    .replace(/\bUp (Less than a second|\d+ seconds?|About a minute|\d+ minutes?)/g, "Up <uptime>");
}

/** A table with its padding collapsed: column widths follow the normalised cell texts. */
export function table(text: string): string[][] {
  return normalise(text)
    .trimEnd()
    .split("\n")
    .map((line) => line.trimEnd().split(/ {2,}/));
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function record(name: string, args: string[], result: RunResult): void {
  if (!recording) return;
  mkdirSync(fixturesDir, { recursive: true });
  const text = [
    `$ docker ${args.map(shellQuote).join(" ")}`,
    `--- exit ${result.code ?? "signal"}`,
    "--- stdout",
    result.stdout,
    "--- stderr",
    result.stderr,
  ].join("\n");
  writeFileSync(join(fixturesDir, `${name}.txt`), text);
}
