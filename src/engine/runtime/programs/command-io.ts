// The same tool (redis-cli, psql, node, nc…) runs two ways: as a command inside a container's
// shell (a just-bash command, its input given whole, Ctrl-C an abort signal) or as a process of
// its own (`docker exec -it db psql`: input read from the process, Ctrl-C a signal). CommandIo is
// what the tool sees in both cases.
import type { CommandContext } from "just-bash";
import type { ProcessContext, Program, RunningProgram } from "../program.js";

export interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CommandIo {
  /** Piped input, whole ("" when the input is a terminal: the tool reads lines instead). */
  readAll(): Promise<string>;
  /** Writes at once: prompts and the answers of an interactive session. */
  write(text: string): void;
  writeError(text: string): void;
  /** The next typed line; null at end of input or on Ctrl-C. */
  readLine(): Promise<string | null>;
  /** Ctrl-C, or the process has gone. */
  stopped(): boolean;
  /** Work to undo when the command is interrupted or its process killed (timers, listeners). */
  onStop(cleanup: () => void): void;
}

export type Tool = (ctx: ProcessContext, args: string[], io: CommandIo) => Promise<Out>;

/** just-bash hands stdin over as bytes, one per character: decode them as UTF-8. */
function textOf(latin1: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(latin1)) return latin1;
  return new TextDecoder().decode(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));
}

/**
 * The process context as a command of the shell sees it: the shell's current directory and its
 * exported variables (`cd /app`, `export PGPASSWORD=…`, `A=1 cmd`), the rest the process's.
 */
export function commandContext(ctx: ProcessContext, context: CommandContext): ProcessContext {
  const vars = context.exportedEnv ?? Object.fromEntries(context.env);
  return Object.create(ctx, {
    env: { value: Object.entries(vars).map(([k, v]) => `${k}=${v}`) },
    cwd: { value: context.cwd },
  }) as ProcessContext;
}

/** The io of a command run by the shell: `context` is just-bash's for this command. */
export function shellIo(ctx: ProcessContext, context: CommandContext): CommandIo {
  const signal = context.signal;
  return {
    readAll: () => Promise.resolve(textOf(context.stdin as unknown as string)),
    write: (text) => ctx.stdout(text),
    writeError: (text) => ctx.stderr(text),
    stopped: () => ctx.exited || signal?.aborted === true,
    onStop: (cleanup) => signal?.addEventListener("abort", cleanup, { once: true }),
    readLine: () => {
      if (signal?.aborted) return Promise.resolve(null);
      return new Promise((resolve) => {
        const stop = () => resolve(null);
        signal?.addEventListener("abort", stop, { once: true });
        void ctx.read().then((line) => {
          signal?.removeEventListener("abort", stop);
          resolve(line);
        });
      });
    },
  };
}

/**
 * A tool as a process of its own. It ends with the tool's status. Ctrl-C at an interactive
 * prompt ends the session; otherwise these programs install no signal handlers, so as PID 1 they
 * ignore SIGINT and SIGTERM (the classic `docker stop` wait of a node server) and elsewhere die.
 */
export function toolProgram(tool: Tool): Program {
  return (ctx) => {
    let interrupted = false;
    let wake: (() => void) | undefined;
    const cleanups: (() => void)[] = [];
    const io: CommandIo = {
      async readAll() {
        if (ctx.tty) return "";
        let all = "";
        for (let chunk = await ctx.read(); chunk !== null; chunk = await ctx.read()) all += chunk;
        return all;
      },
      write: (text) => ctx.stdout(text),
      writeError: (text) => ctx.stderr(text),
      stopped: () => interrupted || ctx.exited,
      onStop: (cleanup) => cleanups.push(cleanup),
      readLine: () =>
        new Promise((resolve) => {
          wake = () => resolve(null);
          void ctx.read().then((line) => {
            wake = undefined;
            resolve(line);
          });
        }),
    };
    tool(ctx, ctx.argv.slice(1), io)
      .then((out) => {
        if (out.stdout) ctx.stdout(out.stdout);
        if (out.stderr) ctx.stderr(out.stderr);
        ctx.exit(out.exitCode);
      })
      .catch((error: unknown) => {
        ctx.stderr(`${ctx.argv[0] ?? ""}: ${error instanceof Error ? error.message : String(error)}\n`);
        ctx.exit(1);
      });
    return {
      signal(name) {
        if (name !== "SIGINT" || !wake) return false;
        interrupted = true;
        wake();
        return true;
      },
      kill() {
        interrupted = true;
        for (const cleanup of cleanups.splice(0)) cleanup();
      },
    };
  };
}

/**
 * A program (a server such as redis-server) run as a command of a shell: it gets the shell's
 * context, its exit ends the command rather than the shell, and Ctrl-C reaches it as SIGINT.
 *
 * What it writes is held while it runs through its first turn: a quick one (`nginx -t`,
 * `redis-server --version`) hands its output to the shell as a command's result, so pipes,
 * redirections and `$(…)` take it. One still running after that is a server: what it held and
 * everything after goes out as it comes, for `docker logs` to follow.
 */
export function programAsCommand(program: Program, ctx: ProcessContext, context: CommandContext, argv: string[]): Promise<Out> {
  return new Promise((resolve) => {
    let ended = false;
    let held: { stdout: string; stderr: string } | undefined = { stdout: "", stderr: "" };
    const holder: { running?: RunningProgram } = {};
    const end = (code: number) => {
      if (ended) return;
      ended = true;
      holder.running?.kill?.();
      resolve({ stdout: held?.stdout ?? "", stderr: held?.stderr ?? "", exitCode: code });
    };
    const write = (stream: "stdout" | "stderr", text: string) => {
      if (ended) return;
      if (held) held[stream] += text;
      else ctx[stream](text);
    };
    const child = Object.create(ctx, {
      argv: { value: argv },
      exit: { value: end },
      exited: { get: () => ended || ctx.exited },
      stdout: { value: (text: string) => write("stdout", text) },
      stderr: { value: (text: string) => write("stderr", text) },
      sleep: { value: async (ms: number) => !ended && (await ctx.sleep(ms)) && !ended },
    }) as ProcessContext;
    const running = program(child);
    holder.running = running;
    void Promise.resolve().then(() => {
      if (ended || !held) return;
      const { stdout, stderr } = held;
      held = undefined;
      if (stdout) ctx.stdout(stdout);
      if (stderr) ctx.stderr(stderr);
    });
    context.signal?.addEventListener("abort", () => {
      if (!running.signal("SIGINT")) end(130);
    }, { once: true });
  });
}
