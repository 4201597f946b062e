// `docker-playground docker ARGS...`: our docker CLI as a Node process, against DOCKER_HOST (our
// daemon or any Docker Engine API), printing what `docker ARGS...` prints, with its exit code.
import { randomFillSync } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DockerClient } from "../client/index.js";
import { clientVersion, runDocker, type CliIo } from "../cli/index.js";
import { resolveDockerHost } from "./docker-host.js";
import { nodeHostFiles, readAllBytes } from "./host-files.js";
import { HttpTransport } from "./http-transport.js";

/** What a run of the CLI takes from its process; tests hand in their own. */
export interface CliProcess {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: streaming commands stop, `run` forwards the signal. */
  signal?: AbortSignal;
  /** Read to its end by the commands that take a tar there (`cp -`, `load`, `import -`). */
  stdin?: NodeJS.ReadableStream;
}

// Go's texts for what can go wrong opening --env-file.
function fileError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return new Error(`open ${path}: no such file or directory`);
  if (code === "EACCES") return new Error(`open ${path}: permission denied`);
  if (code === "EISDIR") return new Error(`read ${path}: is a directory`);
  return error instanceof Error ? error : new Error(String(error));
}

function cliIo(proc: CliProcess): CliIo {
  const isTTY = proc.stdout.isTTY === true;
  const env = Object.fromEntries(Object.entries(proc.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return {
    stdout: (text) => void proc.stdout.write(text),
    stderr: (text) => void proc.stderr.write(text),
    isTTY,
    columns: isTTY ? (proc.stdout.columns ?? 80) : 80,
    env,
    now: () => Date.now(),
    randomFill: (bytes) => void randomFillSync(bytes),
    ...(proc.signal ? { signal: proc.signal } : {}),
    readFile: (path) => readFile(resolve(proc.cwd, path), "utf8").catch((error: unknown) => Promise.reject(fileError(path, error))),
    stdoutBytes: (bytes) => void proc.stdout.write(bytes),
    hostFiles: nodeHostFiles(proc.cwd),
    ...(proc.stdin ? { readStdinBytes: () => readAllBytes(proc.stdin as NodeJS.ReadableStream) } : {}),
  };
}

/** Runs `docker ARGS...`; resolves with its exit code. */
export async function runDockerCli(argv: string[], proc: CliProcess): Promise<number> {
  const io = cliIo(proc);
  const target = resolveDockerHost(argv, proc.env);
  // A host docker cannot parse still lets help and flag errors through; commands stop at
  // PersistentPreRunE, before their first request.
  const transport = "host" in target ? new HttpTransport({ host: target.host, userAgent: `Docker-Client/${clientVersion.Version} (linux)` }) : undefined;
  const client = new DockerClient(transport ?? { request: () => Promise.reject(new Error("no daemon address")) });
  const beforeRun = () => {
    if ("error" in target) throw new Error(target.error);
  };
  try {
    return await runDocker(argv, io, client, { beforeRun });
  } finally {
    transport?.close();
  }
}

/** Waits until everything written so far has been handed to the OS. */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((done) => stream.write("", () => done()));
}

/** The process around runDockerCli: signals, then exit with the CLI's code. */
export async function dockerMain(argv: string[]): Promise<never> {
  const controller = new AbortController();
  let signals = 0;
  let signalled: number | undefined;
  const exit = async (code: number): Promise<never> => {
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    // Abandoned requests (the wait of `run -d`) would keep the process alive.
    process.exit(code);
  };
  const onSignal = (number: number) => {
    // docker cancels its context on SIGINT/SIGTERM and exits 128+signal once the command
    // returns; commands that watch io.signal (run, logs -f) get a moment to clean up first.
    signalled ??= number;
    controller.abort();
    if (++signals === 3) {
      process.stderr.write("got 3 SIGTERM/SIGINTs, forcefully exiting\n");
      process.exit(1);
    }
    setTimeout(() => void exit(128 + number), 1000);
  };
  process.on("SIGINT", () => onSignal(2));
  process.on("SIGTERM", () => onSignal(15));
  const code = await runDockerCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal, stdin: process.stdin });
  return exit(signalled === undefined ? code : 128 + signalled);
}
