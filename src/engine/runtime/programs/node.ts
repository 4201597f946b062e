// node: `node -e CODE`, `node -p EXPR`, `node script.js ARGS`, a script piped to it, and the REPL
// (`> `) on a terminal. The code runs in node-runtime's sandbox; an uncaught error prints the
// way node prints it (the source line, the error, "Node.js vX") and exits 1.
import type { QuickJSHandle } from "quickjs-emscripten-core";
import type { ProcessContext } from "../program.js";
import type { CommandIo, Out } from "./command-io.js";
import { envValue, usesMusl } from "./container-facts.js";
import { identityOf } from "./identity.js";
import { NodeRuntime, type Thrown } from "./node-runtime.js";

export function nodeVersion(ctx: ProcessContext): string {
  const env = envValue(ctx, "NODE_VERSION");
  return env ? `v${env}` : usesMusl(ctx) ? "v22.16.0" : "v20.19.2";
}

/** Files beside the main script (and in the working directory), for require() and fs. */
async function snapshot(ctx: ProcessContext, dirs: string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const fs = ctx.fs;
  if (!fs) return files;
  let budget = 300;
  const walk = async (dir: string, depth: number) => {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (budget <= 0 || name === "node_modules" || name.startsWith(".")) continue;
      const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
      try {
        const stat = await fs.stat(path);
        if (stat.isDirectory) {
          if (depth < 3) await walk(path, depth + 1);
        } else if (stat.size <= 256 * 1024) {
          budget--;
          files.set(path, await fs.readFile(path));
        }
      } catch {
        // Unreadable: leave it out.
      }
    }
  };
  for (const dir of new Set(dirs)) if (dir !== "/") await walk(dir, 0);
  return files;
}

function location(thrown: Thrown, fallback: string): { file: string; line: number; column: number } {
  const match = /\(([^()]+):(\d+):(\d+)\)|at ([^\s()]+):(\d+):(\d+)/.exec(thrown.stack);
  if (!match) return { file: fallback, line: 1, column: 1 };
  return { file: match[1] ?? match[4] ?? fallback, line: Number(match[2] ?? match[5]), column: Number(match[3] ?? match[6]) };
}

/** QuickJS says "'x' is not defined"; V8, which learners read, says "x is not defined". */
const v8Message = (message: string) => message.replace(/^'(.+)' is not defined$/, "$1 is not defined");

export function uncaught(thrown: Thrown, source: string, fallback: string, version: string): string {
  if (thrown.name === "InternalError" && thrown.message === "interrupted") {
    return `node: the script ran for too long without giving control back, and the playground stopped it.\n\nNode.js ${version}\n`;
  }
  const message = v8Message(thrown.message);
  if (message.startsWith("Cannot find module")) {
    return `node:internal/modules/cjs/loader:1386\n  throw err;\n  ^\n\nError: ${message}\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1383:15)\n    at require (node:internal/modules/helpers:135:16) {\n  code: 'MODULE_NOT_FOUND'\n}\n\nNode.js ${version}\n`;
  }
  const at = location(thrown, fallback);
  const file = at.file === "<eval>" || at.file === "eval.js" ? fallback : at.file;
  const line = source.split("\n")[at.line - 1] ?? "";
  const caret = " ".repeat(Math.max(0, Math.min(at.column - 1, line.length)));
  return `${file}:${at.line}\n${line}\n${caret}^\n\n${thrown.name}: ${message}\n    at ${file}:${at.line}:${at.column}\n\nNode.js ${version}\n`;
}

interface Plan {
  mode: "eval" | "print" | "file" | "stdin" | "repl";
  code: string;
  file: string | undefined;
  args: string[];
}

function plan(args: string[]): Plan | "version" {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-v" || a === "--version") return "version";
    if (a === "-e" || a === "--eval" || a === "-p" || a === "--print") {
      return { mode: a.startsWith("-p") || a === "--print" ? "print" : "eval", code: args[i + 1] ?? "", file: undefined, args: args.slice(i + 2) };
    }
    if (a === "-") return { mode: "stdin", code: "", file: undefined, args: args.slice(i + 1) };
    if (!a.startsWith("-")) return { mode: "file", code: "", file: a, args: args.slice(i + 1) };
  }
  return { mode: "repl", code: "", file: undefined, args: [] };
}

