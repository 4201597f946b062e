// One terminal session: the pty in front of the host shell. It echoes and edits what the learner
// types, hands complete lines to the shell, buffers keystrokes while a command runs (type-ahead,
// as a real terminal does) and turns Ctrl-C into an interrupt of the running command.

import type { IFileSystem } from "just-bash";
import type { Network } from "../bash/index.js";
import type { DockerClient } from "../client/index.js";
import { clearSequence, exitText, welcomeText } from "./builtins.js";
import type { Completion } from "./completion.js";
import { clientObjects } from "./docker-objects.js";
import type { DockerCommand, RandomFill, TerminalStreams } from "./docker-io.js";
import { HostShell } from "./host-shell.js";
import { LineEditor } from "./line-editor.js";
import type { ShellClock } from "./ports.js";
import { endsAtLineStart, onlcr, renderPrompt } from "./terminal-output.js";
import { TerminalInput } from "./terminal-input.js";
import type { FileChanges, FileContent } from "./tracked-fs.js";

export interface ShellSessionOptions {
  docker: DockerCommand;
  /** Bytes for the terminal (xterm.js's write). */
  write(data: string): void;
  clock: ShellClock;
  cols: number;
  rows: number;
  /** History to start from, oldest first. */
  history?: readonly string[];
  onHistory?(history: string[]): void;
  /** Awaited before the next prompt: what it saves counts as acknowledged when the prompt appears. */
  onCommandFinished?(): void | Promise<void>;
  /** Host files to restore (path → content); without them the home directory gets a README. */
  files?: Readonly<Record<string, FileContent>>;
  /** After each command: the host files it wrote (path → content) or removed (null). */
  onFilesChanged?(changed: FileChanges): void;
  /** The client of the daemon `docker` talks to: Tab completes its containers, images... */
  client?: () => DockerClient;
  /** The host's network, for curl and wget in the terminal (published ports). */
  network?: () => Network | undefined;
  /** The host's random bytes (the CLI names a piped Dockerfile with them). */
  randomFill?: RandomFill;
}

interface Job {
  readonly controller: AbortController;
  interrupted: boolean;
  /** Set while the command reads the keyboard (docker run -i, exec -i, attach). */
  input?: TerminalInput | undefined;
  /** "finishing": the command is done and its file changes are being collected. */
  phase: "running" | "finishing";
}

const preloadDelayMs = 1500;

export class ShellSession {
  private readonly editor: LineEditor;
  private readonly shell: HostShell;
  private cols: number;
  private rows: number;
  private started = false;
  private job: Job | undefined;
  private typeAhead = "";
  private readonly queue: string[] = [];
  private atLineStart = true;
  /** A Tab waiting for the daemon's objects: keys are held back until it is answered. */
  private completion: Promise<Completion | undefined> | undefined;

  constructor(private readonly options: ShellSessionOptions) {
    this.cols = Math.max(1, options.cols);
    this.rows = Math.max(1, options.rows);
    this.shell = new HostShell({
      docker: options.docker,
      clock: options.clock,
      history: {
        entries: () => this.editor.history,
        clear: () => {
          this.editor.clearHistory();
          this.options.onHistory?.([]);
        },
      },
      ...(options.files ? { files: options.files } : {}),
      ...(options.client ? { objects: clientObjects(options.client) } : {}),
      ...(options.network ? { network: options.network } : {}),
      ...(options.randomFill ? { randomFill: options.randomFill } : {}),
    });
    this.editor = new LineEditor({ cols: this.cols, history: options.history ?? [], complete: this.shell.complete });
  }

  /** The terminal's files: bind mounts show them inside containers. */
  hostFileSystem(): Promise<IFileSystem> {
    return this.shell.fileSystem();
  }

  /** Prints the welcome and the first prompt, then fetches the shell in the background. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.output(welcomeText);
    this.prompt();
    // just-bash (350 kB) is fetched once the prompt is up: at the first keystroke, or after a
    // moment of idleness, so it never competes with the page's start-up.
    this.cancelPreload = this.options.clock.setTimer(preloadDelayMs, () => this.preload());
    this.resume();
  }

  private cancelPreload: () => void = () => undefined;

  private preload(): void {
    this.cancelPreload();
    this.shell.preload();
  }

  /** Keystrokes from the terminal. */
  input(data: string): void {
    this.preload();
    if (!this.started || this.job || this.completion) this.inputWhileBusy(data);
    else this.edit(data);
  }

  /** The editor needs the width; rows go to container terminals (docker run -it). */
  resize(cols: number, rows: number): void {
    this.cols = Math.max(1, cols);
    this.rows = Math.max(1, rows);
    this.editor.setColumns(this.cols);
  }

  /** Types a command at the prompt, visibly, and runs it; queued while another one runs. */
  runCommand(command: string): void {
    for (const line of command.split(/\r?\n/)) if (line.trim() !== "") this.queue.push(line);
    if (this.started && !this.job) this.resume();
  }

  /** A fresh session over `files` and `history`, after clearing the screen. */
  reset(files?: Readonly<Record<string, FileContent>>, history: readonly string[] = []): void {
    this.job?.controller.abort();
    this.job = undefined;
    this.completion = undefined;
    this.typeAhead = "";
    this.queue.length = 0;
    this.shell.reset(files);
    this.editor.setHistory(history);
    if (!this.started) return;
    this.raw(clearSequence);
    this.output(welcomeText);
    this.prompt();
  }

