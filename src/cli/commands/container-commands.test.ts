import { describe, expect, it } from "vitest";
import { expectGolden } from "../testing/golden.js";
import { CliHarness } from "../testing/harness.js";

async function withNginx(): Promise<CliHarness> {
  const cli = new CliHarness();
  await cli.docker("pull", "-q", "nginx");
  await cli.docker("pull", "-q", "alpine");
  return cli;
}

describe("docker ps", () => {
  it("prints only the header when nothing runs", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("ps")).toEqual({
      stdout: "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("shows running and exited containers with Docker's columns", async () => {
    const cli = await withNginx();
    const web = await cli.docker("run", "-d", "-p", "8080:80", "--name", "web", "nginx");
    expect(web.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    cli.clock.advance(2 * 60_000);
    await cli.docker("run", "--name", "once", "alpine", "echo", "hi");
    cli.clock.advance(3_000);
    expectGolden("ps-running", (await cli.docker("ps")).stdout);
    expectGolden("ps-all", (await cli.docker("ps", "-a")).stdout);
    expectGolden("ps-all-no-trunc-quiet", (await cli.docker("ps", "-a", "-q", "--no-trunc")).stdout);
    expect((await cli.docker("ps", "--format", "{{.Names}} {{.Status}} {{.Ports}}")).stdout).toBe(
      "web Up 2 minutes 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n",
    );
    expect((await cli.docker("container", "ls", "-a", "--format", "table {{.Names}}\t{{.State}}")).stdout).toBe(
      "NAMES     STATE\nonce      exited\nweb       running\n",
    );
  });

  it("rejects a second container on a published port and leaves it Created", async () => {
    const cli = await withNginx();
    await cli.docker("run", "-d", "-p", "8080:80", "--name", "web", "nginx");
    const clash = await cli.docker("run", "-d", "-p", "8080:80", "--name", "web2", "nginx");
    expect(clash.exitCode).toBe(125);
    expect(clash.stderr).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
    );
    expect((await cli.docker("ps", "-a", "--format", "{{.Names}}={{.Status}}")).stdout).toBe("web2=Created\nweb=Up Less than a second\n");
  });

  it("reports a name already in use with the owner's full id", async () => {
    const cli = await withNginx();
    const first = await cli.docker("create", "--name", "web", "nginx");
    const id = first.stdout.trim();
    const second = await cli.docker("create", "--name", "web", "nginx");
    expect(second).toEqual({
      stdout: "",
      stderr: `Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n`,
      exitCode: 1,
    });
  });
});

