// The host shell: bash (just-bash) over the learner's in-memory filesystem, with `docker` as a
// command in it. A line that is one literal `docker ...` command skips the interpreter and runs
// the CLI attached to the terminal, so `docker logs -f` and pull progress stream live and the
// very first `docker ps` does not wait for just-bash to download. Everything else goes through
// just-bash with its output collected, exactly as Docker behaves when piped.

import type { Bash, Command, IFileSystem } from "just-bash";
import {
  clearSequence,
  exitText,
  historyCommand,
  home,
  hostname,
  readmeText,
  user,
  type CommandOutput,
  type HistoryPort,
} from "./builtins.js";
import { literalCommand } from "./command-line.js";
import { createCompleter, type Completer, type DockerObjects } from "./completion.js";
import { capturedIo, runDockerCommand, terminalIo, type DockerCommand, type RandomFill, type TerminalStreams } from "./docker-io.js";
import { hostFilesOver, latin1Bytes, lazyHostFiles } from "./host-files.js";
import type { ShellClock } from "./ports.js";
import { exportedEnv, loadJustBash, networkCommands, shellVariables, StateCarrier, type JustBash, type Network, type ShellState } from "../bash/index.js";
import { TrackedFs, type FileChanges, type FileContent } from "./tracked-fs.js";

export interface HostShellOptions {
  docker: DockerCommand;
  clock: ShellClock;
  history: HistoryPort;
  /** Host files to restore; without them the home directory starts with a README. */
  files?: Readonly<Record<string, FileContent>>;
  /** How just-bash is fetched; tests pass a slow or failing one. */
  loadBash?: () => Promise<JustBash>;
  /** The daemon's objects, for Tab completion of `docker` lines. */
  objects?: DockerObjects;
  /** The host's network: curl and wget reach containers' published ports through it. */
  network?: () => Network | undefined;
  /** The host's random bytes; without them the CLI's come from clockSeededRandom. */
  randomFill?: RandomFill;
}

// Runaway scripts end with an error instead of hanging the tab: `while true; do :; done`
// hits the command count within a second; sleeping loops hit the wall-clock limit.
const executionLimits = {
  maxCommandCount: 100_000,
  maxLoopIterations: 100_000,
  maxCallDepth: 100,
  maxOutputSize: 16 * 1024 * 1024,
  maxExecutionTimeMs: 30 * 60 * 1000,
};

const hostFsBytes = 128 * 1024 * 1024;
const alwaysThere = ["cd", "clear", "docker", "exit", "export", "history", "hostname", "unset", "whoami"];

interface Loaded {
  jb: JustBash;
  bash: Bash;
  fs: TrackedFs;
  carrier: StateCarrier;
}

function initialState(): ShellState {
  const vars = {
    HOME: home,
    USER: user,
    LOGNAME: user,
    HOSTNAME: hostname,
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    TERM: "xterm-256color",
    SHELL: "/bin/bash",
    PWD: home,
  };
  return { cwd: home, vars, exported: Object.keys(vars), status: 0 };
}

export class HostShell {
  readonly complete: Completer;
  private state = initialState();
  private files: Readonly<Record<string, FileContent>> | undefined;
  private loading: Promise<Loaded> | undefined;
  private loaded: Loaded | undefined;
  private generation = 0;

  constructor(private readonly options: HostShellOptions) {
    this.files = options.files;
    this.complete = createCompleter({
      commands: () => [...alwaysThere, ...(this.loaded?.jb.getCommandNames() ?? [])],
      paths: () => this.loaded?.fs.getAllPaths(),
      cwd: () => this.state.cwd,
      home,
      env: () => exportedEnv(this.state),
      ...(options.objects ? { docker: options.objects } : {}),
    });
  }

  get cwd(): string {
    return this.state.cwd;
  }

  /** The host's files (what bind mounts show inside containers), once just-bash is loaded. */
  async fileSystem(): Promise<IFileSystem> {
    return (await this.load()).fs;
  }

  /** Starts fetching just-bash in the background. */
  preload(): void {
    this.load().catch(() => undefined);
  }

  /** Runs one line; resolves with its exit status (130 when interrupted). */
  async run(line: string, terminal: TerminalStreams): Promise<number> {
    const argv = literalCommand(line);
    const status = argv ? await this.runLiteral(argv, line, terminal) : await this.runInBash(line, terminal);
    const final = terminal.signal.aborted ? 130 : status;
    this.state = { ...this.state, status: final };
    return final;
  }

  /** Host files written, moved or removed since the last call. */
  async takeFileChanges(): Promise<FileChanges> {
    return this.loaded ? this.loaded.fs.takeChanges() : {};
  }

  /** Back to a fresh shell over `files` (the README alone when undefined). */
  reset(files: Readonly<Record<string, FileContent>> | undefined): void {
    const wasLoading = this.loading !== undefined;
    this.generation++;
    this.files = files;
    this.state = initialState();
    this.loading = undefined;
    this.loaded = undefined;
    if (wasLoading) this.preload();
  }

