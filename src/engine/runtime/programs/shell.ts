// sh, ash and bash as a container's process. `sh -c SCRIPT` runs the script in just-bash, loaded
// on first use so the engine starts without it; a bare shell with no terminal reads EOF and ends.
import type * as JustBash from "just-bash";
import { exitsOn, noHandlers, type ProcessContext, type Program } from "../program.js";

type BashModule = typeof JustBash;
let bashModule: Promise<BashModule> | undefined;

function loadBash(): Promise<BashModule> {
  bashModule ??= import("just-bash");
  return bashModule;
}

function envRecord(env: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of env) {
    const eq = entry.indexOf("=");
    if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}

async function runScript(ctx: ProcessContext, script: string, args: string[]): Promise<void> {
  const { Bash, defineCommand } = await loadBash();
  // The container's own name for itself, not the interpreter's default.
  const hostname = defineCommand("hostname", () => Promise.resolve({ stdout: `${ctx.hostname}\n`, stderr: "", exitCode: 0 }));
  // `env` lists the exported environment only, not every shell variable.
  const env = defineCommand("env", (args, context) => {
    if (args.length > 0) return context.exec ? context.exec(args.join(" "), { cwd: context.cwd }) : Promise.resolve({ stdout: "", stderr: "", exitCode: 0 });
    const vars = { ...(context.exportedEnv ?? Object.fromEntries(context.env)) };
    // just-bash tracks OLDPWD even before any cd; a fresh busybox sh exports no such thing.
    delete vars["OLDPWD"];
    return Promise.resolve({ stdout: Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""), stderr: "", exitCode: 0 });
  });
  const bash = new Bash({
    customCommands: [hostname, env],
    env: { ...envRecord(ctx.env), SHLVL: "1" },
    cwd: "/",
    files: { "/etc/hostname": `${ctx.hostname}\n` },
    sleep: async (ms) => {
      await ctx.sleep(ms);
    },
    executionLimits: { maxCommandCount: 100_000, maxLoopIterations: 100_000 },
    // The sandbox's global patching (setTimeout blocked while a script runs) would reach the
    // engine's own timers, which share this thread with every container.
    defenseInDepth: false,
  });
  const positional = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const result = await bash.exec(positional ? `set -- ${positional}\n${script}` : script, { rawScript: true });
  if (ctx.exited) return;
  if (result.stdout) ctx.stdout(result.stdout);
  if (result.stderr) ctx.stderr(result.stderr);
  ctx.exit(result.exitCode);
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
    runScript(ctx, script, args.slice(c + 2)).catch((error: unknown) => {
      ctx.stderr(`${ctx.argv[0]}: ${error instanceof Error ? error.message : String(error)}\n`);
      ctx.exit(2);
    });
    return noHandlers;
  }
  if (!ctx.tty) {
    ctx.exit(0);
    return noHandlers;
  }
  // An interactive shell exits on SIGHUP (terminal gone) but, as PID 1, ignores SIGTERM.
  return exitsOn(ctx, ["SIGHUP"]);
};
