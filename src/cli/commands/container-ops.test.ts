import { describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

async function withWeb(): Promise<{ cli: CliHarness; id: string }> {
  const cli = new CliHarness();
  await cli.docker("pull", "-q", "nginx");
  await cli.docker("pull", "-q", "alpine");
  const id = (await cli.docker("run", "-d", "--name", "web", "-p", "8080:80", "nginx")).stdout.trim();
  return { cli, id };
}

describe("docker pause / unpause", () => {
  it("shows (Paused) in ps and reports Docker's errors", async () => {
    const { cli, id } = await withWeb();
    cli.clock.advance(5000);
    expect(await cli.docker("pause", "web")).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("ps", "--format", "{{.Names}}: {{.Status}} {{.State}}")).stdout).toBe("web: Up 5 seconds (Paused) paused\n");
    expect(await cli.docker("pause", "web", "nope")).toEqual({
      stdout: "",
      stderr: `Error response from daemon: Container ${id} is already paused\nError response from daemon: No such container: nope\n`,
      exitCode: 1,
    });
    expect(await cli.docker("exec", "web", "echo", "hi")).toEqual({
      stdout: "",
      stderr: "Error response from daemon: Container web is paused, unpause the container before exec\n",
      exitCode: 1,
    });
    expect(await cli.docker("container", "unpause", "web")).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("unpause", "web")).stderr).toBe(`Error response from daemon: Container ${id} is not paused\n`);
    expect(await cli.docker("pause")).toEqual({
      stdout: "",
      stderr: "docker: 'docker pause' requires at least 1 argument\n\nUsage:  docker pause CONTAINER [CONTAINER...]\n\nSee 'docker pause --help' for more information\n",
      exitCode: 1,
    });
  });
});

describe("docker rename", () => {
  it("renames, and on failure prints the daemon's error then its own", async () => {
    const { cli } = await withWeb();
    await cli.docker("create", "--name", "db", "alpine");
    expect(await cli.docker("rename", "web", "site")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await cli.docker("ps", "--format", "{{.Names}}")).stdout).toBe("site\n");
    const clash = await cli.docker("container", "rename", "site", "db");
    expect(clash.exitCode).toBe(1);
    expect(clash.stderr).toMatch(
      /^Error response from daemon: Error when allocating new name: Conflict\. The container name "\/db" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\nError: failed to rename container named site\n$/,
    );
    expect(await cli.docker("rename", "nope", "x1")).toEqual({
      stdout: "",
      stderr: "Error response from daemon: No such container: nope\nError: failed to rename container named nope\n",
      exitCode: 1,
    });
    expect(await cli.docker("rename", "site", " ")).toEqual({ stdout: "", stderr: "Error: Neither old nor new names may be empty\n", exitCode: 1 });
    expect((await cli.docker("rename", "site")).stderr).toBe(
      "docker: 'docker rename' requires 2 arguments\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRun 'docker rename --help' for more information\n",
    );
  });
});

