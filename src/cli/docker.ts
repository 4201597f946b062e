// The `docker` entry point: global flags, top-level and management commands, and the mapping
// of every error to Docker's stderr text and exit code (cmd/docker/docker.go).
import type { DockerClient } from "../client/index.js";
import { checkArgs, type CommandDef } from "./command.js";
import { daemonMessage } from "./commands/common.js";
import { containerOpsCommands, containerOpsShortcuts, containerOpsTopLevel } from "./commands/container-ops.js";
import { inspect, typedInspect } from "./commands/inspect.js";
import { images } from "./commands/images.js";
import { kill, restart, rm, start, stop } from "./commands/lifecycle.js";
import { logs } from "./commands/logs.js";
import { networkGroup, volumeGroup } from "./commands/network-volume-groups.js";
import { ps } from "./commands/ps.js";
import { pull } from "./commands/pull.js";
import { rmi } from "./commands/rmi.js";
import { create, run } from "./commands/run.js";
import { tag } from "./commands/tag.js";
import { info, version } from "./commands/system.js";
import { CancelledError, flagError, StatusError } from "./errors.js";
import { FlagParseError, parseFlags } from "./flags/parse-flags.js";
import { commandHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { rootHelp } from "./root-help.js";
import { clientVersion } from "./version.js";

interface Group {
  description: string;
  use?: string;
  commands: Record<string, CommandDef>;
  /** Extra names: "ls" is also "list" and "ps". */
  aliases: Record<string, string[]>;
}

export const managementCommands: Record<string, Group> = {
  container: {
    description: "Manage containers",
    commands: { create, inspect: typedInspect("container"), kill, logs, ls: ps, restart, rm, run, start, stop, ...containerOpsCommands },
    aliases: { ls: ["list", "ps"], rm: ["remove"] },
  },
  image: {
    description: "Manage images",
    commands: { inspect: typedInspect("image"), ls: images, pull, rm: rmi, tag },
    aliases: { ls: ["list"], rm: ["remove"] },
  },
  network: networkGroup,
  volume: volumeGroup,
};

export const topLevelCommands: Record<string, CommandDef> = { create, images, info, inspect, kill, logs, ps, pull, restart, rm, rmi, run, start, stop, tag, version, ...containerOpsTopLevel };

/** Where a top-level shortcut lives in the management tree (for the Aliases list in help). */
const shortcutOf: Record<string, [string, string]> = {
  create: ["container", "create"], kill: ["container", "kill"], logs: ["container", "logs"], ps: ["container", "ls"],
  restart: ["container", "restart"], rm: ["container", "rm"], run: ["container", "run"], start: ["container", "start"],
  stop: ["container", "stop"], images: ["image", "ls"], pull: ["image", "pull"], rmi: ["image", "rm"], tag: ["image", "tag"],
  ...containerOpsShortcuts,
};

function aliasesFor(group: string | undefined, name: string): string[] {
  const entry = group ? [group, name] : shortcutOf[name];
  if (!entry) return [];
  const [g = "", n = ""] = entry;
  const names = [n, ...(managementCommands[g]?.aliases[n] ?? [])].map((x) => `docker ${g} ${x}`);
  const top = Object.entries(shortcutOf).find(([, [tg, tn]]) => tg === g && tn === n)?.[0];
  return top ? [...names, `docker ${top}`] : names;
}

const globalFlags = [
  { name: "config", kind: "string", usage: "Location of client config files" },
  { name: "context", short: "c", kind: "string", usage: "Name of the context to use" },
  { name: "debug", short: "D", kind: "bool", usage: "Enable debug mode" },
  { name: "host", short: "H", kind: "list", usage: "Daemon socket to connect to" },
  { name: "log-level", short: "l", kind: "string", usage: "Set the logging level" },
  { name: "tls", kind: "bool", usage: "Use TLS; implied by --tlsverify" },
  { name: "tlsverify", kind: "bool", usage: "Use TLS and verify the remote" },
  { name: "version", short: "v", kind: "bool", usage: "Print version information and quit" },
] as const;

async function execute(def: CommandDef, path: string, aliases: string[], argv: string[], io: CliIo, client: DockerClient): Promise<number> {
  const useLine = `${path} ${def.usage}`;
  let flags;
  try {
    flags = parseFlags(argv, def.flags, def.interspersed ?? true);
  } catch (error) {
    if (error instanceof FlagParseError) throw flagError(error.message, useLine, path);
    throw error;
  }
  if (flags.values.get("help") === true) {
    io.stdout(commandHelp(def, useLine, aliases));
    return 0;
  }
  const argError = checkArgs(def.args, flags.args.length, path, useLine);
  if (argError) throw new StatusError(1, argError);
  return (await def.run({ io, client, path, useLine }, flags)) ?? 0;
}

async function dispatch(argv: string[], io: CliIo, client: DockerClient): Promise<number> {
  let rest = argv;
  try {
    const leading: string[] = [];
    while (rest.length > 0 && rest[0]?.startsWith("-")) {
      leading.push(rest[0]);
      const spec = globalFlags.find((f) => rest[0] === `--${f.name}` || rest[0] === `-${"short" in f ? f.short : ""}`);
      rest = rest.slice(1);
      if (spec && spec.kind !== "bool" && !leading[leading.length - 1]?.includes("=") && rest.length > 0) leading.push(rest.shift() ?? "");
    }
    const globals = parseFlags(leading, [...globalFlags], true);
    if (globals.values.get("version") === true) {
      io.stdout(`Docker version ${clientVersion.Version}, build ${clientVersion.GitCommit}\n`);
      return 0;
    }
    if (globals.values.get("help") === true || rest.length === 0) {
      io.stdout(rootHelp(topLevelCommands, managementCommands));
      return 0;
    }
  } catch (error) {
    if (error instanceof FlagParseError) throw new StatusError(125, `${error.message}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information`);
    throw error;
  }
  const [name = "", ...args] = rest;
  if (name === "help") {
    io.stdout(rootHelp(topLevelCommands, managementCommands));
    return 0;
  }
  const group = managementCommands[name];
  if (group) {
    const [sub = "", ...subArgs] = args;
    if (sub === "" || sub === "--help" || sub === "-h") {
      // A bare `docker network` shows the help on stderr (ShowHelp(dockerCli.Err())); --help on stdout.
      (sub === "" ? io.stderr : io.stdout)(rootHelp(group.commands, {}, `docker ${name}`, group.description));
      return 0;
    }
    const subName = Object.keys(group.commands).find((k) => k === sub || group.aliases[k]?.includes(sub));
    const def = subName ? group.commands[subName] : undefined;
    if (!def || !subName) {
      throw new StatusError(1, `docker: unknown command: docker ${name} ${sub}\n\nUsage:  docker ${name}${group.use ? ` ${group.use}` : ""}\n\nRun 'docker ${name} --help' for more information`);
    }
    return execute(def, `docker ${name} ${sub}`, aliasesFor(name, subName), subArgs, io, client);
  }
  const def = topLevelCommands[name];
  if (!def) throw new StatusError(1, `docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information`);
  return execute(def, `docker ${name}`, aliasesFor(undefined, name), args, io, client);
}

/** Runs `docker ARGS...` against a client; never throws: errors become stderr and an exit code. */
export async function runDocker(argv: string[], io: CliIo, client: DockerClient): Promise<number> {
  try {
    return await dispatch(argv, io, client);
  } catch (error) {
    if (error instanceof CancelledError) return 0;
    const message = daemonMessage(error);
    if (message) io.stderr(`${message}\n`);
    return error instanceof StatusError ? error.status : 1;
  }
}
