// The two ways the host shell runs the docker CLI, as Docker's own CLI sees its streams:
// attached to the terminal (stdout is a TTY, output appears as it is written, progress bars
// redraw) or inside a pipeline or redirection (not a TTY, output collected for the next stage).

import type { CliIo, DockerCommand, InputStream } from "../cli/index.js";
import type { ShellClock } from "./ports.js";
import { pipeInput } from "./terminal-input.js";

export type { CliIo, DockerCommand };

export interface TerminalStreams {
  write(text: string): void;
  readonly columns: number;
  readonly rows?: number;
  readonly signal: AbortSignal;
  /** The keyboard as the command's stdin, until the stream is closed. */
  openInput?(raw: boolean): InputStream;
}

export function terminalIo(
  terminal: TerminalStreams,
  env: Record<string, string>,
  clock: ShellClock,
  readFile: (path: string) => Promise<string>,
  writeFile?: (path: string, text: string) => Promise<void>,
): CliIo {
  return {
    stdout: (text) => terminal.write(text),
    stderr: (text) => terminal.write(text),
    isTTY: true,
    // Read at each use, so a resize during `docker stats` reaches the running command.
    get columns() {
      return terminal.columns;
    },
    ...(terminal.rows !== undefined ? { rows: terminal.rows } : {}),
    env,
    now: () => clock.now(),
    signal: terminal.signal,
    readFile,
    ...(writeFile ? { writeFile } : {}),
    ...(terminal.openInput ? { stdin: { isTTY: true, open: (raw: boolean) => terminal.openInput?.(raw) ?? pipeInput("") } } : {}),
  };
}

export interface CapturedIo {
  io: CliIo;
  output(): { stdout: string; stderr: string };
}

export function capturedIo(
  env: Record<string, string>,
  clock: ShellClock,
  readFile: (path: string) => Promise<string>,
  signal: AbortSignal | undefined,
  stdin = "",
  writeFile?: (path: string, text: string) => Promise<void>,
): CapturedIo {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    columns: 80,
    env,
    now: () => clock.now(),
    readFile,
    ...(writeFile ? { writeFile } : {}),
    ...(signal ? { signal } : {}),
    stdin: { isTTY: false, open: () => pipeInput(stdin) },
  };
  return { io, output: () => ({ stdout, stderr }) };
}

/** Runs the CLI; a command that throws is a bug to show, not a reason to take the shell down. */
export async function runDockerCommand(docker: DockerCommand, argv: string[], io: CliIo): Promise<number> {
  try {
    return await docker(argv, io);
  } catch (error) {
    if (io.signal?.aborted) return 130;
    io.stderr(`docker: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
