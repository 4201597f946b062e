// The `docker` entry point: global flags, top-level and management commands, and the mapping
// of every error to Docker's stderr text and exit code (cmd/docker/docker.go).
import type { DockerClient } from "../client/index.js";
import { checkArgs, type CommandDef } from "./command.js";
import { daemonMessage } from "./commands/common.js";
import { containerOpsCommands, containerOpsTopLevel } from "./commands/container-ops.js";
import { inspect, typedInspect } from "./commands/inspect.js";
import { events } from "./commands/events.js";
import { images } from "./commands/images.js";
import { kill, restart, rm, start, stop } from "./commands/lifecycle.js";
import { logs } from "./commands/logs.js";
import { networkGroup, volumeGroup } from "./commands/network-volume-groups.js";
import { imagePrune } from "./commands/image-prune.js";
import { build } from "./commands/build.js";
import { builderGroup, systemGroup } from "./commands/system-groups.js";
import { ps } from "./commands/ps.js";
import { pull } from "./commands/pull.js";
import { rmi } from "./commands/rmi.js";
import { create, run } from "./commands/run.js";
import { tag } from "./commands/tag.js";
import { history } from "./commands/history.js";
import { importCommand } from "./commands/import.js";
import { load } from "./commands/load.js";
import { save } from "./commands/save.js";
import { login } from "./commands/login.js";
import { logout } from "./commands/logout.js";
import { push } from "./commands/push.js";
import { search } from "./commands/search.js";
import { info, version } from "./commands/system.js";
import { CancelledError, flagError, StatusError } from "./errors.js";
import { FlagParseError, parseFlags } from "./flags/parse-flags.js";
import { globalFlags } from "./global-flags.js";
import { commandHelp, groupHelp, helpShorthandNotice, helpShorthandUsed } from "./help.js";
import { completeTree, type CommandTree } from "./help/command-tree.js";
import type { CliIo } from "./io.js";
import { legacyBuilderNotice } from "./legacy-builder.js";
import { helpTopic, rootHelp } from "./root-help.js";
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
    description: "Work with containers",
    commands: { create, inspect: typedInspect("container"), kill, logs, ls: ps, restart, rm, run, start, stop, ...containerOpsCommands },
    aliases: { ls: ["list", "ps"], rm: ["remove"] },
  },
  image: {
    description: "Work with images",
    commands: { build, history, import: importCommand, inspect: typedInspect("image"), load, ls: images, prune: imagePrune, pull, push, rm: rmi, save, tag },
    aliases: { ls: ["list"], rm: ["remove"] },
  },
  network: networkGroup,
  volume: volumeGroup,
  system: systemGroup,
  builder: builderGroup,
};

export const topLevelCommands: Record<string, CommandDef> = { build, create, events, history, images, import: importCommand, info, inspect, kill, load, login, logout, logs, ps, pull, push, restart, rm, rmi, run, save, search, start, stop, tag, version, ...containerOpsTopLevel };

/** Every command docker has, the ones the playground cannot run yet included (for help). */
export const commandTree: CommandTree = completeTree(topLevelCommands, managementCommands);

/** What the process running the CLI may add around a command. */
export interface RunOptions {
  /**
   * Called once flags and arguments check out, just before the command runs: where docker's
   * PersistentPreRunE resolves the daemon's address ("Failed to initialize: ..."). Throwing
   * stops the command; the message is printed and the exit code is 1.
   */
  beforeRun?: () => void;
}

async function execute(def: CommandDef, path: string, argv: string[], io: CliIo, client: DockerClient, options: RunOptions = {}): Promise<number> {
  const useLine = def.usage ? `${path} ${def.usage}` : path;
  let flags;
  try {
    flags = parseFlags(argv, def.flags, def.interspersed ?? true);
  } catch (error) {
    if (error instanceof FlagParseError) throw flagError(error.message, useLine, path);
    throw error;
  }
  if (flags.values.get("help") === true) {
    if (helpShorthandUsed(argv, def.flags)) io.stdout(helpShorthandNotice);
    io.stdout(commandHelp(def, path, io.columns));
    return 0;
  }
  const argError = checkArgs(def.args, flags.args.length, path, useLine);
  if (argError) throw new StatusError(1, argError);
  options.beforeRun?.();
  return (await def.run({ io, client, path, useLine }, flags)) ?? 0;
}

