// What a CLI invocation is given: its output streams, whether stdout is a terminal, its
// environment, a clock and a source of random bytes. The browser terminal, a pipe in the host shell and Node's
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
  /**
   * Fills bytes with random ones, as Go's crypto/rand does for docker: the name of the
   * .dockerfile.<random> that `docker build` adds to a context.
   */
  randomFill(bytes: Uint8Array): void;
  /** Aborted on Ctrl-C: streaming commands (logs -f, events) stop and return. */
  signal?: AbortSignalLike;
  /** Reads a file of the host filesystem (for --env-file), relative to the shell's cwd. */
  readFile?(path: string): Promise<string>;
  /** Writes a file of the host filesystem, creating missing directories (~/.docker/config.json). */
  writeFile?(path: string, text: string): Promise<void>;
  /** The command's stdin as a stream, for `run -i`, `exec -i` and `attach`. */
  stdin?: InputDevice;
  /** Writes bytes to stdout unchanged: the tar archives of `cp … -`, `export` and `save`. */
  stdoutBytes?(bytes: Uint8Array): void;
  /** All of stdin, as bytes, to its end: the tar `cp -`, `load` and `import -` read. */
  readStdinBytes?(): Promise<Uint8Array>;
  /** The host's files as bytes and trees, for `cp`, `save -o`, `export -o`, `load -i`, `import`. */
  hostFiles?: HostFiles;
}

/** What lstat tells of a host path. */
export interface HostFileInfo {
  type: "file" | "dir" | "symlink" | "other";
  /** Permission bits with setuid, setgid and sticky (07777). */
  mode: number;
  size: number;
  /** Milliseconds since the epoch. */
  mtime: number;
  uid: number;
  gid: number;
}

/**
 * The host filesystem as `docker cp` needs it (the terminal's files in the browser, real files
 * in Node). Paths are absolute except for `abs`. A failure is an Error with a `code` ("ENOENT",
 * "ENOTDIR", "EACCES", "EEXIST", "EISDIR") that the CLI words as Go's *PathError.
 */
export interface HostFiles {
  /** filepath.Abs: the path made absolute against the shell's working directory, cleaned. */
  abs(path: string): string;
  /** undefined when nothing is there (ENOENT); other failures throw. */
  lstat(path: string): Promise<HostFileInfo | undefined>;
  /** As lstat, following symlinks. */
  stat(path: string): Promise<HostFileInfo | undefined>;
  readlink(path: string): Promise<string>;
  /** Names in a directory, sorted. */
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** Creates or truncates a regular file with these permissions. */
  writeFile(path: string, data: Uint8Array, mode: number): Promise<void>;
  mkdir(path: string, mode: number): Promise<void>;
  symlink(target: string, path: string): Promise<void>;
  /** os.RemoveAll. */
  remove(path: string): Promise<void>;
  /** chmod and chtimes, where the filesystem keeps them. */
  setMeta(path: string, mode: number, mtime: number): Promise<void>;
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
