// Small programs that run as a container's main process: the commands tutorials start with.
import { exitsOn, noHandlers, type Program } from "../program.js";

export const echo: Program = (ctx) => {
  let args = ctx.argv.slice(1);
  let newline = true;
  if (args[0] === "-n") {
    newline = false;
    args = args.slice(1);
  }
  ctx.stdout(args.join(" ") + (newline ? "\n" : ""));
  ctx.exit(0);
  return noHandlers;
};

/** Parses coreutils/busybox durations: 5, 1.5, 2m, 1h, "infinity". */
export function parseSleep(text: string): number | undefined {
  if (text === "infinity" || text === "inf") return Infinity;
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  const scale = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ""] ?? 1;
  return Number(match[1]) * scale * 1000;
}

export const sleep: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    ctx.exit(1);
    return noHandlers;
  }
  let total = 0;
  for (const arg of args) {
    const ms = parseSleep(arg);
    if (ms === undefined) {
      ctx.stderr(`sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`);
      ctx.exit(1);
      return noHandlers;
    }
    total += ms;
  }
  if (Number.isFinite(total)) void ctx.sleep(total).then(() => ctx.exit(0));
  // sleep installs no signal handlers: as PID 1 it ignores SIGTERM and is killed after the timeout.
  return noHandlers;
};

export const trueProgram: Program = (ctx) => {
  ctx.exit(0);
  return noHandlers;
};

export const falseProgram: Program = (ctx) => {
  ctx.exit(1);
  return noHandlers;
};

export const hostname: Program = (ctx) => {
  ctx.stdout(`${ctx.hostname}\n`);
  ctx.exit(0);
  return noHandlers;
};

export const env: Program = (ctx) => {
  if (ctx.argv.length > 1) {
    ctx.stderr(`env: '${ctx.argv[1]}': No such file or directory\n`);
    ctx.exit(127);
    return noHandlers;
  }
  ctx.stdout(ctx.env.map((e) => `${e}\n`).join(""));
  ctx.exit(0);
  return noHandlers;
};

export const printenv: Program = (ctx) => {
  const names = ctx.argv.slice(1);
  const vars = new Map(ctx.env.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
  if (names.length === 0) ctx.stdout(ctx.env.map((e) => `${e}\n`).join(""));
  let missing = false;
  for (const name of names) {
    const value = vars.get(name);
    if (value === undefined) missing = true;
    else ctx.stdout(`${value}\n`);
  }
  ctx.exit(missing ? 1 : 0);
  return noHandlers;
};

/** Programs that wait forever for input or time: `cat` and `tail -f` with nothing to read, `top`. */
export const waitForever: Program = () => noHandlers;

/** `cat` with no terminal attached reads an empty stdin and ends at once. */
export const cat: Program = (ctx) => {
  if (ctx.argv.length === 1 && !ctx.tty) ctx.exit(0);
  else if (ctx.argv.length > 1) {
    for (const file of ctx.argv.slice(1)) ctx.stderr(`cat: can't open '${file}': No such file or directory\n`);
    ctx.exit(1);
  }
  return noHandlers;
};

export const tail: Program = (ctx) => {
  if (ctx.argv.includes("-f") || ctx.argv.includes("-F")) return waitForever(ctx);
  ctx.exit(0);
  return noHandlers;
};

/** A program that ends when interrupted, like `top` or `ping` in a terminal. */
export const untilInterrupted: Program = (ctx) => exitsOn(ctx, ["SIGINT", "SIGTERM", "SIGHUP"]);
