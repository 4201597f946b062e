// Which program runs for a command: looked up by the executable's base name, as if each image's
// PATH held these binaries. Until images carry filesystems, a program is found by its name alone.
import type { Program } from "../program.js";
import * as basic from "./basic.js";
import { toolProgram } from "./command-io.js";
import { node } from "./node.js";
import { topProgram } from "./ps.js";
import { pgIsReady, psql } from "./psql.js";
import { python } from "./python.js";
import { redisCli } from "./redis-cli.js";
import * as services from "./services.js";
import { shell } from "./shell.js";
import * as stubs from "./tool-stubs.js";

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
  "redis-server": services.redis,
  "redis-cli": toolProgram(redisCli),
  psql: toolProgram(psql),
  pg_isready: toolProgram(pgIsReady),
  postgres: services.postgres,
  mysqld: services.mysql,
  registry: services.registry,
  hello: services.hello,
  node: toolProgram(node),
  nodejs: toolProgram(node),
  python: toolProgram(python),
  python3: toolProgram(python),
  npm: toolProgram((ctx, args) => Promise.resolve(stubs.npm(ctx, "npm", args))),
  npx: toolProgram((ctx, args) => Promise.resolve(stubs.npm(ctx, "npx", args))),
  pip: toolProgram((ctx, args) => Promise.resolve(stubs.pip(ctx, args))),
  pip3: toolProgram((ctx, args) => Promise.resolve(stubs.pip(ctx, args))),
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
  if (fileReaders.has(name)) {
    const waits = (name === "cat" && argv.length === 1) || (name === "tail" && (argv.includes("-f") || argv.includes("-F")));
    if (!waits) return undefined;
  }
  return resolveProgram(argv);
}
