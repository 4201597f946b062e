// A container's main process: runs a program, routes its output, and applies Linux signal
// semantics: SIGKILL always kills; other signals reach the program's handlers; as PID 1 without
// --init a signal with no handler is ignored, with --init (tini) it kills the child.
import type { Clock } from "../ports.js";
import type { Program, RunningProgram } from "./program.js";
import { signalNumber } from "./signals.js";

export type OutputStream = "stdout" | "stderr";

export interface ProcessOptions {
  argv: string[];
  env: string[];
  hostname: string;
  tty: boolean;
  init: boolean;
  clock: Clock;
  onOutput(stream: OutputStream, text: string): void;
  onExit(code: number): void;
}

export class ContainerProcess {
  private program: RunningProgram | undefined;
  private done = false;
  private readonly timers = new Set<() => void>();

  constructor(private readonly options: ProcessOptions) {}

  get exited(): boolean {
    return this.done;
  }

  start(program: Program): void {
    const { options } = this;
    const isDone = () => this.done;
    this.program = program({
      argv: options.argv,
      env: options.env,
      hostname: options.hostname,
      tty: options.tty,
      clock: options.clock,
      get exited() {
        return isDone();
      },
      stdout: (text) => {
        if (!this.done && text) options.onOutput("stdout", text);
      },
      stderr: (text) => {
        if (!this.done && text) options.onOutput("stderr", text);
      },
      exit: (code) => this.finish(code),
      sleep: (ms) =>
        new Promise<boolean>((resolve) => {
          if (this.done) return resolve(false);
          const cancel = options.clock.setTimer(ms, () => {
            this.timers.delete(stop);
            resolve(!this.done);
          });
          const stop = () => {
            cancel();
            resolve(false);
          };
          this.timers.add(stop);
        }),
    });
  }

  signal(name: string): void {
    if (this.done) return;
    if (name === "SIGKILL") return this.finish(128 + 9);
    const handled = this.program?.signal(name) ?? false;
    if (!handled && this.options.init && !["SIGCHLD", "SIGWINCH", "SIGURG", "SIGCONT"].includes(name)) {
      this.finish(128 + signalNumber(name));
    }
  }

  private finish(code: number): void {
    if (this.done) return;
    this.done = true;
    for (const stop of this.timers) stop();
    this.timers.clear();
    this.options.onExit(code);
  }
}
