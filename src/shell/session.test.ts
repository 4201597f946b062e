import { describe, expect, it, vi } from "vitest";
import { DockerClient, InProcessTransport } from "../client/index.js";
import { Engine, ManualClock, SeededIdSource } from "../engine/index.js";
import { clearSequence } from "./builtins.js";
import { ShellSession, type ShellSessionOptions } from "./session.js";
import { renderPrompt } from "./terminal-output.js";
import { fakeDocker, TestClock } from "./testing/fixtures.js";
import type { FileChanges } from "./tracked-fs.js";

const home = renderPrompt("/home/learner");

function harness(extra: Partial<ShellSessionOptions> = {}) {
  let screen = "";
  let finished = 0;
  const clock = new TestClock();
  const fake = fakeDocker();
  const histories: string[][] = [];
  const changes: FileChanges[] = [];
  const session = new ShellSession({
    docker: fake.docker,
    write: (data) => {
      screen += data;
    },
    clock,
    cols: 80,
    rows: 24,
    onHistory: (h) => histories.push(h),
    onFilesChanged: (c) => changes.push(c),
    onCommandFinished: () => {
      finished++;
    },
    ...extra,
  });
  session.start();
  return {
    session,
    clock,
    calls: fake.calls,
    histories,
    changes,
    /** Everything written since the last take. */
    take(): string {
      const out = screen;
      screen = "";
      return out;
    },
    peek: () => screen,
    /** Types a line and waits for its command to finish; returns what the screen received. */
    async run(line: string): Promise<string> {
      this.take();
      const before = finished;
      session.input(`${line}\r`);
      await vi.waitFor(() => expect(finished).toBeGreaterThan(before), { timeout: 4000 });
      return this.take();
    },
  };
}

describe("ShellSession: start", () => {
  it("shows the welcome and a coloured prompt at once, before the shell has loaded", () => {
    const h = harness();
    const out = h.take();
    expect(out).toMatch(/^Welcome to the Docker playground[^\n]*\r\n/);
    expect(out.endsWith(`\r\n${home}`)).toBe(true);
    expect(home).toBe("\x1b[01;32mlearner@playground\x1b[00m:\x1b[01;34m~\x1b[00m$ ");
  });
});

describe("ShellSession: commands through the shell", () => {
  it("runs redirections and && and reports the file it wrote", async () => {
    const h = harness();
    expect(await h.run("echo hi > notes.txt && cat notes.txt")).toBe(
      `echo hi > notes.txt && cat notes.txt\r\nhi\r\n${home}`,
    );
    expect(h.changes.at(-1)?.["/home/learner/notes.txt"]).toBe("hi\n");
    await h.run("rm notes.txt");
    expect(h.changes.at(-1)).toEqual({ "/home/learner/notes.txt": null });
  });

  it("pipes docker's output, not as a terminal, into wc", async () => {
    const h = harness();
    expect(await h.run("docker ps -q | wc -l")).toBe(`docker ps -q | wc -l\r\n3\r\n${home}`);
    expect(h.calls).toEqual([expect.objectContaining({ argv: ["ps", "-q"], isTTY: false })]);
  });

  it("substitutes $(docker ps -q) into another docker command", async () => {
    const h = harness();
    const out = await h.run("docker rm $(docker ps -q)");
    expect(out).toBe(`docker rm $(docker ps -q)\r\naaa111\r\nbbb222\r\nccc333\r\n${home}`);
    expect(h.calls.map((c) => c.argv)).toEqual([["ps", "-q"], ["rm", "aaa111", "bbb222", "ccc333"]]);
  });

  it("keeps the working directory between lines and shows it in the prompt", async () => {
    const h = harness();
    expect(await h.run("mkdir -p site/css && cd site")).toBe(`mkdir -p site/css && cd site\r\n${renderPrompt("/home/learner/site")}`);
    expect(await h.run("cd css; pwd")).toContain("/home/learner/site/css\r\n");
    expect(await h.run("cd /")).toBe(`cd /\r\n${renderPrompt("/")}`);
    expect(await h.run("cd")).toBe(`cd\r\n${home}`);
  });

  it("keeps exported and plain variables, aliases and $? between lines", async () => {
    const h = harness();
    await h.run("export GREETING=hello; PLAIN=kept");
    expect(await h.run("echo $GREETING $PLAIN")).toContain("hello kept\r\n");
    expect(await h.run(`bash -c 'echo "[$GREETING] [$PLAIN]"'`)).toContain("[hello] []\r\n");
    await h.run("alias hi='echo aliased'");
    expect(await h.run("hi")).toContain("aliased\r\n");
    await h.run("false");
    expect(await h.run("echo $?")).toContain("\r\n1\r\n");
    await h.run("unset GREETING");
    expect(await h.run('echo "[$GREETING]"')).toContain("[]\r\n");
  });

  it("hands exported variables to docker, attached or piped", async () => {
    const h = harness();
    await h.run("export DOCKER_HOST=tcp://example:2375");
    expect(await h.run("docker getenv DOCKER_HOST")).toContain("DOCKER_HOST=tcp://example:2375\r\n");
    expect(await h.run("docker getenv DOCKER_HOST | cat")).toContain("DOCKER_HOST=tcp://example:2375\r\n");
    await h.run("NOT_EXPORTED=1");
    expect(await h.run("docker getenv NOT_EXPORTED")).toContain("NOT_EXPORTED=(unset)");
  });

  it("stops a runaway loop with an error and gives the prompt back", async () => {
    const h = harness();
    const out = await h.run("while true; do :; done");
    expect(out).toContain("too many commands executed");
    expect(out.endsWith(home)).toBe(true);
  });

  it("starts a new line for the prompt when output does not end with one", async () => {
    const h = harness();
    expect(await h.run("printf hi")).toBe(`printf hi\r\nhi\r\n${home}`);
  });
});

