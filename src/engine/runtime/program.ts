// A program is what runs as a container's process: a TypeScript function over a ProcessContext.
import type { IFileSystem } from "just-bash";
import type { LayeredFs } from "../fs/layered-fs.js";
import type { NetStack, Peer } from "../net/net-stack.js";
import type { ProcessEntry } from "./process-table.js";

/** One of the container's interfaces: its network and address as the container record has them. */
export interface NetworkEndpoint {
  network: string;
  address: string;
  prefix: number;
  gateway: string;
  mac: string;
}
import type { Clock } from "../ports.js";

export interface ProcessContext {
  readonly argv: string[];
  readonly env: string[];
  readonly hostname: string;
  readonly tty: boolean;
  readonly clock: Clock;
  /** The container's files as its processes see them (root, mounts, /etc files). */
  readonly fs: IFileSystem | undefined;
  /** The root filesystem alone, readable synchronously (PATH lookups). */
  readonly root: LayeredFs | undefined;
  /**
   * Whether a path and everything under it live on the root filesystem alone, with no volume,
   * bind mount, tmpfs or generated /etc file over or inside it: then `root` reads it as `fs` would.
   * False when that cannot be told (a process outside a container).
   */
  unmounted(path: string): boolean;
  readonly cwd: string;
  readonly user: string;
  /**
   * The next piece of input: a whole line with a terminal (the line discipline cooks it), raw
   * data without one; null at end of input (stdin closed, Ctrl-D, or never opened).
   */
  read(): Promise<string | null>;
  /** The network as this container sees it (absent for a process with no container). */
  readonly net: { stack: NetStack; peer: Peer; endpoints?(): NetworkEndpoint[] } | undefined;
  /** The container's live processes (main and exec'd), as `ps` inside it lists them. */
  processes?(): ProcessEntry[];
  /** Terminal size, when there is a terminal. */
  readonly size: { cols: number; rows: number };
  stdout(text: string): void;
  stderr(text: string): void;
  /** Ends the process; later calls are ignored. */
  exit(code: number): void;
  /** Called between commands of a script: now and then lets the host's event loop run. */
  pace(): Promise<void>;
  /** Waits on the engine clock; resolves early (false) if the process ends meanwhile. */
  sleep(ms: number): Promise<boolean>;
  readonly exited: boolean;
}

export interface RunningProgram {
  /**
   * Delivers a signal (other than SIGKILL, which the runtime enforces itself). Returns false if
   * the program has no handler: as PID 1 without --init, the kernel then ignores the signal.
   */
  signal(name: string): boolean;
  /** The process is gone (exit, SIGKILL): stop whatever work is still under way. */
  kill?(): void;
}

export type Program = (ctx: ProcessContext) => RunningProgram;

/** A program with no signal handlers, like most shell commands running as PID 1. */
export const noHandlers: RunningProgram = { signal: () => false };

/** Exits gracefully (code 0) on the given signals, as servers do. */
export function exitsOn(ctx: ProcessContext, signals: string[], onSignal?: (name: string) => void): RunningProgram {
  return {
    signal(name) {
      if (!signals.includes(name)) return false;
      onSignal?.(name);
      ctx.exit(0);
      return true;
    },
  };
}
