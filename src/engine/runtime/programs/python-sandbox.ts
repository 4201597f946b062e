// The port through which python3 runs CPython somewhere it can be stopped. In the browser the
// worker provides one (a nested Web Worker per process, see src/worker/python-sandbox.ts): the
// interpreter runs synchronously, so in the engine's own thread a `while True: pass` would
// freeze every container, and a worker of its own is the only thing that can be interrupted.
//
// The sandbox has no way back into the engine while Python runs (that would need
// SharedArrayBuffer, which a page without cross-origin isolation does not get), so it works on a
// copy: the container's files go in with the request, and what Python changed comes back with
// the exit status, to be written into the container (python-files.ts).
//
// What follows from that, in the browser:
// - No time limit, as in Docker: a runaway script spins in its own worker (one core) while the
//   tab and the other containers carry on, until docker stop (SIGKILL after the grace period, as
//   for any PID 1 without a SIGTERM handler), docker kill, docker rm -f, or Ctrl-C ends it.
// - Files written by a script that is stopped are lost with its worker; files other processes
//   change while Python runs are not seen by it (and not overwritten unless Python wrote them).
// - stdin is the input given up front; input() on a terminal reads end of file.
// - The build has no sockets, threads or subprocesses; the interpreter is 3.13 whatever the tag.

export type PythonEntry =
  | { path: string; kind: "dir"; mode: number; mtime: number }
  | { path: string; kind: "file"; mode: number; mtime: number; data: Uint8Array }
  | { path: string; kind: "symlink"; target: string };

export type PythonChange = PythonEntry | { path: string; kind: "deleted" };

export interface PythonRequest {
  /** argv as the process has it: the command's name, then python's own arguments. */
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** Input given whole (a pipe or a file); empty on a terminal. */
  stdin: string;
  /** stdout and stderr are a terminal: Python then line-buffers and colours tracebacks. */
  tty: boolean;
  /** The container's files, parents before children. */
  files: PythonEntry[];
}

export interface PythonResult {
  exitCode: number;
  /** Directories and files first (parents before children), then deletions. */
  changes: PythonChange[];
}

export interface PythonOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface PythonExecution {
  /** Settles with the exit status; with undefined when stop() ended the run first. */
  readonly done: Promise<PythonResult | undefined>;
  stop(): void;
}

export interface PythonSandbox {
  run(request: PythonRequest, output: PythonOutput): PythonExecution;
}

// A registry rather than an engine option: python3 is looked up by name deep inside the runtime,
// and the host that has workers (the browser's) says once, at start-up, how to load its sandbox.
// Without one (Node, tests) python3 uses just-bash's runtime on Node's worker threads.
let loader: (() => Promise<PythonSandbox>) | undefined;

/** Installs the host's sandbox; the loader runs when python3 first runs. */
export function usePythonSandbox(load: (() => Promise<PythonSandbox>) | undefined): void {
  loader = load;
}

export function loadPythonSandbox(): Promise<PythonSandbox> | undefined {
  return loader?.();
}
