// Test doubles shared by the shell's tests: a clock that moves only when told to, and a docker
// CLI that answers a few commands the way the real one shapes its output.

import type { CliIo, DockerCommand } from "../docker-io.js";
import type { ShellClock } from "../ports.js";

export class TestClock implements ShellClock {
  private time = Date.UTC(2026, 0, 15, 9);
  private timers: { at: number; fn: () => void }[] = [];

  now(): number {
    return this.time;
  }

  get pending(): number {
    return this.timers.length;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.fn();
  }
}

export interface DockerCall {
  argv: string[];
  isTTY: boolean;
  env: Record<string, string>;
}

/** A docker CLI with three containers; `logs -f` streams until interrupted. */
export function fakeDocker(): { docker: DockerCommand; calls: DockerCall[] } {
  const calls: DockerCall[] = [];
  const docker: DockerCommand = async (argv: string[], io: CliIo) => {
    calls.push({ argv, isTTY: io.isTTY, env: io.env });
    const [command, ...args] = argv;
    switch (command) {
      case "ps":
        io.stdout(args.includes("-q") ? "aaa111\nbbb222\nccc333\n" : "CONTAINER ID   IMAGE   NAMES\n");
        return 0;
      case "rm":
        for (const id of args) io.stdout(`${id}\n`);
        return 0;
      case "logs":
        io.stdout("log line 1\n");
        if (args.includes("-f")) {
          await new Promise<void>((resolve) => io.signal?.addEventListener("abort", () => resolve()));
        }
        return 0;
      case "tty":
        io.stdout(io.isTTY ? `a terminal ${io.columns} wide\n` : "not a terminal\n");
        return 0;
      case "getenv":
        io.stdout(`${args[0]}=${io.env[args[0] ?? ""] ?? "(unset)"}\n`);
        return 0;
      case "cat-host":
        io.stdout(await (io.readFile?.(args[0] ?? "") ?? Promise.resolve("")));
        return 0;
      case "hang":
        // A command that never answers its signal.
        return new Promise<number>(() => undefined);
      case "throw":
        throw new Error("something broke inside the CLI");
      default:
        io.stderr(`docker: '${command}' is not a docker command.\n`);
        return 1;
    }
  };
  return { docker, calls };
}
