#!/usr/bin/env node
// Records what the real docker CLI prints for help: `docker --help`, every single-host command's
// and subcommand's `--help`, the other ways to ask for help (-h, `docker help X`, a bare
// management command), a flag error per command (its usage line), and a few help pages on
// terminals of other widths (pflag wraps flag descriptions to the width of stdin's terminal).
// The real CLI asks the daemon what it supports before printing help (it hides experimental,
// swarm-manager and Windows-only flags and commands), so it is pointed at our own daemon: the
// one the playground's CLI always has.
// The unit tests compare the structure of our help with this file.
// Usage: node scripts/record-help-fixtures.mjs > src/cli/testdata/help.json
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const port = 23000 + Math.floor(Math.random() * 1000);
const daemonBin = fileURLToPath(new URL("../bin/docker-playground.js", import.meta.url));
const daemon = spawn(process.execPath, [daemonBin, "daemon", "-H", `tcp://127.0.0.1:${port}`], { stdio: "ignore" });
const env = { PATH: process.env.PATH, HOME: "/home/learner", DOCKER_HOST: `tcp://127.0.0.1:${port}` };
for (let tries = 0; spawnSync("docker", ["version"], { env }).status !== 0; tries++) {
  if (tries > 100) throw new Error("our daemon did not start");
  await new Promise((resolve) => setTimeout(resolve, 200));
}
// The management commands whose subcommands work on one host (the rest are only listed).
const groups = ["builder", "container", "image", "network", "system", "volume"];

function docker(argv) {
  // stdin is not a terminal, so help is wrapped at the default width of 80.
  const result = spawnSync("docker", argv, { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
  return { argv, stdout: result.stdout, stderr: result.stderr, exitCode: result.status };
}

/** Help on a terminal `columns` wide: run under script(1), whose pty has the size stty sets. */
function dockerOnTerminal(argv, columns) {
  const command = `stty cols ${columns} rows 50; docker ${argv.join(" ")}`;
  const result = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env });
  return { argv, columns, stdout: result.stdout.replaceAll("\r\n", "\n"), stderr: "", exitCode: result.status };
}

/** The command names a help page lists under `heading`. */
function listed(help, heading) {
  const lines = help.split("\n");
  const start = lines.indexOf(`${heading}:`);
  if (start < 0) return [];
  const names = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\S+?)\*?\s/.exec(line);
    if (!match) break;
    names.push(match[1]);
  }
  return names;
}

const root = docker(["--help"]).stdout;
// Every single-host command: the other management commands (context, plugin, trust...) are
// only listed in the root help.
const topLevel = [...listed(root, "Common Commands"), ...listed(root, "Commands"), ...groups];
const paths = [];
for (const name of topLevel) {
  paths.push([name]);
  if (groups.includes(name)) {
    // Subcommands hidden from the listing (volume update: cluster volumes) still have help.
    const subs = listed(docker([name, "--help"]).stdout, "Commands");
    if (name === "volume") subs.push("update");
    for (const sub of subs) paths.push([name, sub]);
  }
}

const cases = [
  docker(["--help"]),
  docker([]),
  docker(["help"]),
  docker(["-h"]),
  ...paths.map((path) => docker([...path, "--help"])),
  ...paths.map((path) => docker([...path, "--no-such-flag"])),
  ...groups.map((group) => docker([group])),
  docker(["ps", "-h"]),
  docker(["container", "ls", "-h"]),
  docker(["network", "-h"]),
  docker(["run", "--help", "alpine"]),
  docker(["help", "ps"]),
  docker(["help", "network"]),
  docker(["help", "network", "ls"]),
  docker(["help", "container", "list"]),
  docker(["help", "nope"]),
  docker(["help", "ps", "extra"]),
  docker(["help", "--help"]),
  docker(["help", "-x"]),
  docker(["network", "nope"]),
  docker(["volume", "nope"]),
  docker(["builder", "nope"]),
];
const terminals = [100, 50, 30].flatMap((columns) =>
  [["--help"], ["run", "--help"], ["ps", "--help"], ["network", "create", "--help"]].map((argv) => dockerOnTerminal(argv, columns)),
);

daemon.kill();
process.stdout.write(`${JSON.stringify({ recordedWith: "docker CLI 28.2.2 against our daemon", home: env.HOME, cases, terminals }, null, 2)}\n`);