async function dispatch(argv: string[], io: CliIo, client: DockerClient, options: RunOptions = {}): Promise<number> {
  let rest = argv;
  let helpAsked = false;
  const specs = globalFlags(io.env);
  try {
    const leading: string[] = [];
    while (rest.length > 0 && rest[0]?.startsWith("-")) {
      leading.push(rest[0]);
      const spec = specs.find((f) => rest[0] === `--${f.name}` || (f.short !== undefined && rest[0] === `-${f.short}`));
      rest = rest.slice(1);
      if (spec && spec.kind !== "bool" && !leading[leading.length - 1]?.includes("=") && rest.length > 0) leading.push(rest.shift() ?? "");
    }
    const globals = parseFlags(leading, specs, true);
    if (globals.values.get("version") === true) {
      io.stdout(`Docker version ${clientVersion.Version}, build ${clientVersion.GitCommit}\n`);
      return 0;
    }
    helpAsked = globals.values.get("help") === true;
    if (helpAsked) {
      // The root's flags are parsed on their own first, with pflag's notices going to stderr;
      // `docker --help ps` is then ps's help.
      if (helpShorthandUsed(leading, specs)) io.stderr(helpShorthandNotice);
      if (rest.length > 0) rest = [rest[0] ?? "", "--help", ...rest.slice(1)];
    }
    if (rest.length === 0) {
      // A bare `docker` prints the help on stderr; `docker --help` on stdout.
      (helpAsked ? io.stdout : io.stderr)(rootHelp(commandTree, io.env, io.columns));
      return 0;
    }
  } catch (error) {
    if (error instanceof FlagParseError) throw new StatusError(125, `${error.message}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information`);
    throw error;
  }
  const notice = legacyBuilderNotice(rest, io.env);
  if (notice) io.stderr(notice);
  const [name = "", ...args] = rest;
  if (name === "help") {
    io.stdout(helpTopic(commandTree, args, io.env, io.columns));
    return 0;
  }
  const group = commandTree.groups[name];
  if (group) {
    const groupUse = `docker ${name}${group.use ? ` ${group.use}` : ""}`;
    // As cobra finds a subcommand: the first word that is not a flag.
    const at = args.findIndex((a) => !a.startsWith("-"));
    const sub = at < 0 ? "" : (args[at] ?? "");
    const subArgs = at < 0 ? [] : [...args.slice(0, at), ...args.slice(at + 1)];
    if (sub === "") {
      let flags;
      try {
        flags = parseFlags(args, [], true);
      } catch (error) {
        if (error instanceof FlagParseError) throw flagError(error.message, groupUse, `docker ${name}`);
        throw error;
      }
      const asked = flags.values.get("help") === true;
      if (asked && helpShorthandUsed(args, [])) io.stdout(helpShorthandNotice);
      // A bare `docker network` shows the help on stderr (ShowHelp(dockerCli.Err())); --help on stdout.
      (asked ? io.stdout : io.stderr)(groupHelp(`docker ${name}`, group));
      return 0;
    }
    const subName = Object.keys(group.commands).find((k) => k === sub || group.aliases[k]?.includes(sub));
    const def = subName ? group.commands[subName] : undefined;
    if (!def || !subName) {
      throw new StatusError(1, `docker: unknown command: docker ${name} ${sub}\n\nUsage:  ${groupUse}\n\nRun 'docker ${name} --help' for more information`);
    }
    return execute(def, `docker ${name} ${subName}`, subArgs, io, client, options);
  }
  const def = commandTree.topLevel[name];
  if (!def) {
    // `docker --help nope` is the root help, as cobra falls back to the root command.
    if (helpAsked) {
      io.stdout(rootHelp(commandTree, io.env, io.columns));
      return 0;
    }
    throw new StatusError(1, `docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information`);
  }
  return execute(def, `docker ${name}`, args, io, client, options);
}

/** Runs `docker ARGS...` against a client; never throws: errors become stderr and an exit code. */
export async function runDocker(argv: string[], io: CliIo, client: DockerClient, options: RunOptions = {}): Promise<number> {
  try {
    return await dispatch(argv, io, client, options);
  } catch (error) {
    if (error instanceof CancelledError) return 0;
    const message = daemonMessage(error);
    if (message) io.stderr(`${message}\n`);
    return error instanceof StatusError ? error.status : 1;
  }
}
