// Shells and ordinary commands inside a container, run by just-bash over the container's own
// files: `sh -c SCRIPT`, `sh script.sh`, an interactive shell reading its terminal line by line
// (with the image's prompt), and any command that is not a program of its own (ls, cat, grep…).
// just-bash is loaded on first use so the engine starts without it.
import type * as JustBash from "just-bash/browser";
import { inColumns, loadJustBash, networkCommands, StateCarrier, streamingOutput, TERMINAL_LS, type ShellState, type StreamingOutput } from "../../../bash/index.js";
import { containerNetwork } from "./container-network.js";
import { commandView, lookupPlugin, withoutLookupTraces } from "./command-view.js";
import { CONTAINER_COMMAND_NAMES, containerCommands } from "./container-commands.js";
import { noHandlers, type ProcessContext, type Program, type RunningProgram } from "../program.js";

type BashModule = typeof JustBash;

let names: Set<string> | undefined;

/** Every command the interpreter implements, ours included. */
function commandNames(jb: BashModule): Set<string> {
  names ??= new Set([...jb.getCommandNames(), "hostname", "env", "curl", "wget", "ping", "nslookup", ...CONTAINER_COMMAND_NAMES]);
  return names;
}

function envRecord(env: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of env) {
    const eq = entry.indexOf("=");
    if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}

function quote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Which shell an argv[0] is, for its prompt and messages: busybox ash, dash or bash. */
function flavour(ctx: ProcessContext): "ash" | "dash" | "bash" {
  const name = ctx.argv[0]?.slice(ctx.argv[0].lastIndexOf("/") + 1) ?? "sh";
  if (name === "bash") return "bash";
  try {
    const real = ctx.root?.resolve(ctx.argv[0]?.includes("/") ? ctx.argv[0] : `/bin/${name}`, true).path ?? "";
    if (real.endsWith("/dash")) return "dash";
    if (real.endsWith("/bash")) return "bash";
  } catch {
    // No such file: fall back on the name.
  }
  return "ash";
}

/**
 * The interpreter speaks as bash; busybox ash and dash word their messages their own way:
 * "sh: nope: not found" and "sh: 1: nope: not found" where bash says "bash: nope: command not found".
 */
function shellVoice(kind: "ash" | "dash" | "bash"): (text: string) => string {
  // A redirection that cannot open its file: the interpreter reports the filesystem's error.
  const redirect = /^bash: (E[A-Z]+): [^,\n]*, \w+ '([^'\n]+)'$/gm;
  const because = (code: string) => strerror[code] ?? code;
  if (kind === "bash") return (text) => withoutLookupTraces(text).replace(redirect, (_m, code: string, path: string) => `bash: ${path}: ${because(code)}`);
  return (text) =>
    withoutLookupTraces(text)
      .replace(redirect, (_m, code: string, path: string) =>
        kind === "dash" ? `sh: 1: cannot create ${path}: ${because(code)}` : `sh: can't create ${path}: ${code === "ENOENT" ? "nonexistent directory" : because(code)}`,
      )
      .replace(/^bash: (.+): command not found$/gm, kind === "dash" ? "sh: 1: $1: not found" : "sh: $1: not found")
      .replace(/^bash: /gm, "sh: ");
}

const strerror: Record<string, string> = {
  EROFS: "Read-only file system",
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  EACCES: "Permission denied",
  ENOTDIR: "Not a directory",
  ENOSPC: "No space left on device",
};

interface Interpreter {
  bash: JustBash.Bash;
  carrier: StateCarrier;
  streaming: StreamingOutput;
}

