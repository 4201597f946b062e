// Tab completion of a `docker ...` line, as docker's cobra completion does it: commands, then
// subcommands, flags of the command being typed (those already given are not offered again,
// unless they repeat), the values of some flags, and the daemon's objects as arguments. The
// objects come through the Docker client, only when a completion needs them.
import type { CommandDef, CommandTree, FlagSpec } from "../cli/index.js";
import { argKinds, eventActions, eventFilterKeys, eventTypes, flagValues, noFlagFileCompletion, type ArgKind, type ContainerFilter, type ValueKind } from "./docker-completion-data.js";

export interface ContainerEntry {
  id: string;
  /** Without the leading slash. */
  names: readonly string[];
  state: string;
  /** Names of the networks it is connected to. */
  networks: readonly string[];
}

/** The daemon's objects, as completion lists them. */
export interface DockerObjects {
  containers(): Promise<readonly ContainerEntry[]>;
  /** repo:tag of every tagged image. */
  images(): Promise<readonly string[]>;
  networks(): Promise<readonly string[]>;
  volumes(): Promise<readonly string[]>;
}

export type DockerAnswer =
  | { kind: "words"; words: readonly string[] | Promise<readonly string[]>; noSpace?: boolean }
  | { kind: "files" }
  | { kind: "dirs" };

export interface DockerCompletionContext {
  /** The CLI's commands: the caller fetches the CLI chunk first (docker-cli.ts). */
  tree: CommandTree;
  objects: DockerObjects | undefined;
  env: Readonly<Record<string, string>>;
}

const nothing: DockerAnswer = { kind: "words", words: [] };
const words = (list: readonly string[] | Promise<readonly string[]>, noSpace = false): DockerAnswer => (noSpace ? { kind: "words", words: list, noSpace } : { kind: "words", words: list });

/** Global flags as the root command knows them (their defaults do not matter here). */
const globalFlags: FlagSpec[] = [
  { name: "config", kind: "string", usage: "" },
  { name: "context", short: "c", kind: "string", usage: "" },
  { name: "debug", short: "D", kind: "bool", usage: "" },
  { name: "host", short: "H", kind: "list", usage: "" },
  { name: "log-level", short: "l", kind: "string", usage: "" },
  { name: "tls", kind: "bool", usage: "" },
  { name: "tlscacert", kind: "string", usage: "" },
  { name: "tlscert", kind: "string", usage: "" },
  { name: "tlskey", kind: "string", usage: "" },
  { name: "tlsverify", kind: "bool", usage: "" },
  { name: "version", short: "v", kind: "bool", usage: "" },
];

/** What has been typed after the command name, read with the command's flags. */
interface Scan {
  positional: string[];
  changed: Set<string>;
  /** The flag whose value the word being completed is. */
  awaiting: FlagSpec | undefined;
  /** Past `--`, or past the first argument of a command that stops parsing flags there. */
  flagsEnded: boolean;
}

function scan(args: readonly string[], flags: readonly FlagSpec[], interspersed: boolean): Scan {
  const result: Scan = { positional: [], changed: new Set(), awaiting: undefined, flagsEnded: false };
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.short).map((f) => [f.short, f]));
  for (const arg of args) {
    if (result.awaiting) {
      result.awaiting = undefined;
      continue;
    }
    if (result.flagsEnded || !arg.startsWith("-") || arg === "-") {
      result.positional.push(arg);
      if (!interspersed) result.flagsEnded = true;
      continue;
    }
    if (arg === "--") {
      result.flagsEnded = true;
      continue;
    }
    if (arg.startsWith("--")) {
      const [name = "", value] = arg.slice(2).split(/=(.*)/s);
      const spec = byName.get(name);
      if (name === "help") result.changed.add("help");
      if (!spec) continue;
      result.changed.add(spec.name);
      if (value === undefined && spec.kind !== "bool") result.awaiting = spec;
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const spec = byShort.get(arg[j]);
      if (!spec && arg[j] === "h") result.changed.add("help");
      if (!spec) break;
      result.changed.add(spec.name);
      if (spec.kind !== "bool") {
        if (j === arg.length - 1) result.awaiting = spec;
        break;
      }
    }
  }
  return result;
}

