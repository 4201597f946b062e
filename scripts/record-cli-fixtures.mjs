#!/usr/bin/env node
// Records what the real docker CLI prints for command lines that fail before reaching a daemon
// (flag and argument errors, unknown commands, --version). The unit tests replay the file.
// Usage: node scripts/record-cli-fixtures.mjs > src/cli/testdata/client-side.json
import { spawnSync } from "node:child_process";

const lines = [
  ["run", "--foo"], ["stop"], ["frobnicate"], ["ps", "-x"], ["ps", "a"], ["logs"], ["run", "-p"],
  ["stop", "-t", "abc", "x"], ["--version"], ["container", "foo"], ["images", "a", "b"], ["pull"],
  ["rm"], ["inspect"], ["create"], ["kill"], ["restart"], ["start"], ["version", "extra"], ["info", "extra"],
  ["container", "ls", "--bogus"], ["image", "ls", "-z"], ["run", "-d=maybe", "alpine"], ["ps", "--last", "x"],
  ["logs", "a", "b"], ["rmi"], ["container", "rm"], ["image", "pull"], ["ps", "--filter"], ["run", "---x"],
];

const fixtures = lines.map((argv) => {
  const result = spawnSync("docker", argv, { encoding: "utf8", env: { PATH: process.env.PATH, HOME: "/nonexistent", DOCKER_HOST: "tcp://127.0.0.1:1" } });
  return { argv, stdout: result.stdout, stderr: result.stderr, exitCode: result.status };
});
process.stdout.write(`${JSON.stringify({ recordedWith: "docker CLI 28.2.2", fixtures }, null, 2)}\n`);
