// just-bash hands back a script's output when the whole script ends. A container running
// `while true; do echo tick; sleep 1; done` must write "tick" every second instead, so that
// `docker logs -f` shows it. This plugin rewrites each simple command whose output goes straight
// to the script's stdout (not piped, redirected or captured by `$(…)`) into
// `__stream NAME ARGS…`: the interpreter still expands the words, and the __stream command runs
// the expanded command and writes its output at once, returning its exit status.

import type { Command, CommandNode, ScriptNode, StatementNode, TransformPlugin, WordNode } from "just-bash";
import type { JustBash } from "./just-bash.js";

export const streamCommandName = "__stream";

// Builtins change the shell itself (cd, export, read…) and must run in it, not in a nested exec.
const builtins = new Set([
  ".", ":", "[", "alias", "bg", "break", "builtin", "cd", "command", "continue", "declare", "dirs",
  "disown", "eval", "exec", "exit", "export", "false", "fg", "getopts", "hash", "jobs", "let",
  "local", "mapfile", "popd", "pushd", "read", "readarray", "readonly", "return", "set",
  "shift", "shopt", "source", "test", "trap", "true", "type", "typeset", "ulimit", "umask",
  "unalias", "unset", "wait",
]);

function literalName(word: WordNode | null): string | undefined {
  if (!word || word.parts.length !== 1) return undefined;
  const part = word.parts[0];
  return part?.type === "Literal" ? part.value : undefined;
}

function functionNames(statements: StatementNode[], into: Set<string>): void {
  const visitCommand = (command: CommandNode) => {
    if (command.type === "FunctionDef") into.add(command.name);
    for (const body of bodiesOf(command)) functionNames(body, into);
  };
  for (const s of statements) for (const p of s.pipelines) for (const c of p.commands) visitCommand(c);
}

/** The statement lists inside a compound command whose output reaches the same place it does. */
function bodiesOf(command: CommandNode): StatementNode[][] {
  switch (command.type) {
    case "If":
      return [...command.clauses.flatMap((c) => [c.condition, c.body]), ...(command.elseBody ? [command.elseBody] : [])];
    case "While":
    case "Until":
      return [command.condition, command.body];
    case "For":
    case "CStyleFor":
    case "Group":
    case "Subshell":
      return [command.body];
    case "Case":
      return command.items.map((i) => i.body);
    default:
      return [];
  }
}

function hasRedirections(command: CommandNode): boolean {
  return "redirections" in command && command.redirections.length > 0;
}

function rewriteStatements(statements: StatementNode[], functions: Set<string>): StatementNode[] {
  return statements.map((statement) => {
    if (statement.background) return statement;
    return {
      ...statement,
      pipelines: statement.pipelines.map((pipeline) => {
        const only = pipeline.commands[0];
        if (pipeline.commands.length !== 1 || !only) return pipeline;
        return { ...pipeline, commands: [rewriteCommand(only, functions)] };
      }),
    };
  });
}

function rewriteCommand(command: CommandNode, functions: Set<string>): CommandNode {
  if (hasRedirections(command)) return command;
  if (command.type === "SimpleCommand") {
    const name = literalName(command.name);
    if (!name || !command.name || command.assignments.length > 0 || builtins.has(name) || name.startsWith("__") || functions.has(name)) return command;
    const streamWord: WordNode = { type: "Word", parts: [{ type: "Literal", value: streamCommandName }] };
    return { ...command, name: streamWord, args: [command.name, ...command.args] };
  }
  switch (command.type) {
    case "If":
      return {
        ...command,
        clauses: command.clauses.map((c) => ({ condition: rewriteStatements(c.condition, functions), body: rewriteStatements(c.body, functions) })),
        elseBody: command.elseBody ? rewriteStatements(command.elseBody, functions) : null,
      };
    case "While":
    case "Until":
      return { ...command, condition: rewriteStatements(command.condition, functions), body: rewriteStatements(command.body, functions) };
    case "For":
    case "CStyleFor":
    case "Group":
    case "Subshell":
      return { ...command, body: rewriteStatements(command.body, functions) };
    case "Case":
      return { ...command, items: command.items.map((i) => ({ ...i, body: rewriteStatements(i.body, functions) })) };
    default:
      return command;
  }
}

/** Rewrites a script so that its direct output is written as each command finishes. */
export function streamScript(ast: ScriptNode): ScriptNode {
  const functions = new Set<string>();
  functionNames(ast.statements, functions);
  return { ...ast, statements: rewriteStatements(ast.statements, functions) };
}

function quote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface StreamingOutput {
  command: Command;
  plugin: TransformPlugin;
}

/**
 * The __stream command and the plugin that routes commands through it; `write` receives output
 * as it is produced. Nested runs (the command's own exec, `sh -c` inside it) are left alone.
 */
export function streamingOutput(jb: JustBash, write: (stream: "stdout" | "stderr", text: string) => void, pace?: () => Promise<void>): StreamingOutput {
  let depth = 0;
  const command = jb.defineCommand(streamCommandName, async (args, ctx) => {
    if (!ctx.exec) return { stdout: "", stderr: "", exitCode: 127 };
    await pace?.();
    depth++;
    try {
      const result = await ctx.exec(args.map(quote).join(" "), {
        cwd: ctx.cwd,
        env: ctx.exportedEnv ?? Object.fromEntries(ctx.env),
        stdin: ctx.stdin as unknown as string,
        stdinKind: "bytes",
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      if (result.stdout) write("stdout", result.stdout);
      if (result.stderr) write("stderr", result.stderr);
      return { stdout: "", stderr: "", exitCode: result.exitCode };
    } finally {
      depth--;
    }
  });
  const plugin: TransformPlugin = {
    name: "stream-output",
    transform: ({ ast }) => (depth > 0 ? { ast } : { ast: streamScript(ast) }),
  };
  return { command, plugin };
}
