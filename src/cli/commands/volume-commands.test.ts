import { describe, expect, it } from "vitest";
import { expectGolden } from "../testing/golden.js";
import { CliHarness } from "../testing/harness.js";

describe("docker volume", () => {
  it("create prints the name; ls sorts names in natural order, -q and --format", async () => {
    const cli = new CliHarness();
    for (const name of ["volume-10", "volume-2", "volume-1"]) expect(await cli.docker("volume", "create", name)).toEqual({ stdout: `${name}\n`, stderr: "", exitCode: 0 });
    expectGolden("volume-ls-sort", (await cli.docker("volume", "ls")).stdout);
    expect((await cli.docker("volume", "ls", "-q")).stdout).toBe("volume-1\nvolume-2\nvolume-10\n");
    expect((await cli.docker("volume", "ls", "--format", "{{.Name}}: {{.Mountpoint}}", "-f", "name=volume-1")).stdout).toBe(
      "volume-1: /var/lib/docker/volumes/volume-1/_data\nvolume-10: /var/lib/docker/volumes/volume-10/_data\n",
    );
  });

  it("create takes labels and options, inspect shows them, a missing one is the daemon's 404", async () => {
    const cli = new CliHarness();
    await cli.docker("volume", "create", "--label", "team=db", "-o", "type=tmpfs", "data");
    const [volume] = JSON.parse((await cli.docker("volume", "inspect", "data")).stdout) as Record<string, unknown>[];
    expect(volume).toMatchObject({ Name: "data", Driver: "local", Labels: { team: "db" }, Options: { type: "tmpfs" }, Scope: "local", Mountpoint: "/var/lib/docker/volumes/data/_data" });
    // Without them, neither is sent (volume.CreateOptions is all omitempty): both stay null.
    await cli.docker("volume", "create", "plain");
    const [plain] = JSON.parse((await cli.docker("volume", "inspect", "plain")).stdout) as Record<string, unknown>[];
    expect(plain).toMatchObject({ Labels: null, Options: null });
    expect(await cli.docker("volume", "inspect", "nope")).toEqual({ stdout: "[]\n", stderr: "Error response from daemon: get nope: no such volume\n", exitCode: 1 });
    expect((await cli.docker("volume", "create", "-d", "nfs", "x")).stderr).toBe('Error response from daemon: error looking up volume plugin nfs: plugin "nfs" not found\n');
    expect((await cli.docker("volume", "create", "--name", "a", "b")).stderr).toBe("conflicting options: cannot specify a volume-name through both --name and as a positional arg\n");
  });

  it("rm joins the errors: missing and in use", async () => {
    const cli = new CliHarness();
    await cli.docker("volume", "create", "data");
    await cli.docker("volume", "create", "free");
    await cli.docker("run", "-d", "--name", "db", "-v", "data:/data", "nginx");
    const id = (await cli.docker("inspect", "-f", "{{.Id}}", "db")).stdout.trim();
    expect(await cli.docker("volume", "rm", "data", "nope", "free")).toEqual({
      stdout: "free\n",
      stderr: `Error response from daemon: remove data: volume is in use - [${id}]\nError response from daemon: get nope: no such volume\n`,
      exitCode: 1,
    });
    expect(await cli.docker("volume", "rm", "-f", "nope")).toEqual({ stdout: "nope\n", stderr: "", exitCode: 0 });
  });

  it("prune asks first; with -f removes anonymous volumes only, or all unused with --all", async () => {
    const cli = new CliHarness();
    await cli.docker("volume", "create", "named");
    const anonymous = (await cli.docker("volume", "create")).stdout.trim();
    expect(await cli.docker("volume", "prune")).toEqual({
      stdout: "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ",
      stderr: "",
      exitCode: 0,
    });
    expect((await cli.docker("volume", "prune", "-a")).stdout).toBe("WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ");
    expect(await cli.docker("volume", "prune", "-f")).toEqual({ stdout: `Deleted Volumes:\n${anonymous}\n\nTotal reclaimed space: 0B\n`, stderr: "", exitCode: 0 });
    expect(await cli.docker("volume", "prune", "-f")).toEqual({ stdout: "Total reclaimed space: 0B\n", stderr: "", exitCode: 0 });
    expect(await cli.docker("volume", "prune", "-af")).toEqual({ stdout: "Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("volume", "prune", "-af", "--filter", "all=1")).stderr).toBe("conflicting options: cannot specify both --all and --filter all=1\n");
  });

  it("names the group's Use line, volume COMMAND, for an unknown subcommand", async () => {
    const cli = new CliHarness();
    expect((await cli.docker("volume", "foo")).stderr).toBe(
      "docker: unknown command: docker volume foo\n\nUsage:  docker volume COMMAND\n\nRun 'docker volume --help' for more information\n",
    );
  });
});