describe("ShellSession: docker attached to the terminal", () => {
  it("runs a plain docker command as a TTY and streams until Ctrl-C", async () => {
    const h = harness();
    h.take();
    h.session.input("docker logs -f web\r");
    await vi.waitFor(() => expect(h.peek()).toContain("log line 1\r\n"));
    expect(h.calls[0]).toMatchObject({ argv: ["logs", "-f", "web"], isTTY: true });
    h.session.input("\x03");
    await vi.waitFor(() => expect(h.peek().endsWith(home)).toBe(true));
    expect(h.take()).toBe(`docker logs -f web\r\nlog line 1\r\n^C\r\n${home}`);
    expect(await h.run("echo $?")).toContain("\r\n130\r\n");
  });

  it("tells the CLI the terminal's width, and keeps a CLI crash inside the command", async () => {
    const h = harness({ cols: 100 });
    expect(await h.run("docker tty")).toContain("a terminal 100 wide\r\n");
    expect(await h.run("docker throw")).toBe(`docker throw\r\ndocker: something broke inside the CLI\r\n${home}`);
  });

  it("reads host files relative to the shell's directory", async () => {
    const h = harness();
    await h.run("mkdir app && echo 'PORT=80' > app/.env && cd app");
    expect(await h.run("docker cat-host .env")).toContain("PORT=80\r\n");
    expect(await h.run("docker cat-host .env | cat")).toContain("PORT=80\r\n");
  });
});