describe("container lifecycle", () => {
  it("echoes each name, and reports each failure", async () => {
    const cli = await withNginx();
    expect((await cli.docker("run", "-d", "--name", "a", "nginx")).stderr).toBe(
      "docker: Error response from daemon: Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n\nRun 'docker run --help' for more information\n",
    );
    await cli.docker("run", "-d", "--name", "aa", "nginx");
    await cli.docker("run", "-d", "--name", "bb", "nginx");
    expect(await cli.docker("stop", "aa", "nope", "bb")).toEqual({
      stdout: "aa\nbb\n",
      stderr: "Error response from daemon: No such container: nope\n",
      exitCode: 1,
    });
    expect(await cli.docker("start", "aa", "bb")).toEqual({ stdout: "aa\nbb\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("rm", "aa")).stderr).toBe(
      'Error response from daemon: cannot remove container "aa": container is running: stop the container before removing or force remove\n',
    );
    expect(await cli.docker("rm", "-f", "aa", "gone")).toEqual({ stdout: "aa\n", stderr: "Error response from daemon: No such container: gone\n", exitCode: 0 });
    const kill = await cli.docker("kill", "bb");
    expect(kill).toEqual({ stdout: "bb\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("ps", "-a", "--format", "{{.Names}} {{.Status}}")).stdout).toBe("bb Exited (137) Less than a second ago\n");
    expect((await cli.docker("kill", "bb")).stderr).toMatch(/^Error response from daemon: cannot kill container: bb: container [0-9a-f]{64} is not running\n$/);
  });

  it("runs attached and exits with the container's code", async () => {
    const cli = await withNginx();
    expect(await cli.docker("run", "--rm", "alpine", "sh", "-c", "echo out; echo err >&2; exit 3")).toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 3 });
    expect((await cli.docker("ps", "-aq")).stdout).toBe("");
    const missing = await cli.docker("run", "alpine", "nonexistent");
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr).toContain('exec: "nonexistent": executable file not found in $PATH');
  });

  it("gives the process Docker's environment and the container's hostname", async () => {
    const cli = await withNginx();
    const id = (await cli.docker("create", "--name", "box", "-e", "GREETING=hi", "alpine", "sh", "-c", "echo $(hostname) $HOSTNAME; env | sort")).stdout.trim();
    expect((await cli.docker("start", "-a", "box")).stdout).toBe(
      `${id.slice(0, 12)} ${id.slice(0, 12)}\nGREETING=hi\nHOME=/root\nHOSTNAME=${id.slice(0, 12)}\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPWD=/\nSHLVL=1\n`,
    );
  });

  it("pulls a missing image before running, on stderr", async () => {
    const cli = new CliHarness();
    const result = await cli.docker("run", "hello-world");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Hello from the Docker playground!");
    expectGolden("run-pulls-hello-world.stderr", result.stderr);
  });

  it("prints logs and inspect output", async () => {
    const cli = await withNginx();
    await cli.docker("run", "--name", "hi", "alpine", "echo", "hello");
    expect(await cli.docker("logs", "hi")).toEqual({ stdout: "hello\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("logs", "-t", "hi")).stdout).toBe("2026-01-15T09:00:00.000000000Z hello\n");
    expect((await cli.docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}} {{.Config.Image}}", "hi")).stdout).toBe("exited 0 alpine\n");
    const inspect = await cli.docker("container", "inspect", "hi");
    const parsed = JSON.parse(inspect.stdout) as { Name: string; State: { Status: string } }[];
    expect(parsed[0]?.Name).toBe("/hi");
    expect(inspect.stdout.split("\n")[1]).toBe("    {");
    expect(await cli.docker("inspect", "nope")).toEqual({ stdout: "[]\n", stderr: "Error: No such object: nope\n", exitCode: 1 });
    expect(await cli.docker("logs", "nope")).toEqual({ stdout: "", stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
  });
});

describe("docker logs -f", () => {
  it("follows new lines and stops at Ctrl-C", async () => {
    const cli = await withNginx();
    await cli.docker("run", "-d", "--name", "web", "nginx");
    const controller = new AbortController();
    let out = "";
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t), isTTY: true, columns: 80, env: {}, now: () => cli.clock.now(), randomFill: (b: Uint8Array) => b.fill(0xa5), signal: controller.signal };
    const { runDocker } = await import("../docker.js");
    const following = runDocker(["logs", "-f", "web"], io, cli.client);
    await new Promise((r) => setTimeout(r, 0));
    expect(out).toContain("Configuration complete; ready for start up");
    controller.abort();
    const outcome = await Promise.race([following, new Promise((r) => setTimeout(() => r("still following"), 500))]);
    expect(outcome).toBe(0);
    expect((await cli.docker("ps", "--format", "{{.Names}}")).stdout).toBe("web\n");
  });

  it("ends by itself when the container stops", async () => {
    const cli = await withNginx();
    await cli.docker("run", "-d", "--name", "web", "nginx");
    let out = "";
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t), isTTY: true, columns: 80, env: {}, now: () => cli.clock.now(), randomFill: (b: Uint8Array) => b.fill(0xa5) };
    const { runDocker } = await import("../docker.js");
    const following = runDocker(["logs", "-f", "web"], io, cli.client);
    await new Promise((r) => setTimeout(r, 0));
    await cli.docker("stop", "web");
    expect(await following).toBe(0);
    expect(out).toContain("signal 3 (SIGQUIT) received, graceful shutdown");
  });
});
