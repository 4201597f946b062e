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
const DEV_NULL = "/dev/null";
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

/** The name `ls` takes when it writes straight to a terminal: it lays out columns there. */
export const TERMINAL_LS = "__ls_terminal";

// Set for the duration of one (synchronous) rewrite: whether the script's output is a terminal.
let onTerminal = false;

function liveRedirected(command: CommandNode): CommandNode {
  if (command.type === "FunctionDef") return command;
  if (command.type === "SimpleCommand") {
    const name = literalName(command);
    if (name !== undefined && untouchable.has(name)) return command;
    if (!command.name) return command;
    if (name === "ls" && onTerminal) {
      const renamed = { ...command, name: { type: "Word" as const, parts: [{ type: "Literal" as const, value: TERMINAL_LS }] } };
      return { ...renamed, redirections: [redirect(1, LIVE_OUT), redirect(2, LIVE_ERR), ...command.redirections] } as CommandNode;
    }
  }
  if (!("redirections" in command)) return command;
  // In front of the command's own: applied left to right, those still win (2>&1, >f, 2>/dev/null).
  return { ...command, redirections: [redirect(1, LIVE_OUT), redirect(2, LIVE_ERR), ...command.redirections] } as CommandNode;
}

function rewriteCommand(command: CommandNode): CommandNode {
  if (command.type !== "SimpleCommand" && hasRedirections(command)) return command;
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
export function streamScript(ast: ScriptNode, terminal = false): ScriptNode {
  onTerminal = terminal;
  try {
    return { ...ast, statements: rewriteStatements(ast.statements) };
  } finally {
    onTerminal = false;
  }
}

/**
 * `ls` on a terminal: names in columns, filled top to bottom, as wide as the terminal allows
 * (two spaces between columns, as GNU and busybox ls lay them out).
 */
export function inColumns(listing: string, width: number): string {
  const names = listing.split("\n").filter((n) => n !== "");
  if (names.length === 0) return listing;
  const len = (n: string) => [...n].length;
  for (let rows = 1; rows <= names.length; rows++) {
    const columns = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < columns; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map(len)));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (columns - 1);
    if (total > width && rows < names.length) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < columns; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const last = c === columns - 1 || names[(c + 1) * rows + r] === undefined;
        cells.push(last ? name : name + " ".repeat((widths[c] ?? 0) - len(name) + 2));
      }
      lines.push(cells.join(""));
    }
    return `${lines.join("\n")}\n`;
  }
  return listing;
}

export interface StreamingOutput {
  plugin: { name: string; transform(context: { ast: ScriptNode }): { ast: ScriptNode } };
  /** Runs a command's own nested exec with its output captured, not streamed. */
  nested<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Rewrites the next script parsed, and only that one: the script the shell runs, not the
   * `sh -c` or `$(…)` scripts inside it, whose output must stay where their caller sends it.
   */
  arm(): void;
  /** The shell's filesystem, with the two live paths turned into output. */
  filesystem(fs: IFileSystem): IFileSystem;
}

const decoder = new TextDecoder();

/**
 * The plugin and the filesystem that go with it; `write` receives output as it is produced,
 * `pace` runs before each write (a spinning loop lets the host breathe there).
 */
export function streamingOutput(write: (stream: "stdout" | "stderr", text: string) => void, pace?: () => Promise<void>, terminal = false): StreamingOutput {
  let depth = 0;
  let armed = false;
  const plugin = {
    name: "stream-output",
    transform: ({ ast }: { ast: ScriptNode }) => {
      if (!armed || depth > 0) return { ast };
      armed = false;
      return { ast: streamScript(ast, terminal) };
    },
  };
  const arm = () => {
    armed = true;
  };
  const nested = async <T>(work: () => Promise<T>): Promise<T> => {
    depth++;
    try {
      return await work();
    } finally {
      depth--;
    }
  };
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
              // The container's /dev is a tmpfs with devices: what goes to /dev/null is gone.
              if (path === DEV_NULL) return;
              const stream = streamOf(path);
              if (!stream) return (target[property] as (p: string, c: string | Uint8Array, o?: unknown) => Promise<void>).call(target, path, content, options);
              await pace?.();
              const text = typeof content === "string" ? content : decoder.decode(content);
              if (text) write(stream, text);
            };
          case "exists":
            return (path: string) => (path === LIVE_DIR || path === DEV_NULL || streamOf(path) ? Promise.resolve(true) : target.exists(path));
          case "stat":
          case "lstat":
            return (path: string) => (path === LIVE_DIR ? Promise.resolve(dirStat) : streamOf(path) || path === DEV_NULL ? Promise.resolve(fileStat) : target[property](path));
          case "readFile":
            return (path: string, options?: unknown) => (path === DEV_NULL ? Promise.resolve("") : (target.readFile as (p: string, o?: unknown) => Promise<string>).call(target, path, options));
          default: {
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          }
        }
      },
    });
  return { plugin, filesystem, nested, arm };
}
