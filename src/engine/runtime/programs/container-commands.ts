// The container-aware commands, as just-bash commands of one container's shell: each closes over
// the process context of the shell it belongs to (its files, user, network, clock, terminal).
// command-view shows a command only where the image has the binary, so `ps` works in Alpine and
// is "not found" in debian:slim until `apt-get install procps`.
import type { Command, CommandContext } from "just-bash";
import type { JustBash } from "../../../bash/index.js";
import type { ProcessContext } from "../program.js";
import { commandContext, programAsCommand, shellIo } from "./command-io.js";
import { apk } from "./apk.js";
import { aptGet } from "./apt.js";
import { groups, id, whoami } from "./identity.js";
import { ifconfig, ip } from "./ip.js";
import { nc } from "./nc.js";
import { ps, runTop, topOptions } from "./ps.js";
import { node } from "./node.js";
import { pgIsReady, psql } from "./psql.js";
import { python } from "./python.js";
import { redisServer } from "./redis.js";
import { nginx } from "./services.js";
import { redisCli } from "./redis-cli.js";
import { df, free, hostname, uname } from "./system-commands.js";
import { dig, editor, git, host, npm, pip } from "./tool-stubs.js";

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Every name this module defines, for command-view's lookups. */
export const CONTAINER_COMMAND_NAMES = [
  "ps", "top", "id", "whoami", "groups", "hostname", "uname", "free", "df", "ip", "ifconfig", "nc",
  "apk", "apt-get", "apt", "git", "vi", "vim", "nano", "dig", "host", "redis-cli", "psql", "pg_isready",
  "node", "nodejs", "python3", "python", "npm", "npx", "pip", "pip3", "redis-server", "nginx", "nginx-debug",
];

type Run = (args: string[], context: CommandContext, ctx: ProcessContext) => Out | Promise<Out>;

export function containerCommands(jb: JustBash, process: ProcessContext): Command[] {
  // PIDs of the commands this shell starts, as a fresh PID namespace hands them out.
  let nextPid = 7;
  const define = (name: string, run: Run) => jb.defineCommand(name, async (args, context) => run(args, context, commandContext(process, context)));
  const stopped = (ctx: ProcessContext, context: CommandContext) => () => ctx.exited || context.signal?.aborted === true;
  return [
    define("ps", (args, _context, ctx) => ps(ctx, args, nextPid++)),
    define("top", async (args, context, ctx) => {
      const pid = nextPid++;
      // A bounded run (-n) is ordinary output; an endless one draws on the terminal as it goes.
      if (Number.isFinite(topOptions(args).iterations)) {
        let out = "";
        await runTop(ctx, args, pid, (text) => (out += text), stopped(ctx, context));
        return { stdout: out, stderr: "", exitCode: 0 };
      }
      await runTop(ctx, args, pid, (text) => ctx.stdout(text), stopped(ctx, context));
      return { stdout: "", stderr: "", exitCode: 0 };
    }),
    define("id", (args, _context, ctx) => id(ctx, args)),
    define("whoami", (_args, _context, ctx) => whoami(ctx)),
    define("groups", (args, _context, ctx) => groups(ctx, args)),
    define("hostname", (args, _context, ctx) => hostname(ctx, args)),
    define("uname", (args, _context, ctx) => uname(ctx, args)),
    define("free", (args, _context, ctx) => free(ctx, args)),
    define("df", (args, _context, ctx) => df(ctx, args)),
    define("ip", (args, _context, ctx) => ip(ctx, args)),
    define("ifconfig", (args, _context, ctx) => ifconfig(ctx, args)),
    define("nc", (args, context, ctx) => nc(ctx, args, shellIo(ctx, context))),
    define("apk", (args, _context, ctx) => apk(ctx, args)),
    define("apt-get", (args, _context, ctx) => aptGet(ctx, args)),
    define("apt", (args, _context, ctx) => aptGet(ctx, args, "apt")),
    define("git", (args, _context, ctx) => git(ctx, args)),
    ...["vi", "vim", "nano"].map((name) => define(name, (args) => editor(name, args))),
    define("dig", (args, _context, ctx) => dig(ctx, args)),
    define("host", (args, _context, ctx) => host(ctx, args)),
    define("redis-cli", (args, context, ctx) => redisCli(ctx, args, shellIo(ctx, context))),
    define("psql", (args, context, ctx) => psql(ctx, args, shellIo(ctx, context))),
    define("pg_isready", (args, _context, ctx) => pgIsReady(ctx, args)),
    ...["node", "nodejs"].map((name) => define(name, (args, context, ctx) => node(ctx, args, shellIo(ctx, context)))),
    ...["python3", "python"].map((name) => define(name, (args, context, ctx) => python(ctx, args, shellIo(ctx, context)))),
    ...["npm", "npx"].map((name) => define(name, (args, _context, ctx) => npm(ctx, name, args))),
    ...["pip", "pip3"].map((name) => define(name, (args, _context, ctx) => pip(ctx, args))),
    define("redis-server", (args, context, ctx) => programAsCommand(redisServer, ctx, context, ["redis-server", ...args])),
    // `nginx -t` in a Dockerfile's RUN or an exec'd shell: the same program as the server.
    ...["nginx", "nginx-debug"].map((name) => define(name, (args, context, ctx) => programAsCommand(nginx, ctx, context, [name, ...args]))),
  ];
}
