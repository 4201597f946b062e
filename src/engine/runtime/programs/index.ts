// Which program runs for a command: looked up by the executable's base name, as if each image's
// PATH held these binaries. Until images carry filesystems, a program is found by its name alone.
import type { Program } from "../program.js";
import * as basic from "./basic.js";
import type { toolProgram as ToolProgram } from "./command-io.js";
import { lazyProgram } from "./lazy.js";
import * as services from "./services.js";

// Everything heavier than a few lines is fetched when first run.
const shell = lazyProgram(() => import("./shell.js").then((m) => m.shell));
const tool = (load: () => Promise<Parameters<typeof ToolProgram>[0]>) =>
  lazyProgram(async () => (await import("./command-io.js")).toolProgram(await load()));
const topProgram = lazyProgram(() => import("./ps.js").then((m) => m.topProgram));
const redisServer = lazyProgram(() => import("./redis.js").then((m) => m.redisServer));
const postgres = lazyProgram(() => import("./postgres.js").then((m) => m.postgres));

const byName: Record<string, Program> = {
  echo: basic.echo,
  sleep: basic.sleep,
  true: basic.trueProgram,
  false: basic.falseProgram,
  hostname: basic.hostname,
  env: basic.env,
  printenv: basic.printenv,
  cat: basic.cat,
  tail: basic.tail,
  top: topProgram,
  ping: basic.untilInterrupted,
  sh: shell,
  ash: shell,
  bash: shell,
  dash: shell,
  nginx: services.nginx,
  "nginx-debug": services.nginx,
  "httpd-foreground": services.httpd,
  httpd: services.httpd,
  "redis-server": redisServer,
  "redis-cli": tool(() => import("./redis-cli.js").then((m) => m.redisCli)),
  psql: tool(() => import("./psql.js").then((m) => m.psql)),
  pg_isready: tool(() => import("./psql.js").then((m) => m.pgIsReady)),
  postgres,
  mysqld: services.mysql,
  registry: services.registry,
  hello: services.hello,
  node: tool(() => import("./node.js").then((m) => m.node)),
  nodejs: tool(() => import("./node.js").then((m) => m.node)),
  python: tool(() => import("./python.js").then((m) => m.python)),
  python3: tool(() => import("./python.js").then((m) => m.python)),
  npm: tool(() => import("./tool-stubs.js").then((m) => (ctx, args) => Promise.resolve(m.npm(ctx, "npm", args)))),
  npx: tool(() => import("./tool-stubs.js").then((m) => (ctx, args) => Promise.resolve(m.npm(ctx, "npx", args)))),
  pip: tool(() => import("./tool-stubs.js").then((m) => (ctx, args) => Promise.resolve(m.pip(ctx, args)))),
  pip3: tool(() => import("./tool-stubs.js").then((m) => (ctx, args) => Promise.resolve(m.pip(ctx, args)))),
};

const entrypoints = new Set(["docker-entrypoint.sh", "entrypoint.sh"]);

export interface ResolvedProgram {
  program: Program;
  argv: string[];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Resolves argv to a program, following the official images' entrypoint scripts. */
export function resolveProgram(argv: string[]): ResolvedProgram | undefined {
  const name = baseName(argv[0] ?? "");
  if (entrypoints.has(name)) {
    const next = argv[1];
    if (next === undefined) return undefined;
    if (next.startsWith("/etc/distribution") || next.startsWith("/etc/docker/registry")) {
      return { program: services.registry, argv };
    }
    // The nginx image's entrypoint logs its configuration steps before exec'ing nginx.
    if (next === "nginx" || next === "nginx-debug") return { program: services.nginx, argv };
    if (next.startsWith("-")) return resolveProgram(["postgres", ...argv.slice(1)]);
    return resolveProgram(argv.slice(1));
  }
  const program = byName[name];
  return program ? { program, argv } : undefined;
}

/** Commands that read the container's files or use its network run in just-bash over them. */
const fileReaders = new Set(["cat", "tail", "env", "printenv", "hostname", "ping"]);

/**
 * Our own program for a command found in the container's files, if it has one: services, the
 * shells, sleep… Commands that work on files (cat FILE, tail FILE) are left to just-bash, but
 * the forms that wait on a terminal (`cat` alone, `tail -f`) stay ours.
 */
export function nativeProgram(argv: string[]): ResolvedProgram | undefined {
  const name = baseName(argv[0] ?? "");
  // Through an entrypoint script, the command it execs decides.
  if (entrypoints.has(name) && argv[1] !== undefined && fileReaders.has(baseName(argv[1])) && !nativeProgram(argv.slice(1))) return undefined;
  if (fileReaders.has(name)) {
    const waits = (name === "cat" && argv.length === 1) || (name === "tail" && (argv.includes("-f") || argv.includes("-F")));
    if (!waits) return undefined;
  }
  return resolveProgram(argv);
}
