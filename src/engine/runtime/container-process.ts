// A container's main process (or an exec'd one): runs a program, routes its output, feeds it
// input, and applies Linux signal semantics: SIGKILL always kills; other signals reach the
// program's handlers; as PID 1 without --init a signal with no handler is ignored, with --init
// (tini) it kills the child. With a terminal, input goes through the tty line discipline and
// output gets "\r\n" line ends, all on stdout, as a pty merges them.
import type { IFileSystem } from "just-bash";
import type { Program, RunningProgram } from "./program.js";
import { ProcessPort, type PortFacts, type PortHost } from "./process-port.js";
import { signalNumber } from "./signals.js";
import { LineDiscipline, onlcr } from "./tty.js";

/** A terminal's size until it is told otherwise (resize replaces the object). */
const DEFAULT_SIZE: { readonly cols: number; readonly rows: number } = Object.freeze({ cols: 80, rows: 24 });

export type OutputStream = "stdout" | "stderr";

/** PortFacts (what the program's context shows) and what the process itself needs. */
export interface ProcessOptions extends PortFacts {
  init: boolean;
  /** Whether the process has a stdin at all (-i); without it, reads see end of input. */
  openStdin: boolean;
  /** The container's files as processes see them; composed on first use. */
  fs?: () => IFileSystem;
  /** When false (PID 1), a signal with no handler is ignored; exec'd processes die of it. */
  pid1?: boolean;
  onOutput(stream: OutputStream, text: string): void;
  onExit(code: number): void;
}

export class ContainerProcess implements PortHost {
  private program: RunningProgram | undefined;
  private composed: IFileSystem | undefined;
  private done = false;
  /** Sleeps under way, and input not yet read: made when first needed. */
  private timers: Set<() => void> | undefined;
  private input: (string | null)[] | undefined;
  private reader: ((value: string | null) => void) | undefined;
  private stdinClosed: boolean;
  private readonly tty: LineDiscipline | undefined;
  size = DEFAULT_SIZE;
  private paced = 0;

  constructor(private readonly options: ProcessOptions) {
    // A terminal is always there to read from, even when nobody types into it (-t without -i).
    this.stdinClosed = !options.openStdin && !options.tty;
    if (options.tty) {
      this.tty = new LineDiscipline({
        echo: (text) => this.output("stdout", text),
        line: (text) => this.deliver(text),
        signal: (name) => this.signal(name),
      });
    }
  }

  get exited(): boolean {
    return this.done;
  }

  /** Bytes typed into the process's stdin (through its terminal, if it has one). */
  write(data: string): void {
    if (this.done || this.stdinClosed) return;
    if (this.tty) this.tty.input(data);
    else this.deliver(data);
  }

  /** The writer went away: end of input. */
  closeStdin(): void {
    if (this.stdinClosed) return;
    this.stdinClosed = true;
    this.deliver(null);
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    if (!this.done) this.program?.signal("SIGWINCH");
  }

  private deliver(value: string | null): void {
    const reader = this.reader;
    if (reader) {
      this.reader = undefined;
      reader(value);
    } else {
      (this.input ??= []).push(value);
    }
  }

  /** ProcessContext.read: the next piece of input, null at its end. */
  readInput(): Promise<string | null> {
    if (this.input !== undefined && this.input.length > 0) return Promise.resolve(this.input.shift() ?? null);
    if (this.done || this.stdinClosed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.reader = resolve;
    });
  }

  /** Output of the program; with a terminal, all on stdout with "\r\n" line ends. */
  output(stream: OutputStream, text: string): void {
    if (!text) return;
    if (this.options.tty) this.options.onOutput("stdout", onlcr(text));
    else this.options.onOutput(stream, text);
  }

  start(program: Program): void {
    this.program = program(new ProcessPort(this, this.options));
  }

  /** The container's files, composed the first time the program looks at them. */
  files(): IFileSystem | undefined {
    return (this.composed ??= this.options.fs?.());
  }

  /** ProcessContext.pace: every 32 commands, often enough for a keystroke to get through a spinning loop. */
  pace(): Promise<void> {
    if (++this.paced % 32 !== 0) return Promise.resolve();
    return this.options.clock.yieldToHost?.() ?? Promise.resolve();
  }

  /** ProcessContext.sleep: waits on the engine clock, false if the process ends meanwhile. */
  sleep(ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      if (this.done) return resolve(false);
      const cancel = this.options.clock.setTimer(ms, () => {
        this.timers?.delete(stop);
        resolve(!this.done);
      });
      const stop = () => {
        cancel();
        resolve(false);
      };
      (this.timers ??= new Set()).add(stop);
    });
  }

  signal(name: string): void {
    if (this.done) return;
    if (name === "SIGKILL") return this.finish(128 + 9);
    const handled = this.program?.signal(name) ?? false;
    if (handled || ["SIGCHLD", "SIGWINCH", "SIGURG", "SIGCONT"].includes(name)) return;
    // PID 1 is shielded from signals it has no handler for, unless tini stands in front of it.
    if (this.options.pid1 === false || this.options.init) this.finish(128 + signalNumber(name));
  }

  /** Ends the process (exit, or a fatal signal); later calls are ignored. */
  finish(code: number): void {
    if (this.done) return;
    this.done = true;
    const timers = this.timers;
    this.timers = undefined;
    if (timers) for (const stop of timers) stop();
    const reader = this.reader;
    this.reader = undefined;
    reader?.(null);
    this.program?.kill?.();
    this.options.onExit(code);
  }
}