  private async runLiteral(argv: string[], line: string, terminal: TerminalStreams): Promise<number> {
    const [name = "", ...args] = argv;
    // An alias of the same name is the learner's choice; only the shell knows what it means.
    if (`BASH_ALIAS_${name}` in this.state.vars) return this.runInBash(line, terminal);
    switch (name) {
      case "docker": {
        const hostFiles = lazyHostFiles(async () => (await this.load()).fs, () => this.state.cwd);
        const io = terminalIo(terminal, exportedEnv(this.state), this.options.clock, (path) => this.readHostFile(path), (path, text) => this.writeHostFile(path, text), hostFiles, this.options.randomFill);
        return runDockerCommand(this.options.docker, args, io);
      }
      case "exit":
      case "logout":
        terminal.write(exitText);
        return 0;
      case "clear":
        if (args.length > 0) break;
        terminal.write(clearSequence);
        return 0;
      case "history": {
        const out = historyCommand(args, this.options.history);
        terminal.write(out.stdout + out.stderr);
        return out.exitCode;
      }
    }
    return this.runInBash(line, terminal);
  }

  private async runInBash(line: string, terminal: TerminalStreams): Promise<number> {
    try {
      const loaded = await untilAborted(this.load(), terminal.signal);
      if (!loaded) return 130;
      const { result, state } = await loaded.carrier.exec(loaded.bash, line, this.state, terminal.signal);
      // An interrupted run's partial output and "execution aborted" note are dropped: the
      // terminal already shows ^C, as bash would.
      if (terminal.signal.aborted) return 130;
      terminal.write(result.stdout);
      terminal.write(result.stderr);
      if (state) this.state = state;
      return result.exitCode;
    } catch (error) {
      if (terminal.signal.aborted) return 130;
      terminal.write(`bash: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }

  private async readHostFile(path: string): Promise<string> {
    const { fs } = await this.load();
    return fs.readFile(fs.resolvePath(this.state.cwd, path));
  }

  /** For the CLI's own files (~/.docker/config.json): kept, and saved, with the learner's files. */
  private async writeHostFile(path: string, text: string): Promise<void> {
    const { fs } = await this.load();
    await writeCreatingDirs(fs, fs.resolvePath(this.state.cwd, path), text);
  }

  private load(): Promise<Loaded> {
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.create().then((loaded) => {
      if (generation === this.generation) this.loaded = loaded;
      return loaded;
    });
    // A failed download is retried by the next line that needs the shell.
    loading.catch(() => {
      if (this.loading === loading) this.loading = undefined;
    });
    this.loading = loading;
    return loading;
  }

  private async create(): Promise<Loaded> {
    const files = this.files;
    const jb = await (this.options.loadBash ?? loadJustBash)();
    const fs = new TrackedFs(new jb.InMemoryFs(undefined, { maxTotalBytes: hostFsBytes }));
    fs.mkdirSync(home, { recursive: true });
    fs.mkdirSync("/tmp", { recursive: true });
    // The seeded README is written like any file, so it is reported and saved with the rest.
    if (files) await fs.restore(files);
    else await fs.writeFile(`${home}/README.md`, readmeText);
    const carrier = new StateCarrier(jb);
    const bash = new jb.Bash({
      fs,
      cwd: home,
      env: exportedEnv(initialState()),
      customCommands: [...this.commands(jb), carrier.command],
      sleep: (ms) => new Promise<void>((resolve) => void this.options.clock.setTimer(ms, resolve)),
      executionLimits,
      // Defense-in-depth patches globals such as setTimeout while scripts run; in a worker that
      // also runs the engine that would reach our own code, and the learner is not an attacker
      // of their own tab.
      defenseInDepth: false,
    });
    bash.registerTransformPlugin(carrier.plugin);
    this.state = { ...this.state, vars: { ...shellVariables(Object.entries(bash.getEnv())), ...this.state.vars } };
    return { jb, bash, fs, carrier };
  }

  private commands(jb: JustBash): Command[] {
    const reply = (out: CommandOutput) => Promise.resolve(out);
    const text = (stdout: string) => reply({ stdout, stderr: "", exitCode: 0 });
    return [
      jb.defineCommand("docker", async (args, ctx) => {
        const readFile = (path: string) => ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, path));
        const env = ctx.exportedEnv ?? Object.fromEntries(ctx.env);
        const writeFile = (path: string, text: string) => writeCreatingDirs(ctx.fs, ctx.fs.resolvePath(ctx.cwd, path), text);
        const extras = {
          hostFiles: hostFilesOver(ctx.fs, () => ctx.cwd),
          stdinBytes: latin1Bytes(ctx.stdin as unknown as string),
          ...(this.options.randomFill ? { randomFill: this.options.randomFill } : {}),
        };
        const captured = capturedIo(env, this.options.clock, readFile, ctx.signal, utf8FromLatin1(ctx.stdin as unknown as string), writeFile, extras);
        const exitCode = await runDockerCommand(this.options.docker, args, captured.io);
        return { ...captured.output(), exitCode };
      }),
      jb.defineCommand("clear", () => text(clearSequence)),
      jb.defineCommand("history", (args) => reply(historyCommand(args, this.options.history))),
      jb.defineCommand("hostname", () => text(`${hostname}\n`)),
      jb.defineCommand("whoami", () => text(`${user}\n`)),
      ...(this.options.network ? networkCommands(jb, this.options.network) : []),
    ];
  }
}

/** Writes a file after creating its directory, as `mkdir -p` would. */
async function writeCreatingDirs(fs: Pick<IFileSystem, "mkdir" | "writeFile">, path: string, text: string): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf("/"));
  if (dir) await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path, text);
}

/** just-bash hands stdin over as bytes in a latin1 string; the CLI reads text. */
function utf8FromLatin1(bytes: string): string {
  if (!/[\x80-\xff]/.test(bytes)) return bytes;
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
}

/** The promise's value, or undefined if the signal fires first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