/** Flag names for a word that starts with "-": long forms, and short ones unless it is "--". */
function flagNames(flags: readonly FlagSpec[], changed: ReadonlySet<string>, word: string): string[] {
  const out: string[] = [];
  for (const flag of flags) {
    if (flag.hidden) continue;
    const repeats = flag.kind === "list" && (flag.typeName === undefined || flag.typeName === "strings");
    if (changed.has(flag.name) && !repeats) continue;
    out.push(`--${flag.name}`);
    if (flag.short && !word.startsWith("--")) out.push(`-${flag.short}`);
  }
  return out;
}

function matches(filter: ContainerFilter, entry: ContainerEntry, force: boolean): boolean {
  const running = ["running", "paused", "restarting"].includes(entry.state);
  switch (filter) {
    case "all":
      return true;
    case "running":
      return running;
    case "running-unpaused":
      return running && entry.state !== "paused";
    case "paused":
      return entry.state === "paused";
    case "stopped":
      return entry.state === "exited" || entry.state === "created";
    case "stopped-unless-force":
      return force || entry.state === "exited" || entry.state === "created";
  }
}

export class DockerCompleter {
  constructor(private readonly context: DockerCompletionContext) {}

  /** `args`: the words after "docker" before the one being completed (`word`). */
  complete(args: readonly string[], word: string): DockerAnswer {
    const global = scan(args, globalFlags, false);
    if (global.awaiting) return this.flagValue("", global.awaiting, word);
    const [name, ...rest] = global.positional;
    if (name === undefined) return this.command("", { name: "docker", usage: "", description: "", flags: globalFlags, args: { kind: "none" }, run: () => Promise.resolve(0) }, args, word);
    const commandTree = this.context.tree;
    const group = commandTree.groups[name];
    if (group) {
      const [sub, ...subArgs] = rest;
      // Unlike help, completion does not ask the daemon: swarm-only subcommands are offered too.
      if (sub === undefined) return word.startsWith("-") ? nothing : words(Object.keys(group.commands));
      const key = Object.keys(group.commands).find((k) => k === sub || group.aliases[k]?.includes(sub));
      const def = key ? group.commands[key] : undefined;
      return def && key ? this.command(`${name} ${key}`, def, subArgs, word) : nothing;
    }
    // `docker help` completes nothing of its own: the shell falls back to file names.
    if (name === "help") return { kind: "files" };
    const def = commandTree.topLevel[name];
    return def ? this.command(canonical(commandTree, name), def, rest, word) : nothing;
  }

  private commandNames(): string[] {
    const { topLevel, groups } = this.context.tree;
    return [...Object.keys(topLevel), ...Object.keys(groups), "help"];
  }

  private command(path: string, def: CommandDef, args: readonly string[], word: string): DockerAnswer {
    const state = scan(args, def.flags, def.interspersed ?? true);
    // Once help is asked for, there is nothing left to complete.
    if (state.changed.has("help")) return nothing;
    if (state.awaiting) return this.flagValue(path, state.awaiting, word);
    const attached = /^--([^=]+)=/.exec(word);
    if (attached && !state.flagsEnded) {
      const spec = def.flags.find((f) => f.name === attached[1]);
      if (!spec) return nothing;
      return prefixed(this.flagValue(path, spec, word.slice(attached[0].length)), attached[0]);
    }
    if (word.startsWith("-") && !state.flagsEnded) return words(flagNames(def.flags, state.changed, word));
    if (path === "") return words(this.commandNames());
    return this.argument(argKinds[path] ?? { kind: "files" }, state, word);
  }

  private argument(kind: ArgKind, state: Scan, word: string): DockerAnswer {
    const count = state.positional.length;
    switch (kind.kind) {
      case "none":
        return nothing;
      case "files":
      case "dirs":
        return kind;
      case "containers":
        return words(this.containers(kind.filter, word, state.changed.has("force")));
      case "images":
        return kind.limit !== undefined && count >= kind.limit ? nothing : words(this.list("images"));
      case "networks":
        return words(this.list("networks"));
      case "volumes":
        return words(this.list("volumes"));
      case "network-then-containers": {
        if (count === 0) return words(this.list("networks"));
        const network = state.positional[0] ?? "";
        return words(this.containers("all", word, false, (c) => c.networks.includes(network) === kind.connected));
      }
    }
  }

