// What an interactive shell keeps from one line to the next: working directory, variables
// (with their export flags, aliases included) and $?. just-bash starts every exec() afresh, so
// we carry this ourselves. Each line runs as
//
//   <preamble: shopt -s expand_aliases; export NAMES; set $?>  <the line>  <capture>
//
// spliced in as syntax trees by a transform plugin, never by pasting text, so nothing the
// learner types (an open quote, a here-document) can swallow the additions. The trees are
// built by hand: just-bash's browser build does not export its parser. The capture is a
// command that reads the interpreter's own cwd and environment. When a line ends early (exit,
// Ctrl-C, an execution limit) the capture never runs and the previous state stands.

import type {
  Bash,
  BashExecResult,
  Command,
  SimpleCommandNode,
  StatementNode,
  TransformPlugin,
  WordNode,
} from "just-bash";
import type { JustBash } from "./just-bash.js";

export interface ShellState {
  cwd: string;
  /** Shell variables, exported or not. */
  vars: Readonly<Record<string, string>>;
  /** Names among `vars` that child processes (and docker's `-e NAME`) see. */
  exported: readonly string[];
  /** $? */
  status: number;
}

const stateCommand = "__playground_state";
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Values the interpreter derives itself; feeding them back would fight it.
const derived = new Set(["SHELLOPTS", "BASHOPTS", "PPID", "BASHPID", "RANDOM", "SECONDS", "LINENO"]);

/** The variables worth carrying to the next line, from the interpreter's environment. */
export function shellVariables(entries: Iterable<[string, string]>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (identifier.test(name) && !derived.has(name)) vars[name] = value;
  }
  return vars;
}

export function exportedEnv(state: ShellState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of state.exported) {
    const value = state.vars[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

export class StateCarrier {
  readonly command: Command;
  readonly plugin: TransformPlugin;
  private armed: { before: StatementNode[]; after: StatementNode[] } | undefined;
  private readonly captured = new Map<string, ShellState>();
  private runs = 0;

  constructor(jb: JustBash) {
    // `__playground_state status N` sets $?; `__playground_state capture TOKEN` records the
    // state under TOKEN and passes the line's $? through.
    this.command = jb.defineCommand(stateCommand, async ([mode, arg = ""], ctx) => {
      const status = mode === "status" ? Number(arg) : Number(ctx.env.get("?") ?? "0");
      if (mode === "capture") {
        const vars = shellVariables(ctx.env);
        const exported = Object.keys(ctx.exportedEnv ?? {}).filter((name) => name in vars);
        this.captured.set(arg, { cwd: ctx.cwd, vars, exported, status });
      }
      return { stdout: "", stderr: "", exitCode: status };
    });
    this.plugin = {
      name: "playground-shell-state",
      // Only the top-level script of our exec is armed; nested `bash -c` runs pass untouched.
      transform: ({ ast }) => {
        const armed = this.armed;
        this.armed = undefined;
        if (!armed) return { ast };
        return { ast: { ...ast, statements: [...armed.before, ...ast.statements, ...armed.after] } };
      },
    };
  }

  /** Runs a line in `state`; `state` in the answer is undefined when the line ended early. */
  async exec(
    bash: Bash,
    line: string,
    state: ShellState,
    signal: AbortSignal,
  ): Promise<{ result: BashExecResult; state: ShellState | undefined }> {
    const token = `r${++this.runs}`;
    const names = state.exported.filter((name) => identifier.test(name));
    this.armed = {
      before: [
        statement("shopt", "-s", "expand_aliases"),
        ...(names.length > 0 ? [statement("export", ...names)] : []),
        statement(stateCommand, "status", String(state.status)),
      ],
      after: [statement(stateCommand, "capture", token)],
    };
    try {
      const result = await bash.exec(line, {
        cwd: state.cwd,
        env: { ...state.vars, PWD: state.cwd },
        replaceEnv: true,
        signal,
      });
      // Still armed: the line never parsed (a syntax error), so it ran nothing and the shell
      // goes on as it was, with the error's status.
      if (this.armed) return { result, state: { ...state, status: result.exitCode } };
      return { result, state: this.captured.get(token) };
    } finally {
      this.armed = undefined;
      this.captured.delete(token);
    }
  }
}

/** A statement that runs one command with literal words. */
function statement(...argv: string[]): StatementNode {
  const word = (value: string): WordNode => ({ type: "Word", parts: [{ type: "Literal", value }] });
  const [name = "", ...args] = argv;
  const command: SimpleCommandNode = {
    type: "SimpleCommand",
    assignments: [],
    name: word(name),
    args: args.map(word),
    redirections: [],
  };
  return {
    type: "Statement",
    pipelines: [{ type: "Pipeline", commands: [command], negated: false }],
    operators: [],
    background: false,
  };
}