describe("docker port", () => {
  it("lists mappings, looks one up, and names a port that is not published", async () => {
    const { cli } = await withWeb();
    expect(await cli.docker("port", "web")).toEqual({ stdout: "80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("port", "web", "80/tcp")).stdout).toBe("0.0.0.0:8080\n[::]:8080\n");
    expect(await cli.docker("port", "web", "443")).toEqual({ stdout: "", stderr: "Error: No public port '443' published for web\n", exitCode: 1 });
    expect((await cli.docker("port", "web", "http")).stderr).toBe('Error: invalid port (http): strconv.ParseUint: parsing "http": invalid syntax\n');
    expect((await cli.docker("port", "nope")).stderr).toBe("Error response from daemon: No such container: nope\n");
    expect((await cli.docker("port", "web", "80", "81")).stderr).toBe(
      "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information\n",
    );
  });
});

describe("docker top and stats", () => {
  it("prints ps columns at least 20 wide", async () => {
    const { cli, id } = await withWeb();
    const pid = String(cli.engine.containers.get(id).State.Pid);
    const row = ["root", pid, String(Number(pid) - 21), "0", "09:00", "?", "00:00:00"].map((c) => c.padEnd(20)).join("");
    expect(await cli.docker("top", "web")).toEqual({
      stdout: `UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD\n${row}nginx -g daemon off;\n`,
      stderr: "",
      exitCode: 0,
    });
    await cli.docker("stop", "web");
    expect((await cli.docker("top", "web")).stderr).toBe(`Error response from daemon: container ${id} is not running\n`);
  });

  it("prints one stats table with --no-stream", async () => {
    const { cli, id } = await withWeb();
    await cli.docker("update", "-m", "256m", "web");
    expect(await cli.docker("stats", "--no-stream")).toEqual({
      stdout:
        "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O     BLOCK I/O     PIDS\n" +
        `${id.slice(0, 12)}   web       0.00%     9.6MiB / 256MiB     3.75%     872B / 0B   0B / 1.09kB   1\n`,
      stderr: "",
      exitCode: 0,
    });
    expect((await cli.docker("container", "stats", "--no-stream", "--format", "{{.Container}} {{.Name}} {{.MemPerc}}", "web")).stdout).toBe("web web 3.75%\n");
  });
});

describe("docker update", () => {
  it("changes the restart policy and limits, echoing each container", async () => {
    const { cli } = await withWeb();
    expect(await cli.docker("update", "--restart", "on-failure:3", "--cpus", "1.5", "web")).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("inspect", "-f", "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{.HostConfig.NanoCpus}}", "web")).stdout).toBe(
      "on-failure:3 1500000000\n",
    );
    expect(await cli.docker("update", "web")).toEqual({ stdout: "", stderr: "you must provide one or more flags when using this command\n", exitCode: 1 });
    expect((await cli.docker("update", "--restart", "sometimes", "web")).stderr).toBe(
      "Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n",
    );
  });
});

describe("docker wait", () => {
  it("prints the exit code, waiting for a running container", async () => {
    const { cli } = await withWeb();
    await cli.docker("run", "--name", "three", "alpine", "sh", "-c", "exit 3");
    expect(await cli.docker("wait", "three", "nope")).toEqual({ stdout: "3\n", stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
    const waiting = cli.docker("container", "wait", "web");
    await new Promise((r) => setTimeout(r, 0));
    await cli.docker("kill", "web");
    expect(await waiting).toEqual({ stdout: "137\n", stderr: "", exitCode: 0 });
  });
});

describe("docker container prune", () => {
  it("asks first; declines without an answer; -f removes stopped containers", async () => {
    const { cli } = await withWeb();
    const once = (await cli.docker("create", "--name", "once", "alpine")).stdout.trim();
    expect(await cli.docker("container", "prune")).toEqual({
      stdout: "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ",
      stderr: "",
      exitCode: 0,
    });
    expect(await cli.docker("container", "prune", "-f")).toEqual({ stdout: `Deleted Containers:\n${once}\n\nTotal reclaimed space: 0B\n`, stderr: "", exitCode: 0 });
    expect(await cli.docker("container", "prune", "--force")).toEqual({ stdout: "Total reclaimed space: 0B\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("prune")).stderr).toBe("docker: unknown command: docker prune\n\nRun 'docker --help' for more information\n");
  });
});

describe("docker exec", () => {
  it("runs commands, passes the exit code through, and reports errors", async () => {
    const { cli, id } = await withWeb();
    expect(await cli.docker("exec", "web", "echo", "hi")).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
    expect(await cli.docker("exec", "-e", "GREETING=hello", "web", "sh", "-c", "echo $HOSTNAME $GREETING; echo oops >&2; exit 5")).toEqual({
      stdout: `${id.slice(0, 12)} hello\n`,
      stderr: "oops\n",
      exitCode: 5,
    });
    expect(await cli.docker("container", "exec", "web", "nope")).toEqual({
      stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown\r\n',
      stderr: "",
      exitCode: 127,
    });
    expect(await cli.docker("exec", "-d", "web", "sleep", "10")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(await cli.docker("exec", "nope", "echo")).toEqual({ stdout: "", stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
    expect(await cli.docker("exec", "-it", "web", "sh")).toEqual({ stdout: "", stderr: "the input device is not a TTY\n", exitCode: 1 });
    await cli.docker("stop", "web");
    expect(await cli.docker("exec", "web", "echo", "hi")).toEqual({ stdout: "", stderr: `Error response from daemon: container ${id} is not running\n`, exitCode: 1 });
    expect((await cli.docker("exec", "web")).stderr).toBe(
      "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n",
    );
  });
});
