import { beforeEach, describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

let cli: CliHarness;

beforeEach(async () => {
  cli = new CliHarness();
  await cli.docker("pull", "alpine");
});

describe("docker run -it", () => {
  it("gives a shell on a terminal: prompt, echo, output, and the exit status of `exit`", async () => {
    const run = cli.terminal("run", "-it", "--name", "box", "alpine", "sh");
    await run.waitFor("/ # ");
    run.type("echo hello\r");
    await run.waitFor("hello\r\n/ # ");
    run.type("exit 5\r");
    expect(await run.exitCode).toBe(5);
    expect(run.output()).toBe("/ # echo hello\r\nhello\r\n/ # exit 5\r\n");
  });

  it("detaches with Ctrl-P Ctrl-Q and leaves the container running; attach comes back to it", async () => {
    const run = cli.terminal("run", "-it", "--name", "box", "alpine", "sh");
    await run.waitFor("/ # ");
    run.type("\x10\x11");
    expect(await run.exitCode).toBe(0);
    expect((await cli.docker("ps", "--format", "{{.Names}} {{.Status}}")).stdout).toBe("box Up Less than a second\n");
    const attach = cli.terminal("attach", "box");
    attach.type("echo back\r");
    await attach.waitFor("back\r\n/ # ");
    attach.type("exit\r");
    expect(await attach.exitCode).toBe(0);
    expect((await cli.docker("ps", "-a", "--format", "{{.Status}}")).stdout).toBe("Exited (0) Less than a second ago\n");
  });

  it("Ctrl-C reaches the shell through its terminal and does not end it", async () => {
    const run = cli.terminal("run", "-it", "--rm", "alpine", "sh");
    await run.waitFor("/ # ");
    run.type("sleep 100\r");
    await run.waitFor("sleep 100\r\n");
    run.type("\x03");
    await run.waitFor("^C\r\n/ # ");
    run.type("\x04");
    expect(await run.exitCode).toBe(130);
  });
});

describe("docker run -i without a terminal", () => {
  it("reads lines and ends at Ctrl-D", async () => {
    const run = cli.terminal("run", "-i", "--rm", "alpine", "sh");
    run.type("echo one\n");
    await run.waitFor("one\n");
    run.type("echo two\n");
    await run.waitFor("two\n");
    run.endInput();
    expect(await run.exitCode).toBe(0);
  });
});

describe("docker exec -it", () => {
  it("opens a second shell in a running container", async () => {
    await cli.docker("run", "-d", "--name", "web", "nginx");
    const exec = cli.terminal("exec", "-it", "web", "sh");
    await exec.waitFor("# ");
    exec.type("echo inside\r");
    await exec.waitFor("inside\r\n# ");
    exec.type("exit 2\r");
    expect(await exec.exitCode).toBe(2);
  });
});

describe("docker attach", () => {
  it("refuses a stopped container", async () => {
    await cli.docker("create", "--name", "idle", "alpine");
    expect(await cli.docker("attach", "idle")).toEqual({ stdout: "", stderr: "You cannot attach to a stopped container, start it first\n", exitCode: 1 });
  });
});

describe("docker diff and docker commit", () => {
  it("list a container's changes and freeze them into an image that runs", async () => {
    await cli.docker("run", "--name", "c1", "alpine", "sh", "-c", "echo hi > /root/x; rm /etc/motd; mkdir -p /data/a");
    expect((await cli.docker("diff", "c1")).stdout).toBe("A /data\nA /data/a\nC /etc\nD /etc/motd\nC /root\nA /root/x\n");
    const commit = await cli.docker("commit", "-m", "note", "-c", 'CMD ["cat","/root/x"]', "c1", "mine:1");
    expect(commit.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(await cli.docker("run", "--rm", "mine:1")).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
    expect((await cli.docker("run", "--rm", "mine:1", "ls", "/etc/motd")).exitCode).not.toBe(0);
    expect((await cli.docker("image", "inspect", "mine:1", "-f", "{{.Comment}} {{len .RootFS.Layers}}")).stdout).toBe("note 2\n");
  });

  it("refuses a bad repository name before asking the daemon", async () => {
    await cli.docker("create", "--name", "c2", "alpine");
    expect(await cli.docker("commit", "c2", "BAD:x:y")).toMatchObject({ stderr: "invalid reference format: repository name (library/BAD) must be lowercase\n", exitCode: 1 });
    expect(await cli.docker("diff", "nope")).toMatchObject({ stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
  });
});

describe("detaching from docker exec -it", () => {
  it("leaves the exec'd shell running", async () => {
    await cli.docker("run", "-d", "--name", "box", "alpine", "sleep", "1000");
    const exec = cli.terminal("exec", "-it", "box", "sh");
    await exec.waitFor("/ # ");
    exec.type("\x10\x11");
    expect(await exec.exitCode).toBe(0);
    expect((await cli.docker("top", "box")).stdout).toMatch(/ sh\n/);
  });

  it("runs a script that lives on a volume, through sh or directly", async () => {
    await cli.docker("run", "--rm", "-v", "data:/app", "alpine", "sh", "-c", "printf '#!/bin/sh\\necho from the volume\\n' > /app/s.sh");
    expect(await cli.docker("run", "--rm", "-v", "data:/app", "alpine", "sh", "/app/s.sh")).toEqual({ stdout: "from the volume\n", stderr: "", exitCode: 0 });
    const notExecutable = await cli.docker("run", "--rm", "-v", "data:/app", "alpine", "/app/s.sh");
    expect(notExecutable.exitCode).toBe(126);
    await cli.docker("run", "--rm", "-v", "data:/app", "alpine", "chmod", "+x", "/app/s.sh");
    expect(await cli.docker("run", "--rm", "-v", "data:/app", "alpine", "/app/s.sh")).toEqual({ stdout: "from the volume\n", stderr: "", exitCode: 0 });
  });
});

describe("--label-file", () => {
  it("reads labels from a host file, with --label taking precedence", async () => {
    cli.files.set("labels.txt", "# team labels\nteam=web\n\ntier=front\n");
    expect((await cli.docker("create", "--name", "lf", "--label-file", "labels.txt", "--label", "tier=back", "alpine")).exitCode).toBe(0);
    expect((await cli.docker("inspect", "-f", "{{json .Config.Labels}}", "lf")).stdout).toBe('{"team":"web","tier":"back"}\n');
  });
});

describe("Ctrl-C on an attached docker run", () => {
  it("is passed to the container as SIGINT without a TTY, and not with -t", async () => {
    await cli.docker("pull", "nginx");
    const running = async (name: string) => {
      for (let i = 0; i < 200; i++) {
        if ((await cli.docker("ps", "-q", "--filter", `name=${name}`)).stdout !== "") return;
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const plain = cli.terminal("run", "--name", "plain", "nginx");
    await running("plain");
    plain.interrupt();
    expect(await plain.exitCode).toBe(130);
    const withTty = cli.terminal("run", "-t", "--name", "withtty", "nginx");
    await running("withtty");
    withTty.interrupt();
    expect(await withTty.exitCode).toBe(130);
    // nginx stops on SIGINT: only the container without a TTY got one.
    expect((await cli.docker("ps", "-a", "--format", "{{.Names}} {{.State}}")).stdout).toBe("withtty running\nplain exited\n");
  });
});

describe("prune prompts on a terminal", () => {
  it("take an answer: y prunes, anything else cancels", async () => {
    await cli.docker("create", "--name", "stopped", "alpine");
    const no = cli.terminal("container", "prune");
    await no.waitFor("[y/N] ");
    no.type("n\n");
    expect(await no.exitCode).toBe(0);
    expect((await cli.docker("ps", "-aq")).stdout).not.toBe("");
    const yes = cli.terminal("container", "prune");
    await yes.waitFor("[y/N] ");
    yes.type("y\n");
    expect(await yes.exitCode).toBe(0);
    expect(yes.output()).toMatch(/Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect((await cli.docker("ps", "-aq")).stdout).toBe("");
  });
});
