// python3 on Node: just-bash's optional CPython runtime, which reaches the container's files
// synchronously through Node's worker threads and a SharedArrayBuffer. The browser build of
// just-bash leaves that runtime out (python-sandbox.ts says what runs there instead).
import type { ProcessContext } from "../program.js";
import type { Out } from "./command-io.js";
import { loadJustBash } from "../../../bash/index.js";
import { commandView } from "./command-view.js";

const quote = (word: string) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

const PYTHON_NAMES: ReadonlySet<string> = new Set(["python3", "python"]);

const UNAVAILABLE =
  "python3: the Python runtime is not part of the browser build of this playground.\n" +
  "Python code runs when the playground runs as a daemon under Node.js (`docker-playground daemon`).\n";

export async function pythonViaJustBash(ctx: ProcessContext, args: string[], stdin: string): Promise<Out> {
  const jb = await loadJustBash();
  const env: Record<string, string> = {};
  for (const entry of ctx.env) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const bash = new jb.Bash({
    // The image keeps python3 in /usr/local/bin: the view shows it where just-bash looks.
    ...(ctx.fs ? { fs: commandView(ctx.fs, PYTHON_NAMES) } : {}),
    cwd: ctx.cwd,
    env,
    python: true,
    // As in the container's shells: the sandbox's global patching would reach the engine's timers.
    defenseInDepth: false,
  });
  const result = await bash.exec(`python3 ${args.map(quote).join(" ")}`, { stdin });
  if (result.exitCode === 127 && /not (found|available)/.test(result.stderr)) return { stdout: "", stderr: UNAVAILABLE, exitCode: 1 };
  return { stdout: result.stdout, stderr: await tracebackOf(ctx, args, stdin, result.stderr), exitCode: result.exitCode };
}

/**
 * The runtime runs the learner's code inside a script of its own, so tracebacks name that
 * script and its line numbers. Frames are put back on the learner's file (or <string>, <stdin>)
 * by finding the quoted source line in the learner's code.
 */
async function tracebackOf(ctx: ProcessContext, args: string[], stdin: string, stderr: string): Promise<string> {
  if (!stderr.includes("_jb_script.py")) return stderr;
  const c = args.indexOf("-c");
  let name = "<stdin>";
  let source = stdin;
  if (c >= 0) {
    name = "<string>";
    source = args[c + 1] ?? "";
  } else if (args[0] !== undefined && args[0] !== "-") {
    name = args[0];
    const path = name.startsWith("/") ? name : `${ctx.cwd.replace(/\/$/, "")}/${name}`;
    try {
      source = (await ctx.fs?.readFile(path)) ?? "";
    } catch {
      source = "";
    }
  }
  const lines = source.split("\n").map((l) => l.trim());
  const out = stderr.split("\n");
  return out
    .map((line, i) => {
      const frame = /^(\s*)File "\/tmp\/_jb_script\.py", line \d+(.*)$/.exec(line);
      if (!frame) return line;
      const shown = (out[i + 1] ?? "").trim();
      const found = shown ? lines.indexOf(shown) : -1;
      return found < 0 ? line : `${frame[1] ?? ""}File "${name}", line ${found + 1}${frame[2] ?? ""}`;
    })
    .join("\n");
}
