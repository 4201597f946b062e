// Behaviours found by running the real docker CLI 28.2.2 beside ours (test/integration/cli-corpus).
import { describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

describe("quirks of the real CLI", () => {
  it("treats a bare --format table as the default table in ps and images", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "alpine");
    expect((await cli.docker("ps", "--format", "table")).stdout).toBe((await cli.docker("ps")).stdout);
    expect((await cli.docker("images", "--format", "table")).stdout).toBe((await cli.docker("images")).stdout);
    expect((await cli.docker("ps", "--format", "table")).stdout).toMatch(/^CONTAINER ID {3}IMAGE/);
  });

  it("lists every inspect type, swarm ones included, for an unknown --type", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("inspect", "--type", "bogus", "x")).toEqual({
      stdout: "",
      stderr:
        'unknown type: "bogus": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
      exitCode: 1,
    });
  });

  it("pulls the image before reporting a missing network, since create answered 404", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "alpine");
    const run = await cli.docker("run", "--network", "nope", "alpine");
    expect(run.exitCode).toBe(125);
    expect(run.stderr).toMatch(/^Unable to find image 'alpine:latest' locally\nlatest: Pulling from library\/alpine\n/);
    expect(run.stderr).toMatch(/Status: Image is up to date for alpine:latest\ndocker: Error response from daemon: network nope not found\n/);
  });
});

describe("byte-size flags", () => {
  it("reject a bad size while parsing flags, with the usage block and exit 125", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("update", "--memory", "bogus", "x")).toEqual({
      stdout: "",
      stderr:
        "invalid argument \"bogus\" for \"-m, --memory\" flag: invalid size: 'bogus'\n\nUsage:  docker update [OPTIONS] CONTAINER [CONTAINER...]\n\nRun 'docker update --help' for more information\n",
      exitCode: 125,
    });
  });
});

describe("docker run -d --attach", () => {
  it("is refused after parsing, printed bare with exit 1, and creates nothing", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "alpine");
    expect(await cli.docker("run", "-d", "--attach", "stdout", "alpine")).toEqual({
      stdout: "",
      stderr: "conflicting options: cannot specify both --attach and --detach\n",
      exitCode: 1,
    });
    expect((await cli.docker("ps", "-aq")).stdout).toBe("");
  });
});
