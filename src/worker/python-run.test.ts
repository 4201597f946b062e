import { describe, expect, it } from "vitest";
import type { PythonEntry, PythonRequest } from "../engine/index.js";
import { runCpython } from "./python-run.js";
import { cpython, keepingExitCode } from "./testing/cpython.js";

const text = (s: string) => new TextEncoder().encode(s);
const dir = (path: string): PythonEntry => ({ path, kind: "dir", mode: 0o755, mtime: 0 });
const file = (path: string, content: string, mode = 0o644): PythonEntry => ({ path, kind: "file", mode, mtime: 0, data: text(content) });

async function python(args: string[], options: Partial<PythonRequest> = {}) {
  let stdout = "";
  let stderr = "";
  const request: PythonRequest = { argv: ["python3", ...args], env: { PATH: "/usr/local/bin:/usr/bin:/bin" }, cwd: "/", stdin: "", tty: false, files: [], ...options };
  const result = await keepingExitCode(async () =>
    runCpython(await cpython(), request, (stream, chunk) => (stream === "stdout" ? (stdout += chunk) : (stderr += chunk))),
  );
  return { stdout, stderr, ...result };
}

describe("runCpython", () => {
  it("gives sys.exit's status, and 1 with a plain traceback for an uncaught exception", async () => {
    const exited = await python(["-c", "import sys; print(sum(range(10))); sys.exit(3)"]);
    expect([exited.stdout, exited.stderr, exited.exitCode]).toEqual(["45\n", "", 3]);
    const raised = await python(["-c", "x = 1\nprint(x / 0)"]);
    expect(raised.exitCode).toBe(1);
    expect(raised.stderr).toBe('Traceback (most recent call last):\n  File "<string>", line 2, in <module>\n    print(x / 0)\n          ~~^~~\nZeroDivisionError: division by zero\n');
  }, 30_000);

  it("runs code piped to it, with the container's environment and working directory", async () => {
    const r = await python([], {
      stdin: "import os\nprint(os.getcwd(), os.environ['GREETING'], 'HOME' in os.environ)\n",
      env: { GREETING: "hi" },
      cwd: "/app",
      files: [dir("/app")],
    });
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(["/app hi False\n", "", 0]);
  }, 30_000);

  it("reads the container's files and hands back what it created, changed and deleted", async () => {
    const files = [dir("/app"), file("/app/main.py", "import os, lib\nopen('out.txt', 'w').write(lib.shout(open('in.txt').read()))\nos.remove('old.txt')\nos.makedirs('/data/new')\n"), file("/app/lib.py", "def shout(s):\n    return s.upper()\n"), file("/app/in.txt", "quiet"), file("/app/old.txt", "bye")];
    const r = await python(["main.py"], { cwd: "/app", files });
    expect([r.stderr, r.exitCode]).toEqual(["", 0]);
    const changed = r.changes.map((c) => `${c.kind} ${c.path}`);
    expect(changed).toEqual(expect.arrayContaining(["file /app/out.txt", "dir /data", "dir /data/new", "deleted /app/old.txt", "dir /app/__pycache__"]));
    expect(changed).not.toContain("file /app/main.py");
    const out = r.changes.find((c) => c.path === "/app/out.txt");
    expect(out?.kind === "file" && new TextDecoder().decode(out.data)).toBe("QUIET");
    expect(out?.kind === "file" && out.mode).toBe(0o644);
  }, 30_000);

  it("says Linux's errno and path for a missing script", async () => {
    const r = await python(["missing.py"]);
    expect([r.stderr, r.exitCode]).toEqual(["python3: can't open file '/missing.py': [Errno 2] No such file or directory\n", 2]);
  }, 30_000);

  it("writes to a terminal when there is one, and colours tracebacks there as Python 3.13 does", async () => {
    const piped = await python(["-c", "import sys; print(sys.stdout.isatty())"]);
    expect(piped.stdout).toBe("False\n");
    const r = await python(["-c", "import sys; print(sys.stdout.isatty()); 1/0"], { tty: true });
    expect(r.stdout).toBe("True\n");
    expect(r.stderr).toContain("\x1b[1;35mZeroDivisionError\x1b[0m");
  }, 30_000);
});