  private edit(data: string): void {
    let rest = data;
    while (rest !== "") {
      const result = this.editor.feed(rest);
      this.raw(result.output);
      rest = result.rest;
      if (result.completion) return this.awaitCompletion(result.completion, rest);
      const event = result.event;
      if (!event) return;
      if (event.type === "eof") {
        this.raw("\r\n");
        this.output(exitText);
        this.prompt();
        continue;
      }
      if (event.historyChanged) this.options.onHistory?.([...this.editor.history]);
      if (event.line.trim() === "") {
        this.prompt();
        continue;
      }
      this.typeAhead = rest + this.typeAhead;
      this.startJob(event.line);
      return;
    }
  }

  private awaitCompletion(pending: Promise<Completion | undefined>, rest: string): void {
    this.completion = pending;
    this.typeAhead = rest + this.typeAhead;
    void pending
      .catch(() => undefined)
      .then((result) => {
        if (this.completion !== pending) return;
        this.completion = undefined;
        this.raw(this.editor.finishCompletion(result));
        this.resume();
      });
  }

  private inputWhileBusy(data: string): void {
    const job = this.job;
    const reader = job?.phase === "running" ? job.input : undefined;
    // A raw reader gets every key, Ctrl-C too: the container's terminal decides what it means.
    if (reader?.raw) return reader.feed(data);
    if (reader) {
      const cut = data.indexOf("\x03");
      reader.feed(cut < 0 ? data : data.slice(0, cut));
      if (cut < 0) return;
      data = data.slice(cut);
    }
    const at = data.indexOf("\x03");
    if (!job || job.phase !== "running" || at < 0) {
      this.typeAhead += data;
      return;
    }
    // As the tty does for VINTR: echo ^C, discard the type-ahead, signal the command.
    this.typeAhead = "";
    if (!job.interrupted) {
      job.interrupted = true;
      this.raw("^C");
      job.controller.abort();
    } else {
      // A second Ctrl-C: stop waiting for a command that does not answer its signal.
      this.job = undefined;
      this.raw("\r\n");
      this.prompt();
      this.resume();
    }
    this.input(data.slice(at + 1));
  }

  private startJob(line: string): void {
    const job: Job = { controller: new AbortController(), interrupted: false, phase: "running" };
    this.job = job;
    const columns = () => this.cols;
    const rows = () => this.rows;
    const terminal: TerminalStreams = {
      write: (text) => {
        if (this.job === job && job.phase === "running") this.output(text);
      },
      get columns() {
        return columns();
      },
      get rows() {
        return rows();
      },
      signal: job.controller.signal,
      openInput: (raw) => {
        const input = new TerminalInput(raw, (text) => this.raw(text), () => {
          if (job.input === input) job.input = undefined;
        });
        job.input = input;
        // Keys typed before the command started reading are its input, not the next line's.
        const early = this.typeAhead;
        this.typeAhead = "";
        if (early) input.feed(early);
        return input;
      },
    };
    void this.shell.run(line, terminal).then(
      () => this.finish(job),
      (error: unknown) => {
        terminal.write(`shell: ${error instanceof Error ? error.message : String(error)}\n`);
        return this.finish(job);
      },
    );
  }

  private async finish(job: Job): Promise<void> {
    if (this.job !== job) return;
    job.phase = "finishing";
    if (job.interrupted) this.raw("\r\n");
    const changes = await this.shell.takeFileChanges().catch((): FileChanges => ({}));
    if (this.job !== job) return;
    if (Object.keys(changes).length > 0) this.options.onFilesChanged?.(changes);
    try {
      await this.options.onCommandFinished?.();
    } catch {
      // Saving failed; the session itself goes on.
    }
    if (this.job !== job) return;
    this.job = undefined;
    this.prompt();
    this.resume();
  }

  /** At an idle prompt: run the next queued command, or replay what was typed ahead. */
  private resume(): void {
    if (this.job || !this.started || this.completion) return;
    const queued = this.queue.shift();
    if (queued !== undefined) {
      // The learner's half-typed line comes back at the next prompt.
      const draft = this.editor.line;
      this.raw(this.editor.replaceLine(queued));
      const { output, event } = this.editor.submit();
      this.raw(output);
      if (event.type === "line" && event.historyChanged) this.options.onHistory?.([...this.editor.history]);
      this.typeAhead = draft + this.typeAhead;
      this.startJob(queued);
      return;
    }
    if (this.typeAhead !== "") {
      const typed = this.typeAhead;
      this.typeAhead = "";
      this.edit(typed);
    }
  }

  private prompt(): void {
    // Like zsh rather than bash: output without a final newline does not shift the prompt.
    if (!this.atLineStart) this.raw("\r\n");
    this.raw(this.editor.begin(renderPrompt(this.shell.cwd)));
  }

  /** Program output, through the pty's ONLCR. */
  private output(text: string): void {
    this.raw(onlcr(text));
  }

  private raw(data: string): void {
    if (data === "") return;
    this.options.write(data);
    this.atLineStart = endsAtLineStart(data, this.atLineStart);
  }
}
