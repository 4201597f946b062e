import { describe, expect, it } from "vitest";
import { expectGolden } from "../testing/golden.js";
import { CliHarness } from "../testing/harness.js";

describe("docker pull and images", () => {
  it("prints the daemon's pull messages and the canonical reference", async () => {
    const cli = new CliHarness();
    const pull = await cli.docker("pull", "nginx");
    expect(pull.exitCode).toBe(0);
    expectGolden("pull-nginx", pull.stdout);
    const again = await cli.docker("pull", "nginx:latest");
    expect(again.stdout).toMatch(/^latest: Pulling from library\/nginx\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    const shared = await cli.docker("pull", "nginx:alpine");
    expect(shared.stdout).not.toContain("Already exists");
    await cli.docker("pull", "alpine");
    expect((await cli.docker("pull", "python:alpine")).stdout).toContain(": Already exists\n");
  });

  it("fails for repositories and tags the registry does not have", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("pull", "nosuchimage")).toEqual({
      stdout: "Using default tag: latest\n",
      stderr: "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    });
    expect((await cli.docker("pull", "alpine:9.99")).stderr).toBe("Error response from daemon: manifest for alpine:9.99 not found: manifest unknown: manifest unknown\n");
    expect((await cli.docker("pull", "Alpine")).stderr).toBe("invalid reference format: repository name (library/Alpine) must be lowercase\n");
    expect((await cli.docker("images", "-q")).stdout).toBe("");
  });

  it("lists one row per tag, newest first", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "-q", "alpine");
    await cli.docker("pull", "-q", "alpine:3.22");
    await cli.docker("pull", "-q", "hello-world");
    expectGolden("images", (await cli.docker("images")).stdout);
    expectGolden("image-ls-digests", (await cli.docker("image", "ls", "--digests")).stdout);
    expect((await cli.docker("images", "-q")).stdout.trim().split("\n")).toHaveLength(2);
  });

  it("removes tags, then images, with Docker's conflicts", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "-q", "alpine");
    await cli.docker("pull", "-q", "alpine:3.22");
    expect(await cli.docker("rmi", "alpine:3.22")).toEqual({ stdout: "Untagged: alpine:3.22\n", stderr: "", exitCode: 0 });
    await cli.docker("create", "--name", "user", "alpine");
    expect((await cli.docker("rmi", "alpine")).stderr).toMatch(
      /^Error response from daemon: conflict: unable to remove repository reference "alpine" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/,
    );
    await cli.docker("rm", "user");
    const removed = await cli.docker("rmi", "alpine");
    // The image, then its one layer, which no other image shares.
    expect(removed.stdout).toMatch(/^Untagged: alpine:latest\nUntagged: alpine@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n$/);
  });
});

describe("docker version and info", () => {
  it("prints the client and server blocks", async () => {
    const cli = new CliHarness();
    expectGolden("version", (await cli.docker("version")).stdout);
    expect((await cli.docker("version", "--format", "{{.Server.Version}}")).stdout).toBe("28.2.2\n");
    const info = await cli.docker("info");
    expect(info.stdout).toContain(" Containers: 0\n  Running: 0\n  Paused: 0\n  Stopped: 0\n Images: 0\n Server Version: 28.2.2\n");
  });

  it("rmi -f reports images already gone but still succeeds, other failures still fail", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("rmi", "-f", "nope")).toEqual({ stdout: "", stderr: "Error response from daemon: No such image: nope:latest\n", exitCode: 0 });
    expect((await cli.docker("rmi", "nope")).exitCode).toBe(1);
  });

  it("version templates use the Go field name APIVersion", async () => {
    const cli = new CliHarness();
    expect((await cli.docker("version", "--format", "{{.Client.APIVersion}} {{.Server.APIVersion}}")).stdout).toBe("1.50 1.50\n");
  });
});
