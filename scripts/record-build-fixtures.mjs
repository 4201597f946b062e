#!/usr/bin/env node
// Records what the real docker CLI 28.2.2 prints for `docker build` lines that fail before the
// build starts: argument and flag errors, contexts and Dockerfiles that are missing, stdin used
// twice, .dockerignore syntax errors, DOCKER_BUILDKIT settings. The lines run in a scratch
// directory holding the tree below; its path is written as /home/learner, where the unit test
// (src/cli/commands/build-client-side.test.ts) puts the same tree. No daemon is needed: the
// lines that would reach one are not recorded here.
// Usage: node scripts/record-build-fixtures.mjs > src/cli/testdata/build-client-side.json
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const tree = {
  "ctx/Dockerfile": "FROM alpine\n",
  "ctx/app.txt": "hello\n",
  "lower/dockerfile": "FROM alpine\n",
  "file.txt": "not a directory\n",
  "badignore/Dockerfile": "FROM alpine\n",
  "badignore/.dockerignore": "[\n",
  "bangignore/Dockerfile": "FROM alpine\n",
  "bangignore/.dockerignore": "!\n",
  "full/keep.txt": "x\n",
};
const symlinks = { "link-ctx": "ctx", "ctx/dangling": "nowhere" };
const directories = ["empty"];

const lines = [
  { argv: ["build"] },
  { argv: ["image", "build"] },
  { argv: ["builder", "build"] },
  { argv: ["build", "a", "b"] },
  { argv: ["build", "nope"] },
  { argv: ["build", "empty"] },
  { argv: ["build", "file.txt"] },
  { argv: ["build", "-f", "nope", "ctx"] },
  { argv: ["build", "-f", "missing/Dockerfile", "ctx"] },
  { argv: ["build", "-f", "file.txt/Dockerfile", "ctx"] },
  { argv: ["build", "--file", "ctx/nope", "ctx"] },
  { argv: ["build", "-", "-f", "-"] },
  { argv: ["build", "-f", "-", "-"], stdin: "FROM alpine\n" },
  { argv: ["build", "-f", "Dockerfile", "-"], stdin: "FROM alpine\n" },
  { argv: ["build", "-t", "Bad:tag", "ctx"] },
  { argv: ["build", "-t", ":x", "ctx"] },
  { argv: ["build", "-t", "a b", "ctx"] },
  { argv: ["build", "-t", "ok", "--tag", "x:", "ctx"] },
  { argv: ["build", "-t", `a:${"t".repeat(129)}`, "ctx"] },
  { argv: ["build", "-t", "a".repeat(64), "ctx"] },
  { argv: ["build", "--add-host", "bad", "ctx"] },
  { argv: ["build", "--label", "=x", "ctx"] },
  { argv: ["build", "--build-arg", "=x", "ctx"] },
  { argv: ["build", "-m", "lots", "ctx"] },
  { argv: ["build", "--memory-swap", "x", "ctx"] },
  { argv: ["build", "--shm-size", "big", "ctx"] },
  { argv: ["build", "--ulimit", "nofile", "ctx"] },
  { argv: ["build", "--ulimit", "nofile=a", "ctx"] },
  { argv: ["build", "--cpu-shares", "x", "ctx"] },
  { argv: ["build", "--rm=maybe", "ctx"] },
  { argv: ["build", "--bogus", "ctx"] },
  { argv: ["build", "--tag"] },
  { argv: ["build", "badignore"] },
  { argv: ["build", "bangignore"] },
  { argv: ["build", "--iidfile", "full", "ctx"] },
  { argv: ["build", "ctx"], env: { DOCKER_BUILDKIT: "1" } },
  { argv: ["build", "--help"], env: { DOCKER_BUILDKIT: "true" } },
  { argv: ["build", "ctx"], env: { DOCKER_BUILDKIT: "maybe" } },
  { argv: ["builder", "prune"], env: { DOCKER_BUILDKIT: "1" } },
  { argv: ["build"], env: { DOCKER_BUILDKIT: "0" } },
];

const scratch = mkdtempSync(join(tmpdir(), "build-fixtures-"));
for (const [path, text] of Object.entries(tree)) {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}
for (const dir of directories) mkdirSync(join(scratch, dir), { recursive: true });
for (const [path, target] of Object.entries(symlinks)) symlinkSync(target, join(scratch, path));

const home = "/home/learner";
const normalise = (text) => text.replaceAll(scratch, home);
const fixtures = lines.map(({ argv, stdin, env }) => {
  const result = spawnSync("docker", argv, {
    cwd: scratch,
    encoding: "utf8",
    input: stdin ?? "",
    env: { PATH: process.env.PATH, HOME: "/nonexistent", DOCKER_HOST: "tcp://127.0.0.1:1", ...env },
  });
  return { argv, ...(stdin !== undefined ? { stdin } : {}), ...(env ? { env } : {}), stdout: normalise(result.stdout), stderr: normalise(result.stderr), exitCode: result.status };
});
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ recordedWith: "docker CLI 28.2.2", home, tree, symlinks, directories, fixtures }, null, 2)}\n`);
