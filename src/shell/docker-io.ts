// The two ways the host shell runs the docker CLI, as Docker's own CLI sees its streams:
// attached to the terminal (stdout is a TTY, output appears as it is written, progress bars
// redraw) or inside a pipeline or redirection (not a TTY, output collected for the next stage).

import type { CliIo, DockerCommand, InputStream } from "../cli/index.js";
import type { ShellClock } from "./ports.js";
import type { HostFiles } from "../cli/index.js";
import { latin1String } from "./host-files.js";
import { pipeInput } from "./terminal-input.js";

export type { CliIo, DockerCommand };

/** Fills bytes with random ones: what CliIo.randomFill is given. */
export type RandomFill = (bytes: Uint8Array) => void;

/**
 * Random bytes for the CLI when the shell's host hands in no source of its own. The shell may
 * not draw on the host's randomness (it takes time and chance through ports), and the CLI
 * draws bytes only to name the Dockerfile `docker build` adds to a context (.dockerfile.<hex>),
 * so a small generator (mulberry32) seeded from the shell's clock serves; on a test clock its
 * bytes repeat from run to run.
 */
export function clockSeededRandom(clock: ShellClock): RandomFill {
  let state = 0;
  let seeded = false;
  return (bytes) => {
    if (!seeded) {
      state = Math.floor(clock.now()) >>> 0;
      seeded = true;
    }
    for (let i = 0; i < bytes.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      bytes[i] = (t ^ (t >>> 14)) & 0xff;
    }
  };
}

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
  hostFiles?: HostFiles,
  randomFill: RandomFill = clockSeededRandom(clock),
): CliIo {
  return {
    stdout: (text) => terminal.write(text),
    // A tar sent to the terminal shows as the garbage it is.
    stdoutBytes: (bytes) => terminal.write(new TextDecoder().decode(bytes)),
    ...(hostFiles ? { hostFiles } : {}),
    stderr: (text) => terminal.write(text),
    isTTY: true,
    // Read at each use, so a resize during `docker stats` reaches the running command.
    get columns() {
      return terminal.columns;
    },
    ...(terminal.rows !== undefined ? { rows: terminal.rows } : {}),
    env,
    now: () => clock.now(),
    randomFill,
    signal: terminal.signal,
    readFile,
    ...(writeFile ? { writeFile } : {}),
    ...(terminal.openInput ? { stdin: { isTTY: true, open: (raw: boolean) => terminal.openInput?.(raw) ?? pipeInput("") } } : {}),
  };
}

export interface CapturedIo {
  io: CliIo;
  /** stdoutKind "bytes" once the command wrote bytes (a tar): stdout is then latin1, a byte per char. */
  output(): { stdout: string; stderr: string; stdoutKind?: "bytes" };
}

/** What a command in a pipeline may also be given: the host's files, and stdin as the bytes it is. */
export interface CapturedExtras {
  hostFiles?: HostFiles;
  stdinBytes?: Uint8Array;
  /** The host's random bytes; without them, clockSeededRandom's. */
  randomFill?: RandomFill;
}

export function capturedIo(
  env: Record<string, string>,
  clock: ShellClock,
  readFile: (path: string) => Promise<string>,
  signal: AbortSignal | undefined,
  stdin = "",
  writeFile?: (path: string, text: string) => Promise<void>,
  extras: CapturedExtras = {},
): CapturedIo {
  let stdout = "";
  let stderr = "";
  let binary = false;
  const io: CliIo = {
    stdout: (text) => {
      stdout += binary ? latin1String(new TextEncoder().encode(text)) : text;
    },
    stdoutBytes: (bytes) => {
      if (!binary) stdout = latin1String(new TextEncoder().encode(stdout));
      binary = true;
      stdout += latin1String(bytes);
    },
    ...(extras.hostFiles ? { hostFiles: extras.hostFiles } : {}),
    ...(extras.stdinBytes ? { readStdinBytes: () => Promise.resolve(extras.stdinBytes ?? new Uint8Array(0)) } : {}),
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    columns: 80,
    env,
    now: () => clock.now(),
    randomFill: extras.randomFill ?? clockSeededRandom(clock),
    readFile,
    ...(writeFile ? { writeFile } : {}),
    ...(signal ? { signal } : {}),
    stdin: { isTTY: false, open: () => pipeInput(stdin) },
  };
  return { io, output: () => ({ stdout, stderr, ...(binary ? { stdoutKind: "bytes" as const } : {}) }) };
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
