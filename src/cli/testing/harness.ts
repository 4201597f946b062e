// A CLI wired to a fresh in-process engine on a fixed clock, capturing what it prints: the
// unit tests' stand-in for a terminal.
import { DockerClient, InProcessTransport } from "../../client/index.js";
import { Engine, ManualClock, SeededIdSource } from "../../engine/index.js";
import { runDocker } from "../docker.js";
import type { InputStream } from "../io.js";
import { MemoryHostFiles } from "./memory-host-files.js";

/** A command running on a terminal: what it printed so far, keys to type, its exit code. */
export interface TerminalRun {
  output(): string;
  type(keys: string): void;
  /** Ctrl-C as the terminal sends it to a command that does not read raw keys. */
  interrupt(): void;
  /** End of input (Ctrl-D at the start of a line of a cooked terminal). */
  endInput(): void;
  readonly exitCode: Promise<number>;
  /** Resolves once the output ends with `text` (polling the event loop, not the clock). */
  waitFor(text: string): Promise<void>;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export class CliHarness {
  readonly clock = new ManualClock("2026-01-15T09:00:00Z");
  readonly engine = new Engine({ clock: this.clock, ids: new SeededIdSource(42) });
  readonly client = new DockerClient(new InProcessTransport(this.engine.handle));
  /** The host's files the CLI reads and writes (~/.docker/config.json), by absolute path. */
  readonly files = new Map<string, string>();
  private readonly fileAccess = {
    readFile: (path: string) => {
      const text = this.files.get(path);
      return text === undefined ? Promise.reject(new Error(`ENOENT: no such file or directory, open '${path}'`)) : Promise.resolve(text);
    },
    writeFile: (path: string, text: string) => {
      this.files.set(path, text);
      return Promise.resolve();
    },
  };

  private randomState = 0x2545f491;
  /** The CLI's random bytes: a fixed sequence (a linear congruential one), so runs repeat. */
  readonly randomFill = (bytes: Uint8Array): void => {
    for (let i = 0; i < bytes.length; i++) {
      this.randomState = (Math.imul(this.randomState, 1103515245) + 12345) >>> 0;
      bytes[i] = this.randomState >>> 24;
    }
  };

  /** The host's files as trees and bytes (docker cp, save -o, load -i); the shell is in /home/learner. */
  readonly hostFiles = new MemoryHostFiles("/home/learner", () => this.clock.now());

  /** Runs a command whose stdin and stdout carry bytes (tar archives), on a terminal or in a pipe. */
  async dockerBytes(options: { stdin?: Uint8Array; tty?: boolean }, ...argv: string[]): Promise<CliResult & { bytes: Uint8Array }> {
    let stdout = "";
    let stderr = "";
    const parts: Uint8Array[] = [];
    const tty = options.tty === true;
    const exitCode = await runDocker(
      argv,
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        stdoutBytes: (b) => parts.push(b),
        isTTY: tty,
        columns: 80,
        env: { HOME: "/home/learner" },
        now: () => this.clock.now(),
        randomFill: this.randomFill,
        ...this.fileAccess,
        hostFiles: this.hostFiles,
        stdin: { isTTY: tty, open: () => ({ data: (async function* () {})(), close: () => undefined }) },
        ...(options.stdin ? { readStdinBytes: () => Promise.resolve(options.stdin ?? new Uint8Array(0)) } : {}),
      },
      this.client,
    );
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    return { stdout, stderr, exitCode, bytes };
  }

  async docker(...argv: string[]): Promise<CliResult> {
    return this.dockerPiped(undefined, ...argv);
  }

  /** Runs a command with `input` piped to its stdin (undefined: no stdin at all). */
  async dockerPiped(input: string | undefined, ...argv: string[]): Promise<CliResult> {
    let stdout = "";
    let stderr = "";
    const chunks = async function* () {
      if (input) yield input;
    };
    const piped: InputStream = { data: chunks(), close: () => undefined };
    const exitCode = await runDocker(
      argv,
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        isTTY: false,
        columns: 80,
        env: { HOME: "/home/learner" },
        now: () => this.clock.now(),
        randomFill: this.randomFill,
        ...this.fileAccess,
        hostFiles: this.hostFiles,
        ...(input !== undefined ? { stdin: { isTTY: false, open: () => piped } } : {}),
      },
      this.client,
    );
    return { stdout, stderr, exitCode };
  }

  /** Runs a command on a terminal with a keyboard (raw when it asks for -t). */
  terminal(...argv: string[]): TerminalRun {
    let output = "";
    const queue: (string | null)[] = [];
    let waiting: ((r: IteratorResult<string>) => void) | undefined;
    let pendingKeys = "";
    let opened = false;
    const abort = new AbortController();
    const push = (item: string | null) => {
      const w = waiting;
      waiting = undefined;
      if (w) w(item === null ? { value: undefined, done: true } : { value: item, done: false });
      else queue.push(item);
    };
    const stream: InputStream = {
      data: {
        [Symbol.asyncIterator]: () => ({
          next: () => {
            if (queue.length > 0) {
              const item = queue.shift();
              return Promise.resolve(item === null || item === undefined ? { value: undefined, done: true as const } : { value: item, done: false as const });
            }
            return new Promise((resolve) => {
              waiting = resolve;
            });
          },
        }),
      },
      close: () => push(null),
    };
    const exitCode = runDocker(
      argv,
      {
        stdout: (t) => (output += t),
        stderr: (t) => (output += t),
        isTTY: true,
        columns: 80,
        rows: 24,
        env: { HOME: "/home/learner" },
        now: () => this.clock.now(),
        randomFill: this.randomFill,
        ...this.fileAccess,
        hostFiles: this.hostFiles,
        signal: abort.signal,
        stdin: {
          isTTY: true,
          open: () => {
            opened = true;
            // A command may read again after closing its input (docker login's two prompts).
            for (let i = queue.length - 1; i >= 0; i--) if (queue[i] === null) queue.splice(i, 1);
            if (pendingKeys) push(pendingKeys);
            pendingKeys = "";
            return stream;
          },
        },
      },
      this.client,
    );
    const waitFor = async (text: string) => {
      // Waits on the host's event loop, not the engine clock: the output comes from promise
      // chains (just-bash) that need turns of the loop, while the clock stays where it is.
      // eslint-disable-next-line no-restricted-globals
      for (let i = 0; i < 400 && !output.endsWith(text); i++) await new Promise((r) => setTimeout(r, 2));
      if (!output.endsWith(text)) throw new Error(`terminal output does not end with ${JSON.stringify(text)}: ${JSON.stringify(output)}`);
    };
    return {
      output: () => output,
      type: (keys) => {
        if (opened) push(keys);
        else pendingKeys += keys;
      },
      interrupt: () => abort.abort(),
      endInput: () => push(null),
      exitCode,
      waitFor,
    };
  }
}