describe("ShellSession: the terminal around commands", () => {
  it("interrupts a long shell command with Ctrl-C", async () => {
    const h = harness();
    await h.run("true");
    h.session.input("sleep 100\r");
    await vi.waitFor(() => expect(h.clock.pending).toBe(1));
    h.take();
    h.session.input("\x03");
    await vi.waitFor(() => expect(h.peek().endsWith(home)).toBe(true));
    expect(h.take()).toBe(`^C\r\n${home}`);
  });

  it("gives the prompt back on a second Ctrl-C when a command ignores the first", async () => {
    const h = harness();
    h.take();
    h.session.input("docker hang\r");
    await vi.waitFor(() => expect(h.calls).toHaveLength(1));
    h.session.input("\x03");
    expect(h.take()).toBe("docker hang\r\n^C");
    h.session.input("\x03");
    expect(h.take()).toBe(`\r\n${home}`);
    expect(await h.run("echo still here")).toContain("still here\r\n");
  });

  it("lets an alias named like a command take precedence over the direct docker path", async () => {
    const h = harness();
    await h.run("alias docker='echo not really docker'");
    expect(await h.run("docker ps")).toContain("not really docker ps\r\n");
    expect(h.calls).toEqual([]);
  });

  it("buffers keystrokes typed while a command runs and replays them after", async () => {
    const h = harness();
    await h.run("true");
    h.session.input("sleep 5\r");
    await vi.waitFor(() => expect(h.clock.pending).toBe(1));
    h.take();
    h.session.input("echo typed");
    h.session.input(" ahead\r");
    expect(h.peek()).toBe("");
    h.clock.advance(5000);
    await vi.waitFor(() => expect(h.peek()).toContain("typed ahead\r\n"));
    await vi.waitFor(() => expect(h.peek().endsWith(home)).toBe(true));
    expect(h.take()).toBe(`${home}echo typed ahead\r\ntyped ahead\r\n${home}`);
  });

  it("walks history with the arrows and reports it", async () => {
    const h = harness({ history: ["docker ps"] });
    await h.run("echo one");
    await h.run("echo two");
    expect(h.histories.at(-1)).toEqual(["docker ps", "echo one", "echo two"]);
    h.session.input("\x1b[A\x1b[A");
    expect(h.take()).toBe("echo two\x1b[3Done");
    expect(await h.run("")).toBe(`\r\none\r\n${home}`);
    expect(await h.run("history 2")).toBe(`history 2\r\n    4  echo one\r\n    5  history 2\r\n${home}`);
  });

  it("types a command from the UI visibly and queues one sent while another runs", async () => {
    const h = harness();
    await h.run("true");
    h.session.input("sleep 1\r");
    await vi.waitFor(() => expect(h.clock.pending).toBe(1));
    h.take();
    h.session.runCommand("echo from-ui");
    expect(h.peek()).toBe("");
    h.clock.advance(1000);
    await vi.waitFor(() => expect(h.peek()).toContain("from-ui\r\n"));
    await vi.waitFor(() => expect(h.peek().endsWith(home)).toBe(true));
    expect(h.take()).toBe(`${home}echo from-ui\r\nfrom-ui\r\n${home}`);
    expect(h.histories.at(-1)?.at(-1)).toBe("echo from-ui");
  });

  it("clears the screen with clear, and explains that exit does not end the playground", async () => {
    const h = harness();
    expect(await h.run("clear")).toBe(`clear\r\n${clearSequence}${home}`);
    const out = await h.run("exit");
    expect(out).toContain("keeps running");
    expect(out.endsWith(home)).toBe(true);
  });

  it("redraws the line after a resize narrows the terminal", () => {
    const h = harness({ cols: 40 });
    h.session.resize(30, 24);
    h.take();
    h.session.input("x".repeat(8));
    // The prompt is 22 columns wide: 8 more characters end exactly at the new margin.
    expect(h.take()).toBe(`${"x".repeat(8)} \r`);
  });
});

describe("ShellSession: host files", () => {
  it("seeds a README in a new home directory and reports it with the first command", async () => {
    const h = harness();
    expect(await h.run("ls")).toContain("README.md");
    expect(Object.keys(h.changes[0] ?? {})).toEqual(["/home/learner/README.md"]);
  });

  it("restores saved files without reporting them, and reports only what changed", async () => {
    const h = harness({ files: { "/home/learner/site/index.html": "<h1>hello</h1>\n" } });
    expect(await h.run("ls; cat site/index.html")).toContain("site\r\n<h1>hello</h1>\r\n");
    expect(h.changes).toEqual([]);
    await h.run("mv site www && echo more >> www/index.html");
    expect(h.changes).toEqual([
      { "/home/learner/site/index.html": null, "/home/learner/www/index.html": "<h1>hello</h1>\nmore\n" },
    ]);
  });

  it("starts over on reset with other files and history", async () => {
    const h = harness();
    await h.run("cd /tmp; export X=1");
    h.session.reset({ "/home/learner/notes.md": "# notes\n" }, ["echo restored"]);
    expect(h.take()).toMatch(new RegExp(`^${escape(clearSequence)}Welcome[^]*${escape(home)}$`));
    expect(await h.run('ls; echo "[$X]"')).toContain("notes.md\r\n[]\r\n");
    h.session.input("\x1b[A\x1b[A");
    expect(h.take()).toContain("echo restored");
  });
});

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

describe("ShellSession: Tab completion of the daemon's objects", () => {
  it("lists containers through the client, holding back what is typed meanwhile", async () => {
    const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(1) });
    const client = new DockerClient(new InProcessTransport(engine.handle));
    for await (const _ of await client.imagePull("docker.io/library/alpine", "latest"));
    await client.containerCreate({ Image: "alpine" }, "web");
    const h = harness({ client: () => client });
    h.take();
    // The first Tab also fetches the CLI's command tree (docker-cli.ts): cold, that takes a while.
    h.session.input("docker start w\t-");
    await vi.waitFor(() => expect(h.peek()).toBe("docker start web -"), { timeout: 15_000 });
  });
});
