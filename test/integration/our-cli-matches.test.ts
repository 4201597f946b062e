// Our docker CLI against our engine, replaying the session the real docker CLI 28.2.2 went
// through (fixtures/*.txt, recorded by docker-cli.test.ts): same stdout, stderr and exit code
// for every step, once ids and times are normalised and table padding is collapsed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliHarness } from "../../src/cli/testing/harness.js";
import { table as cells } from "./docker-cli-runner.js";

// Images were built months before either run, and the runs happened on different days.
const table = (text: string) =>
  cells(
    text
      .replace(/\b(\d+|About an?) (hours?|days|weeks|months|years) ago\b/g, "<age> ago")
      .replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/g, "<log time>")
      // docker top: process ids and start times differ from run to run.
      .replace(/^(root +)\d+( +)\d+( +\d+ +)\d\d:\d\d/gm, "$1<pid>$2<pid>$3<stime>"),
  );

const steps = [
  "version", "info", "pull-alpine", "images", "run-d-nginx", "ps", "logs-web", "inspect-status", "port-clash",
  "pause-web", "ps-paused", "unpause-web", "rename-web-site", "port-site", "top-site", "exec-site", "container-prune", "rename-site-web",
  "stop-web", "ps-a", "rm-web", "run-echo", "run-exit-3", "rm-nope", "ps-a-empty",
  "network-create-app", "network-ls", "run-d-network-app", "network-inspect-ip", "network-rm-in-use", "network-prune-declined",
  "volume-create-data", "volume-ls", "volume-rm-data", "network-rm-nope", "volume-prune-f", "rm-f-api", "network-rm-app",
];

interface Recorded {
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Parses a fixture: `$ docker ARGS`, `--- exit N`, `--- stdout`, text, `--- stderr`, text. */
function load(name: string): Recorded {
  const text = readFileSync(join(import.meta.dirname, "fixtures", `${name}.txt`), "utf8");
  const [command = "", exit = "", ...rest] = text.split("\n");
  const body = rest.join("\n");
  const stdoutStart = body.indexOf("--- stdout\n") + "--- stdout\n".length;
  const stderrMark = body.lastIndexOf("\n--- stderr\n");
  const argv = [...command.slice("$ docker ".length).matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? "").replace(/'\\''/g, "'"));
  return {
    argv,
    exitCode: Number(exit.replace("--- exit ", "")),
    stdout: body.slice(stdoutStart, stderrMark),
    stderr: body.slice(stderrMark + "\n--- stderr\n".length),
  };
}

describe("our CLI prints what the real docker CLI printed", () => {
  it("through a learner's first session", async () => {
    const cli = new CliHarness();
    for (const step of steps) {
      const recorded = load(step);
      const ours = await cli.docker(...recorded.argv);
      // The recorder stores each stream with one extra newline after it.
      const expected = { step, exitCode: recorded.exitCode, stdout: table(recorded.stdout.replace(/\n$/, "")), stderr: table(recorded.stderr.replace(/\n$/, "")) };
      expect({ step, exitCode: ours.exitCode, stdout: table(ours.stdout), stderr: table(ours.stderr) }).toEqual(expected);
      cli.clock.advance(1000);
    }
  });
});
