// python3 in a container with the browser's sandbox in place (run in this thread): the files go
// in and come back, output reaches pipes, and stopping the process stops the sandbox.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadImageCatalog, usePythonSandbox, type PythonSandbox } from "../engine/index.js";
import { finish, standalone, until, type TestContainer } from "../engine/runtime/programs/testing/container.js";
import { inThreadSandbox } from "./testing/cpython.js";

async function run(c: TestContainer, argv: string[]) {
  const r = await finish(c.run(argv), c.clock);
  return { out: r.out(), err: r.err(), code: r.code() };
}

/** A sandbox whose Python never returns (while True: pass) until it is stopped. */
function runaway(): PythonSandbox & { running: boolean; stopped: boolean } {
  const sandbox = {
    running: false,
    stopped: false,
    run() {
      sandbox.running = true;
      let end: (value: undefined) => void = () => {};
      const done = new Promise<undefined>((resolve) => (end = resolve));
      return { done, stop: () => ((sandbox.stopped = true), end(undefined)) };
    },
  };
  return sandbox;
}

beforeAll(() => loadImageCatalog());
afterEach(() => usePythonSandbox(undefined));

describe("python3 in the sandbox", () => {
  it("runs a script over the container's files and writes what it created back", async () => {
    usePythonSandbox(() => Promise.resolve(inThreadSandbox));
    const c = standalone("python:3.13-slim");
    const script = 'import sys\nprint(open("in.txt").read().strip().upper(), sys.argv[1:])\nopen("out.txt", "w").write("done")\n';
    const r = await run(c, ["sh", "-c", `mkdir -p /app && cd /app && cat > s.py <<'EOF'\n${script}EOF\necho hi > in.txt && python3 s.py a b; echo code=$?`]);
    expect(r).toEqual({ out: "HI ['a', 'b']\ncode=0\n", err: "", code: 0 });
    expect(c.root.readText("/app/out.txt")).toBe("done");
  }, 30_000);

  it("gives its exit status to docker run, and its output to pipes", async () => {
    usePythonSandbox(() => Promise.resolve(inThreadSandbox));
    const c = standalone("python:3.13-slim");
    expect(await run(c, ["python3", "-c", "import sys; print(sum(range(10))); sys.exit(3)"])).toEqual({ out: "45\n", err: "", code: 3 });
    expect(await run(c, ["sh", "-c", "echo 'print(2)' | python3 | tr 2 7"])).toEqual({ out: "7\n", err: "", code: 0 });
    expect(await run(c, ["sh", "-c", "echo data | python3 -c 'import sys; print(sys.stdin.read().strip()[::-1])'"])).toEqual({ out: "atad\n", err: "", code: 0 });
    const raised = await run(c, ["python3", "-c", "raise ValueError('no')"]);
    expect(raised).toEqual({ out: "", err: 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n    raise ValueError(\'no\')\nValueError: no\n', code: 1 });
  }, 30_000);

  it("stops a runaway script when the process is killed", async () => {
    const sandbox = runaway();
    usePythonSandbox(() => Promise.resolve(sandbox));
    const c = standalone("python:3.13-slim");
    const r = c.run(["python3", "-c", "while True: pass"]);
    await until(() => sandbox.running);
    // Python installs no SIGTERM handler: an exec'd python3 dies of it. (As PID 1 it is shielded,
    // and docker stop gets there with SIGKILL after its grace period.)
    r.process.signal("SIGTERM");
    expect([sandbox.stopped, r.code()]).toEqual([true, 143]);
  });

  it("takes Ctrl-C on a terminal as KeyboardInterrupt", async () => {
    const sandbox = runaway();
    usePythonSandbox(() => Promise.resolve(sandbox));
    const c = standalone("python:3.13-slim");
    const r = c.run(["python3", "-c", "while True: pass"], { tty: true, stdin: true });
    await until(() => sandbox.running);
    r.process.write("ignored line\n");
    r.process.write("\x03");
    await until(() => r.code() !== undefined);
    expect([sandbox.stopped, r.code()]).toEqual([true, 130]);
    expect(r.all()).toContain("KeyboardInterrupt");
  });
});
