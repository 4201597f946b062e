// python3 (and python): real CPython, compiled to WebAssembly (just-bash's vendored build), run
// over the container's files with its working directory and environment. In the browser it runs
// in a nested worker the worker layer provides (python-sandbox.ts), under Node in just-bash's
// own runtime on worker threads (python-just-bash.ts).
import type { ProcessContext } from "../program.js";
import type { CommandIo, Out } from "./command-io.js";
import { envValue, usesMusl } from "./container-facts.js";
import { pythonInSandbox, runsAsOwnProcess } from "./python-in-sandbox.js";
import { pythonViaJustBash } from "./python-just-bash.js";
import { loadPythonSandbox } from "./python-sandbox.js";

export function pythonVersion(ctx: ProcessContext): string {
  return envValue(ctx, "PYTHON_VERSION") ?? (usesMusl(ctx) ? "3.12.12" : "3.13.5");
}

export async function python(ctx: ProcessContext, args: string[], io: CommandIo): Promise<Out> {
  // The image's version, not the runtime's (3.13): what `docker run python:3.12 python -V` says.
  if (args[0] === "--version" || args[0] === "-V") return { stdout: `Python ${pythonVersion(ctx)}\n`, stderr: "", exitCode: 0 };
  // A shell hands its command's input over whole (`echo data | python3 s.py`); a process of its
  // own would wait for the end of an open stdin, so it reads it only when the code comes from it.
  const stdin = args.length === 0 || args.includes("-") || !runsAsOwnProcess(ctx) ? await io.readAll() : "";
  if (args.length === 0 && stdin === "" && ctx.tty) {
    return {
      stdout: "",
      stderr:
        `Python ${pythonVersion(ctx)}: the interactive prompt is not available in this playground.\n` +
        "Run code with  python3 -c 'print(1 + 1)'  or write a file and run  python3 script.py\n",
      exitCode: 1,
    };
  }
  const sandbox = loadPythonSandbox();
  if (!sandbox) return pythonViaJustBash(ctx, args, stdin);
  return pythonInSandbox(ctx, args, stdin, io, await sandbox);
}