async function interpreter(ctx: ProcessContext, streamOutput: boolean): Promise<Interpreter> {
  const jb: BashModule = await loadJustBash();
  // The container's own name for itself, not the interpreter's default.
  const hostname = jb.defineCommand("hostname", () => Promise.resolve({ stdout: `${ctx.hostname}\n`, stderr: "", exitCode: 0 }));
  // `env` lists the exported environment only, not every shell variable.
  const env = jb.defineCommand("env", (args, context) => {
    if (args.length > 0) return context.exec ? context.exec(args.map(quote).join(" "), { cwd: context.cwd }) : Promise.resolve({ stdout: "", stderr: "", exitCode: 0 });
    const vars = { ...(context.exportedEnv ?? Object.fromEntries(context.env)) };
    // just-bash tracks OLDPWD even before any cd; a fresh shell exports no such thing.
    delete vars["OLDPWD"];
    return Promise.resolve({ stdout: Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""), stderr: "", exitCode: 0 });
  });
  const carrier = new StateCarrier(jb);
  const speak = shellVoice(flavour(ctx));
  const streaming = streamingOutput((stream, text) => (stream === "stdout" ? ctx.stdout(text) : ctx.stderr(speak(text))), () => ctx.pace(), ctx.tty);
  // `ls` straight onto the container's terminal: the same listing, laid out in columns.
  const terminalLs = jb.defineCommand(TERMINAL_LS, async (args, context) => {
    const run = (line: string) =>
      context.exec ? context.exec(line, { cwd: context.cwd, env: context.exportedEnv ?? Object.fromEntries(context.env) }) : Promise.resolve({ stdout: "", stderr: "", exitCode: 127 });
    const line = ["ls", ...args].map(quote).join(" ");
    const long = args.some((a) => /^-[a-zA-Z]*[l1gno]/.test(a) || a.startsWith("--format"));
    const result = await streaming.nested(() => run(line));
    // Several directories (with headings) or long formats stay as ls wrote them.
    if (long || /^[^\n]*:\n/m.test(result.stdout) || result.stdout.includes("\n\n")) return result;
    return { ...result, stdout: inColumns(result.stdout, ctx.size.cols) };
  });
  // A container whose image has no files still gets a root with its hostname in it.
  const names = commandNames(jb);
  const files = ctx.fs ? commandView(ctx.fs, names) : new jb.InMemoryFs({ "/etc/hostname": `${ctx.hostname}\n` });
  const bash = new jb.Bash({
    customCommands: [hostname, env, carrier.command, terminalLs, ...networkCommands(jb, () => containerNetwork(ctx)), ...containerCommands(jb, ctx)],
    env: { ...envRecord(ctx.env), SHLVL: "1" },
    cwd: ctx.cwd,
    fs: streamOutput ? streaming.filesystem(files) : files,
    sleep: async (ms) => {
      await ctx.sleep(ms);
    },
    executionLimits: { maxCommandCount: 50_000, maxLoopIterations: 100_000 },
    processInfo: { pid: 1, ppid: 0, uid: ctx.user === "" || ctx.user === "root" || ctx.user === "0" ? 0 : 1000, gid: 0 },
    // The sandbox's global patching (setTimeout blocked while a script runs) would reach the
    // engine's own timers, which share this thread with every container.
    defenseInDepth: false,
  });
  bash.registerTransformPlugin(carrier.plugin);
  // `type` prints where a command really is, not where the view shows it to the PATH search.
  if (ctx.fs) bash.registerTransformPlugin(lookupPlugin(names));
  if (streamOutput) bash.registerTransformPlugin(streaming.plugin);
  return { bash, carrier, streaming };
}

/** Runs a script to its end, streaming its direct output; the process exits with its status. */
async function runScript(ctx: ProcessContext, script: string, args: string[], signal: AbortSignal): Promise<void> {
  const { bash, streaming } = await interpreter(ctx, true);
  const positional = args.map(quote).join(" ");
  streaming.arm();
  const result = await bash.exec(positional ? `set -- ${positional}\n${script}` : script, { rawScript: true, signal });
  if (ctx.exited) return;
  if (result.stdout) ctx.stdout(result.stdout);
  if (result.stderr) ctx.stderr(shellVoice(flavour(ctx))(result.stderr));
  ctx.exit(result.exitCode);
}

function startScript(ctx: ProcessContext, script: string, args: string[]): RunningProgram {
  const abort = new AbortController();
  runScript(ctx, script, args, abort.signal).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // A filesystem error the interpreter let through (a redirection onto a read-only mount):
    // worded as the shell words it, and the command fails with 1.
    if (/^E[A-Z]+: /.test(message)) {
      ctx.stderr(shellVoice(flavour(ctx))(`bash: ${message}\n`));
      ctx.exit(1);
      return;
    }
    ctx.stderr(`${ctx.argv[0]}: ${message}\n`);
    ctx.exit(2);
  });
  // A script is PID 1 with no traps: SIGTERM is ignored, SIGKILL after the timeout ends it.
  return { signal: () => false, kill: () => abort.abort() };
}

function prompt(kind: "ash" | "dash" | "bash", ctx: ProcessContext, state: ShellState): string {
  const home = state.vars["HOME"] ?? "/root";
  const cwd = state.cwd === home ? "~" : state.cwd.startsWith(`${home}/`) ? `~${state.cwd.slice(home.length)}` : state.cwd;
  const root = ctx.user === "" || ctx.user === "root" || ctx.user === "0";
  const mark = root ? "#" : "$";
  if (kind === "dash") return `${mark} `;
  if (kind === "bash") return `${state.vars["USER"] ?? (root ? "root" : "user")}@${ctx.hostname}:${cwd}${mark} `;
  return `${cwd} ${mark} `;
}

