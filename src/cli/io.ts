// What a CLI invocation is given: its output streams, whether stdout is a terminal, its
// environment, and a clock. The browser terminal, a pipe in the host shell and Node's
// process streams all fit this shape.

/** The part of AbortSignal the CLI needs (the pure layers are compiled without DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal: progress bars redraw in place, `-t` is allowed. */
  isTTY: boolean;
  /** Terminal width in columns (80 when not a terminal). */
  columns: number;
  /** Terminal height in rows, when known (sent to a container's terminal). */
  rows?: number;
  /** The invoking shell's environment (for `-e VAR`, DOCKER_* settings). */
  env: Record<string, string>;
  /** Wall-clock milliseconds, for "5 minutes ago". */
  now(): number;
  /** Aborted on Ctrl-C: streaming commands (logs -f, events) stop and return. */
  signal?: AbortSignalLike;
  /** Reads a file of the host filesystem (for --env-file), relative to the shell's cwd. */
  readFile?(path: string): Promise<string>;
  /** Writes a file of the host filesystem, creating missing directories (~/.docker/config.json). */
  writeFile?(path: string, text: string): Promise<void>;
  /** The command's stdin as a stream, for `run -i`, `exec -i` and `attach`. */
  stdin?: InputDevice;
}

/** Where a command's input comes from: the terminal, or what a pipe holds. */
export interface InputDevice {
  /** True for the terminal: `-t` needs it. */
  readonly isTTY: boolean;
  /**
   * Starts reading. In raw mode (a container's own terminal does the echo and line editing)
   * every key arrives as typed, Ctrl-C included; otherwise the local terminal echoes, hands
   * over whole lines, and Ctrl-D ends the input. close() gives the keyboard back.
   */
  open(raw: boolean): InputStream;
}

export interface InputStream {
  readonly data: AsyncIterable<string>;
  close(): void;
}

/** The whole CLI as one function: argv without the leading "docker", returns the exit code. */
export type DockerCommand = (argv: string[], io: CliIo) => Promise<number>;