  private flagValue(path: string, flag: FlagSpec, word: string): DockerAnswer {
    const kind: ValueKind | undefined = flagValues[path]?.[flag.name];
    if (!kind) return noFlagFileCompletion.has(path) || flag.kind === "bool" ? nothing : { kind: "files" };
    switch (kind.kind) {
      case "list":
        return words(kind.values, kind.noSpace);
      case "files":
        return kind;
      case "env-names":
        return words(Object.keys(this.context.env));
      case "networks":
        return words(this.list("networks"));
      case "containers": {
        const suffix = kind.suffix ?? "";
        return words(
          this.containers(kind.filter, word, false).then((names) => names.map((n) => n + suffix)),
          suffix !== "",
        );
      }
      case "container-mode":
        if (word.startsWith("container:")) return words(this.containers("all", word.slice(10), false).then((names) => names.map((n) => `container:${n}`)));
        if (word !== "" && "container".startsWith(word)) return words(["container:"], true);
        return words(["container:", ...kind.modes], true);
      case "security-opt":
        return securityOpt(word);
      case "event-filter":
        return this.eventFilter(word);
    }
  }

  private eventFilter(word: string): DockerAnswer {
    const eq = word.indexOf("=");
    if (eq < 0) return words(eventFilterKeys.map((k) => `${k}=`), true);
    const key = word.slice(0, eq);
    const values = (list: readonly string[] | Promise<readonly string[]>) => words(Promise.resolve(list).then((l) => l.map((v) => `${key}=${v}`)));
    switch (key) {
      case "container":
        return values(this.containers("all", word.slice(eq + 1), false));
      case "image":
        return values(this.list("images"));
      case "network":
        return values(this.list("networks"));
      case "volume":
        return values(this.list("volumes"));
      case "event":
        return values(eventActions);
      case "type":
        return values(eventTypes);
      case "scope":
        return values(["local", "swarm"]);
      case "daemon":
      case "label":
      case "node":
        return nothing;
      default:
        return words(eventFilterKeys.map((k) => `${k}=`), true);
    }
  }

  private list(kind: "images" | "networks" | "volumes"): Promise<readonly string[]> {
    const objects = this.context.objects;
    return objects ? objects[kind]().catch(() => []) : Promise.resolve([]);
  }

  /**
   * Container names, as docker offers them (ids too with DOCKER_COMPLETION_SHOW_CONTAINER_IDS=yes).
   * A word that starts no name but starts an id completes to that short id, as `docker ps` shows it.
   */
  private async containers(filter: ContainerFilter, word: string, force: boolean, also: (c: ContainerEntry) => boolean = () => true): Promise<string[]> {
    const list = (await this.context.objects?.containers().catch(() => [])) ?? [];
    const chosen = list.filter((c) => matches(filter, c, force) && also(c));
    const names = chosen.flatMap((c) => c.names);
    if (this.context.env.DOCKER_COMPLETION_SHOW_CONTAINER_IDS === "yes") return [...chosen.map((c) => c.id), ...names];
    if (word !== "" && !names.some((n) => n.startsWith(word))) return chosen.map((c) => c.id.slice(0, 12));
    return names;
  }
}

/** The management path of a top-level shortcut ("ps" is "container ls"), for the tables. */
function canonical(commandTree: CommandTree, name: string): string {
  for (const [group, def] of Object.entries(commandTree.groups)) {
    for (const [sub, subDef] of Object.entries(def.commands)) if (subDef === commandTree.topLevel[name]) return `${group} ${sub}`;
  }
  return name;
}

function prefixed(answer: DockerAnswer, prefix: string): DockerAnswer {
  if (answer.kind !== "words") return nothing;
  const list = Promise.resolve(answer.words).then((l) => l.map((w) => prefix + w));
  return words(list, answer.noSpace ?? false);
}

/** cli/command/container/completion.go's completeSecurityOpt. */
function securityOpt(word: string): DockerAnswer {
  if (word !== "" && "apparmor=".startsWith(word)) return words(["apparmor="], true);
  if (word !== "" && "label".startsWith(word)) return words(["label="], true);
  if (word.startsWith("label=")) {
    if (word.startsWith("label=d")) return words(["label=disable"]);
    return words(["disable", "level:", "role:", "type:", "user:"].map((l) => `label=${l}`), true);
  }
  if (word.length > 1 && "seccomp".startsWith(word)) return words(["seccomp="], true);
  if (word.startsWith("seccomp=")) return words(["seccomp=unconfined"]);
  return words(["apparmor=", "label=", "no-new-privileges", "seccomp=", "systempaths=unconfined"], true);
}