/**
 * An interactive shell: reads a line, runs it, prints the prompt again. Without a terminal
 * there is no prompt and no echo (`echo ls | docker run -i alpine sh`).
 */
function interactive(ctx: ProcessContext): RunningProgram {
  const kind = flavour(ctx);
  let running: AbortController | undefined;
  let state: ShellState = {
    cwd: ctx.cwd,
    vars: { ...envRecord(ctx.env), HOME: envRecord(ctx.env)["HOME"] ?? "/root", PWD: ctx.cwd },
    exported: Object.keys(envRecord(ctx.env)),
    status: 0,
  };
  let interrupted = false;
  let idle = false;
  const loop = async () => {
    const { bash, carrier, streaming } = await interpreter(ctx, true);
    let pending = "";
    let atEnd = false;
    for (;;) {
      if (ctx.tty && !pending) ctx.stdout(prompt(kind, ctx, state));
      idle = true;
      const input = await ctx.read();
      idle = false;
      if (ctx.exited) return;
      if (input === null && (pending === "" || atEnd)) {
        // End of input ends the shell with the last status, as `exit` would.
        if (ctx.tty) ctx.stdout("exit\n");
        ctx.exit(state.status);
        return;
      }
      if (input === null) atEnd = true;
      else pending += input;
      // Piped input runs a line at a time; what is left at end of input runs too.
      if (!pending.endsWith("\n") && !ctx.tty && !atEnd) continue;
      const lines = pending;
      pending = "";
      running = new AbortController();
      interrupted = false;
      streaming.arm();
      const { result, state: next } = await carrier.exec(bash, lines, state, running.signal);
      running = undefined;
      if (ctx.exited) return;
      if (result.stdout) ctx.stdout(result.stdout);
      // An interrupted line just stops; the interpreter's note about it is not shell output.
      if (result.stderr && !interrupted) ctx.stderr(shellVoice(kind)(result.stderr));
      if (next) {
        state = next;
      } else if (interrupted) {
        state = { ...state, status: 130 };
      } else {
        // The line ended the shell (exit, or an execution limit).
        ctx.exit(result.exitCode);
        return;
      }
    }
  };
  loop().catch((error: unknown) => {
    ctx.stderr(`${ctx.argv[0]}: ${error instanceof Error ? error.message : String(error)}\n`);
    ctx.exit(2);
  });
  return {
    signal(name) {
      // Ctrl-C cancels the running line; the shell itself carries on.
      if (name === "SIGINT") {
        interrupted = true;
        running?.abort();
        // At the prompt: the tty echoed ^C; the shell abandons the line and prompts again.
        if (idle && ctx.tty) {
          state = { ...state, status: 130 };
          ctx.stdout(prompt(kind, ctx, state));
        }
        return true;
      }
      if (name === "SIGHUP") {
        ctx.exit(129);
        return true;
      }
      return false;
    },
    kill() {
      running?.abort();
    },
  };
}

export const shell: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const c = args.indexOf("-c");
  if (c >= 0) {
    const script = args[c + 1];
    if (script === undefined) {
      ctx.stderr(`${ctx.argv[0]}: -c requires an argument\n`);
      ctx.exit(2);
      return noHandlers;
    }
    return startScript(ctx, script, args.slice(c + 2));
  }
  const file = args.find((a) => !a.startsWith("-"));
  if (file !== undefined) return runFile(ctx, file, args.slice(args.indexOf(file) + 1));
  return interactive(ctx);
};

/** `sh script.sh ARGS`: the script's text from the container's files. */
function runFile(ctx: ProcessContext, file: string, args: string[]): RunningProgram {
  const path = file.startsWith("/") ? file : `${ctx.cwd.replace(/\/$/, "")}/${file}`;
  let started: RunningProgram | undefined;
  // Read through the container's view, so a script on a volume or bind mount runs too.
  const read = ctx.fs ? ctx.fs.readFile(path) : Promise.resolve(ctx.root?.readText(path) ?? Promise.reject(new Error("missing")));
  read.then(
    (text) => {
      if (!ctx.exited) started = startScript(ctx, text, args);
    },
    () => {
      ctx.stderr(`${ctx.argv[0]}: can't open '${file}': No such file or directory\n`);
      ctx.exit(2);
    },
  );
  return { signal: (name) => started?.signal(name) ?? false, kill: () => started?.kill?.() };
}

/** A script file run directly (`#!/bin/sh` first line): the shell runs its text. */
export function scriptProgram(text: string): Program {
  return (ctx) => startScript(ctx, text, ctx.argv.slice(1));
}

/** A command with no program of its own (ls, cat, grep…): just-bash runs it over the files. */
export const command: Program = (ctx) => startScript(ctx, ctx.argv.map(quote).join(" "), []);
