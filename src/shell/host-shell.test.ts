import * as justBash from "just-bash";
import { describe, expect, it, vi } from "vitest";
import type { TerminalStreams } from "./docker-io.js";
import { HostShell } from "./host-shell.js";
import type { JustBash } from "../bash/index.js";
import { fakeDocker, TestClock } from "./testing/fixtures.js";

function terminal(columns = 80) {
  const controller = new AbortController();
  let text = "";
  const streams: TerminalStreams = {
    write: (t) => {
      text += t;
    },
    columns,
    signal: controller.signal,
  };
  return { streams, controller, text: () => text };
}

/** A just-bash download that arrives only when released. */
function slowLoader() {
  let release: () => void = () => undefined;
  const arrived = new Promise<JustBash>((resolve) => {
    release = () => resolve(justBash);
  });
  const load = vi.fn(() => arrived);
  return { load, release: () => release() };
}

function shell(loadBash: () => Promise<JustBash>) {
  const fake = fakeDocker();
  const history = { entries: () => ["docker ps", "history"], clear: vi.fn() };
  const host = new HostShell({ docker: fake.docker, clock: new TestClock(), history, loadBash });
  return { host, calls: fake.calls, history };
}

describe("HostShell before just-bash has arrived", () => {
  it("runs a literal docker command attached to the terminal without waiting for the download", async () => {
    const loader = slowLoader();
    const { host, calls } = shell(loader.load);
    const t = terminal(120);
    expect(await host.run("docker ps --format '{{.Names}}'", t.streams)).toBe(0);
    expect(t.text()).toBe("CONTAINER ID   IMAGE   NAMES\n");
    expect(calls[0]).toMatchObject({ argv: ["ps", "--format", "{{.Names}}"], isTTY: true });
    expect(calls[0]?.env).toMatchObject({ HOME: "/home/learner", USER: "learner", TERM: "xterm-256color", HOSTNAME: "playground" });
    expect(loader.load).not.toHaveBeenCalled();
  });

  it("answers history, clear and exit itself", async () => {
    const loader = slowLoader();
    const { host, history } = shell(loader.load);
    const t = terminal();
    await host.run("history", t.streams);
    await host.run("clear", t.streams);
    expect(t.text()).toBe("    1  docker ps\n    2  history\n\x1b[H\x1b[2J\x1b[3J");
    await host.run("history -c", t.streams);
    expect(history.clear).toHaveBeenCalledOnce();
    await host.run("exit", t.streams);
    expect(t.text()).toContain("keeps running");
    expect(loader.load).not.toHaveBeenCalled();
  });

  it("waits for the download for anything else, and Ctrl-C ends the wait", async () => {
    const loader = slowLoader();
    const { host } = shell(loader.load);
    const waiting = terminal();
    const pending = host.run("echo hi | tr a-z A-Z", waiting.streams);
    const interrupted = terminal();
    const gaveUp = host.run("echo never", interrupted.streams);
    interrupted.controller.abort();
    expect(await gaveUp).toBe(130);
    loader.release();
    expect(await pending).toBe(0);
    expect(waiting.text()).toBe("HI\n");
    expect(interrupted.text()).toBe("");
    expect(loader.load).toHaveBeenCalledOnce();
  });

  it("reports a failed download and tries again on the next line", async () => {
    const load = vi.fn<() => Promise<JustBash>>()
      .mockRejectedValueOnce(new Error("network is down"))
      .mockResolvedValue(justBash);
    const { host } = shell(load);
    const first = terminal();
    expect(await host.run("ls", first.streams)).toBe(1);
    expect(first.text()).toBe("bash: network is down\n");
    const second = terminal();
    expect(await host.run("ls", second.streams)).toBe(0);
    expect(second.text()).toBe("README.md\n");
  });
});

describe("HostShell with just-bash", () => {
  it("gives docker a non-TTY CLI inside pipelines, with the environment of the command", async () => {
    const { host, calls } = shell(() => Promise.resolve(justBash));
    const t = terminal();
    await host.run("GREETING=hi docker tty | cat", t.streams);
    expect(t.text()).toBe("not a terminal\n");
    expect(calls[0]).toMatchObject({ isTTY: false, env: expect.objectContaining({ GREETING: "hi" }) });
  });

  it("runs on just-bash's browser build, the one the page loads", async () => {
    const { host } = shell(() => import("just-bash/browser"));
    const t = terminal();
    await host.run("cd /tmp && export A=1 && docker ps -q | wc -l", t.streams);
    await host.run(`echo "$A $(pwd) $?"`, t.streams);
    expect(t.text()).toBe("3\n1 /tmp 0\n");
  });

  it("names itself playground and its user learner", async () => {
    const { host } = shell(() => Promise.resolve(justBash));
    const t = terminal();
    await host.run("hostname; whoami; echo $HOSTNAME $USER $HOME", t.streams);
    expect(t.text()).toBe("playground\nlearner\nplayground learner /home/learner\n");
  });
});