export async function node(ctx: ProcessContext, args: string[], io: CommandIo): Promise<Out> {
  const version = nodeVersion(ctx);
  const p = plan(args);
  if (p === "version") return { stdout: `${version}\n`, stderr: "", exitCode: 0 };
  if (p.mode === "repl" || p.mode === "stdin") {
    p.code = await io.readAll();
    if (p.code !== "") p.mode = "stdin";
    else if (!ctx.tty) return { stdout: "", stderr: "", exitCode: 0 };
  }
  let main: string | undefined;
  if (p.mode === "file" && p.file !== undefined) {
    const candidates = [p.file, `${p.file}.js`, `${p.file}/index.js`].map((f) => (f.startsWith("/") ? f : `${ctx.cwd.replace(/\/$/, "")}/${f}`));
    for (const candidate of candidates) {
      try {
        if (ctx.fs && !(await ctx.fs.stat(candidate)).isDirectory) {
          p.code = await ctx.fs.readFile(candidate);
          main = candidate;
          break;
        }
      } catch {
        // Try the next form of the name.
      }
    }
    if (main === undefined) {
      const missing = candidates[0] ?? p.file;
      return { stdout: "", stderr: uncaught({ name: "Error", message: `Cannot find module '${missing}'`, stack: "" }, "", missing, version), exitCode: 1 };
    }
  }
  let out = "";
  let err = "";
  let streaming = p.mode === "repl";
  const runtime = await NodeRuntime.create(ctx, {
    argv: ["/usr/local/bin/node", ...(main ? [main] : []), ...p.args],
    main,
    version,
    user: (await identityOf(ctx)).user ?? "root",
    files: await snapshot(ctx, [ctx.cwd, ...(main ? [main.slice(0, main.lastIndexOf("/")) || "/"] : [])]),
    write: (fd, text) => {
      if (streaming) (fd === 1 ? io.write : io.writeError)(text);
      else if (fd === 1) out += text;
      else err += text;
    },
  });
  io.onStop(() => runtime.stop());
  try {
    if (p.mode === "repl") return await repl(runtime, io, version);
    const filename = main ?? (p.mode === "stdin" ? "[stdin]" : "[eval]");
    if (main) {
      const wrapper = runtime.evaluate(`(function (exports, require, module, __filename, __dirname) {${p.code.replace(/^#!.*/, "")}\n})`, main);
      const parts = runtime.evaluate(`__module(${JSON.stringify(main)})`, "node:internal/main");
      if (wrapper && parts) {
        const list = [0, 1, 2, 3, 4].map((i) => runtime.vm.getProp(parts, i));
        const result = runtime.vm.callFunction(wrapper, list[0] ?? runtime.vm.undefined, ...list);
        list.forEach((h) => h.dispose());
        if (result.error) {
          const thrown = runtime.vm.dump(result.error) as Partial<Thrown> | undefined;
          if (runtime.exitCode === undefined) runtime.fatal = { name: thrown?.name ?? "Error", message: thrown?.message ?? String(thrown), stack: thrown?.stack ?? "" };
        }
        result.dispose();
        runtime.drain();
      }
      wrapper?.dispose();
      parts?.dispose();
    } else {
      const value = runtime.evaluate(p.code, filename);
      if (value) {
        if (p.mode === "print" && !runtime.finished) out += `${printed(runtime, value)}\n`;
        value.dispose();
      }
    }
    // Something is still pending (a timer, a server): from here on, output goes out as it comes.
    if (!runtime.done) {
      streaming = true;
      if (out) io.write(out);
      if (err) io.writeError(err);
      out = err = "";
    }
    await runtime.run();
    if (runtime.fatal) {
      err += uncaught(runtime.fatal, p.code, filename, version);
      return { stdout: out, stderr: err, exitCode: 1 };
    }
    return { stdout: out, stderr: err, exitCode: runtime.exitCode ?? 0 };
  } finally {
    runtime.stop();
  }
}

function printed(runtime: NodeRuntime, value: QuickJSHandle): string {
  const dumped = runtime.vm.typeof(value) === "string" ? runtime.vm.getString(value) : undefined;
  return dumped ?? runtime.show(value);
}

/** Whether a line leaves brackets or a string open, so the REPL should read more. */
function unfinished(code: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
  }
  return depth > 0 || quote === "`";
}

async function repl(runtime: NodeRuntime, io: CommandIo, version: string): Promise<Out> {
  io.write(`Welcome to Node.js ${version}.\nType ".help" for more information.\n`);
  let pending = "";
  for (;;) {
    io.write(pending ? "| " : "> ");
    const line = await io.readLine();
    if (line === null || io.stopped()) break;
    const text = line.replace(/\r?\n$/, "");
    if (!pending && text.trim() === ".exit") break;
    if (!pending && text.trim() === ".help") {
      io.write(".break    Sometimes you get stuck, this gets you out\n.exit     Exit the REPL\n.help     Print this help message\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n");
      continue;
    }
    pending += `${text}\n`;
    if (unfinished(pending)) continue;
    const code = pending;
    pending = "";
    if (!code.trim()) continue;
    const value = runtime.evaluate(code, "REPL");
    if (runtime.exitCode !== undefined) return { stdout: "", stderr: "", exitCode: runtime.exitCode };
    if (runtime.fatal) {
      io.writeError(`Uncaught ${runtime.fatal.name}: ${v8Message(runtime.fatal.message)}\n`);
      runtime.fatal = undefined;
      continue;
    }
    if (value) {
      io.write(`${runtime.show(value)}\n`);
      value.dispose();
    }
  }
  return { stdout: "", stderr: "", exitCode: 0 };
}
