// just-bash hands back a script's output when the whole script ends. A container running
// `while true; do date; sleep 1; done` must write every second instead, so that `docker logs -f`
// shows it. This plugin gives each command whose output goes straight to the script's stdout
// (not piped onward, not redirected, not captured by `$(…)`) the redirections
// `>> LIVE_OUT 2>> LIVE_ERR`; the filesystem the shell runs on turns appends to those two paths
// into output written at once. Redirections keep the command's exit status, builtins (cd,
// export) still act on the shell, and pipelines stream as a whole, in order.

import type { CommandNode, IFileSystem, ScriptNode, SimpleCommandNode, StatementNode } from "just-bash";

type RedirectionNode = SimpleCommandNode["redirections"][number];

const LIVE_DIR = "/.playground-live";
export const LIVE_OUT = `${LIVE_DIR}/out`;
export const LIVE_ERR = `${LIVE_DIR}/err`;

// `exec` with redirections would rewire the shell itself for good.
const untouchable = new Set(["exec"]);

function literalName(command: CommandNode): string | undefined {
  if (command.type !== "SimpleCommand" || !command.name || command.name.parts.length !== 1) return undefined;
  const part = command.name.parts[0];
  return part?.type === "Literal" ? part.value : undefined;
}

function redirect(fd: number, path: string): RedirectionNode {
  return { type: "Redirection", fd, operator: ">>", target: { type: "Word", parts: [{ type: "Literal", value: path }] } };
}

function hasRedirections(command: CommandNode): boolean {
  return "redirections" in command && command.redirections.length > 0;
}

function rewriteStatements(statements: StatementNode[]): StatementNode[] {
  return statements.map((statement) => {
    if (statement.background) return statement;
    return { ...statement, pipelines: statement.pipelines.map((pipeline) => ({ ...pipeline, commands: rewritePipeline(pipeline.commands) })) };
  });
}

/** The last command of a pipeline writes where the script writes; the others feed it. */
function rewritePipeline(commands: CommandNode[]): CommandNode[] {
  const last = commands.at(-1);
  if (!last) return commands;
  const rewritten = commands.length === 1 ? rewriteCommand(last) : liveRedirected(last);
  return [...commands.slice(0, -1), rewritten];
}

function liveRedirected(command: CommandNode): CommandNode {
  if (hasRedirections(command) || command.type === "FunctionDef") return command;
  if (command.type === "SimpleCommand") {
    const name = literalName(command);
    if (name !== undefined && untouchable.has(name)) return command;
    if (!command.name) return command;
  }
  if (!("redirections" in command)) return command;
  return { ...command, redirections: [redirect(1, LIVE_OUT), redirect(2, LIVE_ERR)] } as CommandNode;
}

function rewriteCommand(command: CommandNode): CommandNode {
  if (hasRedirections(command)) return command;
  switch (command.type) {
    case "SimpleCommand":
      return liveRedirected(command);
    case "If":
      return {
        ...command,
        clauses: command.clauses.map((c) => ({ condition: rewriteStatements(c.condition), body: rewriteStatements(c.body) })),
        elseBody: command.elseBody ? rewriteStatements(command.elseBody) : null,
      };
    case "While":
    case "Until":
      return { ...command, condition: rewriteStatements(command.condition), body: rewriteStatements(command.body) };
    case "For":
    case "CStyleFor":
    case "Group":
      return { ...command, body: rewriteStatements(command.body) };
    case "Case":
      return { ...command, items: command.items.map((i) => ({ ...i, body: rewriteStatements(i.body) })) };
    default:
      // Subshells, function definitions, [[ ]] and (( )): as they are.
      return command;
  }
}

/** Rewrites a script so that its direct output is written as each command finishes. */
export function streamScript(ast: ScriptNode): ScriptNode {
  return { ...ast, statements: rewriteStatements(ast.statements) };
}

export interface StreamingOutput {
  plugin: { name: string; transform(context: { ast: ScriptNode }): { ast: ScriptNode } };
  /** The shell's filesystem, with the two live paths turned into output. */
  filesystem(fs: IFileSystem): IFileSystem;
}

const decoder = new TextDecoder();

/**
 * The plugin and the filesystem that go with it; `write` receives output as it is produced,
 * `pace` runs before each write (a spinning loop lets the host breathe there).
 */
export function streamingOutput(write: (stream: "stdout" | "stderr", text: string) => void, pace?: () => Promise<void>): StreamingOutput {
  const plugin = { name: "stream-output", transform: ({ ast }: { ast: ScriptNode }) => ({ ast: streamScript(ast) }) };
  const streamOf = (path: string) => (path === LIVE_OUT ? "stdout" : path === LIVE_ERR ? "stderr" : undefined);
  const dirStat = { isFile: false, isDirectory: true, isSymbolicLink: false, mode: 0o40755, size: 0, mtime: new Date(0) };
  const fileStat = { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100666, size: 0, mtime: new Date(0) };
  const filesystem = (fs: IFileSystem): IFileSystem =>
    new Proxy(fs, {
      get(target, property, receiver) {
        switch (property) {
          case "appendFile":
          case "writeFile":
            return async (path: string, content: string | Uint8Array, options?: unknown) => {
              const stream = streamOf(path);
              if (!stream) return (target[property] as (p: string, c: string | Uint8Array, o?: unknown) => Promise<void>).call(target, path, content, options);
              await pace?.();
              const text = typeof content === "string" ? content : decoder.decode(content);
              if (text) write(stream, text);
            };
          case "exists":
            return (path: string) => (path === LIVE_DIR || streamOf(path) ? Promise.resolve(true) : target.exists(path));
          case "stat":
          case "lstat":
            return (path: string) => (path === LIVE_DIR ? Promise.resolve(dirStat) : streamOf(path) ? Promise.resolve(fileStat) : target[property](path));
          default: {
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          }
        }
      },
    });
  return { plugin, filesystem };
}
