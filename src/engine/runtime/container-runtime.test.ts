import { describe, expect, it } from "vitest";
import { dir, exe, layerOf, link } from "../fs/layer-builder.js";
import { LayeredFs } from "../fs/layered-fs.js";
import { ManualClock } from "../ports.js";
import { ContainerProcess } from "./container-process.js";
import { resolveCommand } from "./resolve-command.js";

const image = layerOf(
  {
    "/bin/busybox": exe("\x7fELF busybox"),
    "/bin/sh": link("/bin/busybox"),
    "/bin/ls": link("/bin/busybox"),
    "/bin/sleep": link("/bin/busybox"),
    "/bin/cat": link("/bin/busybox"),
    "/etc/os-release": 'NAME="Alpine Linux"\n',
    "/etc/passwd": "root:x:0:0:root:/root:/bin/sh\n",
    "/usr/local/bin/run.sh": exe("#!/bin/sh\necho from script \"$1\"\n"),
    "/usr/local/bin/notexec": "plain\n",
    "/root": dir(0o700),
    "/tmp": dir(0o1777),
  },
  "2025-10-08T11:04:53Z",
);

const env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root"];

function container(argv: string[], options: { tty?: boolean; stdin?: boolean } = {}) {
  const clock = new ManualClock(Date.parse("2026-01-15T09:00:00Z"));
  const root = new LayeredFs({ lowers: [image], upper: new Map(), now: () => clock.now() });
  const out: string[] = [];
  let code: number | undefined;
  const resolved = resolveCommand(argv, env, root);
  if (!resolved.ok) return { resolved, out, root, clock, process: undefined, code: () => code };
  const process = new ContainerProcess({
    argv: resolved.argv,
    env,
    hostname: "c0ffee123456",
    tty: options.tty ?? false,
    init: false,
    openStdin: options.stdin ?? false,
    clock,
    fs: () => root,
    root,
    cwd: "/",
    user: "",
    onOutput: (_stream, text) => out.push(text),
    onExit: (c) => {
      code = c;
    },
  });
  process.start(resolved.program);
  return { resolved, out, root, clock, process, code: () => code };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe("command resolution against the container's files", () => {
  it("looks names up along PATH and fails as runc does", () => {
    expect(resolveCommand(["nope"], env, container(["sh"]).root)).toEqual({ ok: false, exitCode: 127, reason: "executable file not found in $PATH" });
    const root = container(["sh"]).root;
    expect(resolveCommand(["/bin/nope"], env, root)).toEqual({ ok: false, exitCode: 127, reason: "stat /bin/nope: no such file or directory" });
    expect(resolveCommand(["/usr/local/bin/notexec"], env, root)).toMatchObject({ ok: false, exitCode: 126, reason: "permission denied" });
    expect(resolveCommand(["/etc"], env, root)).toMatchObject({ ok: false, exitCode: 126 });
    expect(resolveCommand(["ls", "/"], env, root)).toMatchObject({ ok: true });
  });
});

describe("programs over the container's files", () => {
  it("runs ordinary commands through just-bash on the image's files", async () => {
    const c = container(["cat", "/etc/os-release"]);
    await until(() => c.code() !== undefined);
    expect(c.out.join("")).toBe('NAME="Alpine Linux"\n');
    expect(c.code()).toBe(0);
  });

  it("runs #! scripts found on PATH with their arguments", async () => {
    const c = container(["run.sh", "x y"]);
    await until(() => c.code() !== undefined);
    expect(c.out.join("")).toBe("from script x y\n");
  });

  it("writes to the container's own layer", async () => {
    const c = container(["sh", "-c", "echo hello > /tmp/note && cat /tmp/note"]);
    await until(() => c.code() !== undefined);
    expect(c.out.join("")).toBe("hello\n");
    expect(c.root.changes()).toEqual([
      { Path: "/tmp", Kind: 0 },
      { Path: "/tmp/note", Kind: 1 },
    ]);
  });

  it("streams a loop's output as it goes, on the engine clock", async () => {
    const c = container(["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 1; done; echo done"]);
    await until(() => c.out.length === 1 && c.clock.pending === 1);
    expect(c.out).toEqual(["tick 1\n"]);
    c.clock.advance(1000);
    await until(() => c.out.length === 2 && c.clock.pending === 1);
    expect(c.out[1]).toBe("tick 2\n");
    c.clock.advance(1000);
    await until(() => c.out.length === 3 && c.clock.pending === 1);
    c.clock.advance(1000);
    await until(() => c.code() !== undefined);
    expect(c.out.join("")).toBe("tick 1\ntick 2\ntick 3\ndone\n");
  });
});

describe("streamed output keeps its order", () => {
  it("pipelines stream as they finish, and stderr and stdout interleave as written", async () => {
    const c = container(["sh", "-c", "for i in 1 2; do echo line $i | cat; sleep 1; done; nope; echo after"]);
    await until(() => c.out.length === 1 && c.clock.pending === 1);
    expect(c.out).toEqual(["line 1\n"]);
    c.clock.advance(1000);
    await until(() => c.out.length === 2 && c.clock.pending === 1);
    c.clock.advance(1000);
    await until(() => c.code() !== undefined);
    expect(c.out.join("")).toBe("line 1\nline 2\nsh: nope: not found\nafter\n");
  });
});

describe("an interactive shell on a terminal", () => {
  it("echoes typed keys, runs lines with the prompt of the image, and keeps cd between lines", async () => {
    const c = container(["/bin/sh"], { tty: true, stdin: true });
    await until(() => c.out.join("").endsWith("/ # "));
    c.process?.write("cd /tmp\r");
    await until(() => c.out.join("").endsWith("/tmp # "));
    c.process?.write("echo hi > f; cat f; pwd\r");
    await until(() => c.out.join("").endsWith("/tmp # ") && c.out.join("").includes("hi\r\n/tmp\r\n"));
    c.process?.write("exit 3\r");
    await until(() => c.code() !== undefined);
    expect(c.code()).toBe(3);
    expect(c.out.join("")).toBe("/ # cd /tmp\r\n/tmp # echo hi > f; cat f; pwd\r\nhi\r\n/tmp\r\n/tmp # exit 3\r\n");
  });

  it("Ctrl-C abandons the line, Ctrl-D on an empty line ends the shell", async () => {
    const c = container(["sh"], { tty: true, stdin: true });
    await until(() => c.out.join("").endsWith("/ # "));
    c.process?.write("sleep 100\r");
    await until(() => c.out.join("").endsWith("sleep 100\r\n"));
    c.process?.write("\x03");
    await until(() => c.out.join("").endsWith("^C\r\n/ # "));
    c.process?.write("\x04");
    await until(() => c.code() !== undefined);
    expect(c.code()).toBe(130);
  });

  it("reads piped input without a terminal: no prompt, no echo", async () => {
    const c = container(["sh"], { stdin: true });
    c.process?.write("echo one\necho two\n");
    c.process?.closeStdin();
    await until(() => c.code() !== undefined);
    expect(c.out.join("")).toBe("one\ntwo\n");
    expect(c.code()).toBe(0);
  });
});

describe("killing a script", () => {
  it("stops its loop at once instead of letting it spin without sleeping", async () => {
    const c = container(["sh", "-c", "while true; do echo tick; sleep 1; done"]);
    await until(() => c.out.length === 1 && c.clock.pending === 1);
    c.process?.signal("SIGKILL");
    expect(c.code()).toBe(137);
    const before = c.out.length;
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
    expect(c.out.length).toBe(before);
  });
});

describe("ls on a terminal", () => {
  it("lays names out in columns on a tty, one per line through a pipe or without a tty", async () => {
    const tty = container(["ls", "/"], { tty: true });
    await until(() => tty.code() !== undefined);
    expect(tty.out.join("")).toBe("bin  etc  root  tmp  usr\r\n");
    const plain = container(["sh", "-c", "ls /; ls / | head -2"]);
    await until(() => plain.code() !== undefined);
    expect(plain.out.join("")).toBe("bin\netc\nroot\ntmp\nusr\nbin\netc\n");
  });
});

describe("what the review found", () => {
  it("a syntax error at the prompt is reported and the shell carries on", async () => {
    const c = container(["sh"], { tty: true, stdin: true });
    await until(() => c.out.join("").endsWith("/ # "));
    c.process?.write("echo 'oops\r");
    await until(() => c.out.join("").split("/ # ").length === 3);
    expect(c.code()).toBeUndefined();
    c.process?.write("echo fine\r");
    await until(() => c.out.join("").includes("fine\r\n/ # "));
  });

  it("Ctrl-C at an idle prompt prompts again", async () => {
    const c = container(["sh"], { tty: true, stdin: true });
    await until(() => c.out.join("").endsWith("/ # "));
    c.process?.write("\x03");
    await until(() => c.out.join("").endsWith("/ # ^C\r\n/ # "));
  });

  it("piped input without a final newline still runs", async () => {
    const c = container(["sh"], { stdin: true });
    c.process?.write("echo one\necho last");
    c.process?.closeStdin();
    await until(() => c.code() !== undefined);
    expect(c.out.join("")).toBe("one\nlast\n");
  });

  it("commands with redirections of their own stream too, in order", async () => {
    const c = container(["sh", "-c", "echo one 2>&1; echo two; echo three >&2; echo four > /tmp/f; ls /nope 2>/dev/null; cat /tmp/f"]);
    await until(() => c.code() !== undefined);
    expect(c.out).toEqual(["one\n", "two\n", "three\n", "four\n"]);
  });

  it("output of a nested sh -c stays where its caller sends it", async () => {
    const c = container(["sh", "-c", "x=$(sh -c 'echo hi'); echo got $x; sh -c 'echo a; echo b' | wc -l"]);
    await until(() => c.code() !== undefined);
    expect(c.out.join("").replace(/ +/g, " ")).toBe("got hi\n2\n");
  });
});
