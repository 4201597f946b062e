// python3 in the host's sandbox (the browser's nested worker): the container's files go in, the
// output comes out as Python writes it, and the files Python changed are written back at exit.
import type { ProcessContext } from "../program.js";
import type { CommandIo, Out } from "./command-io.js";
import { applyChanges, snapshotFiles } from "./python-files.js";
import type { PythonSandbox } from "./python-sandbox.js";

const PYTHON_NAMES: ReadonlySet<string> = new Set(["python3", "python"]);

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** python3 as the process itself (docker run/exec python3 …), not as a command of a shell. */
export function runsAsOwnProcess(ctx: ProcessContext): boolean {
  return PYTHON_NAMES.has(baseName(ctx.argv[0] ?? ""));
}

export async function pythonInSandbox(ctx: ProcessContext, args: string[], stdin: string, io: CommandIo, sandbox: PythonSandbox): Promise<Out> {
  // As a process of its own output streams, so `docker logs -f` follows a long script; as a
  // command of a shell it is handed back whole, for pipes and redirections, as the container's
  // other commands do.
  const ownProcess = runsAsOwnProcess(ctx);
  const invoked = ctx.argv[0] ?? "python3";
  let stdout = "";
  let stderr = "";
  const output = ownProcess
    ? { stdout: (text: string) => io.write(text), stderr: (text: string) => io.writeError(text) }
    : { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text) };

  const env: Record<string, string> = {};
  for (const entry of ctx.env) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const files = ctx.fs ? await snapshotFiles(ctx.fs) : [];
  if (io.stopped()) return { stdout: "", stderr: "", exitCode: 130 };
  const execution = sandbox.run(
    {
      argv: [ownProcess ? invoked : "python3", ...args],
      env,
      cwd: ctx.cwd,
      stdin,
      tty: ownProcess && ctx.tty,
      files,
    },
    output,
  );
  // docker stop's SIGKILL, docker rm -f, Ctrl-C in a shell: the worker is terminated, so a
  // runaway loop ends with the process instead of burning a core for ever.
  io.onStop(() => execution.stop());
  let interrupted = false;
  if (ownProcess && ctx.tty) {
    void untilInterrupt(io, execution.done).then((hit) => {
      if (!hit) return;
      interrupted = true;
      execution.stop();
    });
  }
  const result = await execution.done;
  if (!result) {
    // Python would raise KeyboardInterrupt where it was; the frame is lost with the worker.
    return { stdout, stderr: interrupted ? `${stderr}KeyboardInterrupt\n` : stderr, exitCode: 130 };
  }
  const failed = ctx.fs ? await applyChanges(ctx.fs, result.changes) : [];
  for (const line of failed) stderr += `python3: could not write back ${line}\n`;
  if (ownProcess && stderr) io.writeError(stderr);
  return { stdout, stderr: ownProcess ? "" : stderr, exitCode: result.exitCode };
}

/**
 * Ctrl-C on a terminal (docker run -it python3 …). A tool hears SIGINT only while it waits for a
 * line, so it waits for lines while Python runs: typed lines are dropped (Python's stdin was
 * handed over already), and a null that comes with stopped() is the interrupt.
 */
async function untilInterrupt(io: CommandIo, done: Promise<unknown>): Promise<boolean> {
  let finished = false;
  const finish = () => (finished = true);
  done.then(finish, finish);
  while (!finished) {
    const line = await io.readLine();
    if (finished) return false;
    if (line === null) return io.stopped();
  }
  return false;
}
