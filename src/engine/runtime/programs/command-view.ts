// just-bash finds a command by looking along $PATH in the filesystem and runs its own
// implementation only when the file sits at /bin/NAME or /usr/bin/NAME; a file anywhere else
// is run as a script. Container images keep binaries in /usr/sbin, /usr/local/bin and so on, so
// the shell sees the container's files through this view.
//
// Only the shell's search along $PATH is shown something else: there, a command the image has
// (anywhere on the standard PATH) appears at /usr/bin/NAME (or /bin/NAME) and nowhere else, and
// one the image lacks is not found at all, as in the real container. Our own helper commands
// (__stream…) always appear. That search asks `exists` of DIR/NAME for each DIR in turn, then
// `stat` of the one that exists. Everything else sees the real files:
// - a path the shell was given (`test -x /usr/sbin/nginx`, `which`): the shell turns it into an
//   absolute path with `resolvePath` just before asking `exists`, which the PATH search does not
//   do for an absolute directory of $PATH;
// - `stat`, `lstat`, reading and listing (`ls -l`, `stat`, `cat`), and `command -v`, which
//   searches with `stat` alone;
// - `type`, whose search is the same as the one that runs a command: `lookupPlugin` puts a
//   marker directory at the front of its PATH, and the search that starts there is shown as it is.
import type { IFileSystem, ScriptNode, SimpleCommandNode } from "just-bash";

const STANDARD_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
const RUN_DIRS = new Set(["/bin", "/usr/bin"]);

/** The PATH entry a `type` search starts with; no such directory exists. */
const LOOKUP_MARK = "/.playground-lookup";

const commandStat = { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100755, size: 0, mtime: new Date(0) };

function split(path: string): { dir: string; name: string } {
  const slash = path.lastIndexOf("/");
  return { dir: slash <= 0 ? "/" : path.slice(0, slash), name: path.slice(slash + 1) };
}

export function commandView(fs: IFileSystem, commands: ReadonlySet<string>): IFileSystem {
  /** The path the last call (resolvePath) made of a name the shell was given. */
  let named: string | undefined;
  /** A command just shown at /usr/bin or /bin though it is elsewhere: its `stat` follows. */
  let shown: string | undefined;
  /** A search by `type`, answered with the real files: its name and the directories seen. */
  let lookup: { name: string; dirs: Set<string> } | undefined;

  const isCommand = (name: string) => commands.has(name) || name.startsWith("__");
  const installed = async (name: string): Promise<boolean> => {
    if (name.startsWith("__")) return true;
    for (const dir of STANDARD_DIRS) {
      try {
        const stat = await fs.stat(`${dir}/${name}`);
        if (!stat.isDirectory && (stat.mode & 0o111) !== 0) return true;
      } catch {
        // Not in this directory.
      }
    }
    return false;
  };

  /** What a PATH search is told exists at `path`; undefined: the truth. */
  const searched = async (path: string): Promise<boolean | undefined> => {
    const { dir, name } = split(path);
    if (dir === LOOKUP_MARK) {
      lookup = { name, dirs: new Set() };
      return false;
    }
    if (lookup) {
      // The rest of a `type` search; a directory seen again starts another search.
      if (lookup.name === name && !lookup.dirs.has(dir)) {
        lookup.dirs.add(dir);
        return undefined;
      }
      lookup = undefined;
    }
    if (!isCommand(name) || !STANDARD_DIRS.includes(dir)) return undefined;
    if (!RUN_DIRS.has(dir)) return false;
    if (await fs.exists(path)) return true;
    if (!(await installed(name))) return false;
    shown = path;
    return true;
  };

  const exists = async (path: string): Promise<boolean> => {
    const given = named === path;
    named = undefined;
    shown = undefined;
    if (given) return fs.exists(path);
    return (await searched(path)) ?? fs.exists(path);
  };

  const stat: IFileSystem["stat"] = async (path) => {
    named = undefined;
    if (shown === path) {
      shown = undefined;
      return commandStat;
    }
    const result = await fs.stat(path);
    // A `type` search ends where it finds the command.
    if (lookup?.name === split(path).name && !result.isDirectory && (result.mode & 0o111) !== 0) lookup = undefined;
    return result;
  };

  const resolvePath: IFileSystem["resolvePath"] = (base, path) => {
    const resolved = fs.resolvePath(base, path);
    named = resolved;
    return resolved;
  };

  return new Proxy(fs, {
    get(target, property, receiver) {
      if (property === "exists") return exists;
      if (property === "stat") return stat;
      if (property === "resolvePath") return resolvePath;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        named = undefined;
        return method.apply(target, args);
      };
    },
  });
}

/**
 * `type NAME…` with the marker in front of its PATH, so that the view shows it the real files;
 * and a command named by its path in a standard directory other than /bin and /usr/bin
 * (`/usr/sbin/nginx -s reload`) by its name, which the shell runs as it runs `nginx`: a file
 * there would otherwise be read as a script.
 */
function marked(command: SimpleCommandNode, commands: ReadonlySet<string>): SimpleCommandNode {
  const name = command.name?.parts.length === 1 ? command.name.parts[0] : undefined;
  if (name?.type === "Literal" && name.value.startsWith("/") && command.name) {
    const { dir, name: base } = split(name.value);
    if (STANDARD_DIRS.includes(dir) && !RUN_DIRS.has(dir) && commands.has(base)) {
      return { ...command, name: { ...command.name, parts: [{ ...name, value: base }] } };
    }
  }
  if (name?.type !== "Literal" || name.value !== "type") return command;
  const path = {
    type: "Assignment" as const,
    name: "PATH",
    value: {
      type: "Word" as const,
      parts: [
        { type: "Literal" as const, value: `${LOOKUP_MARK}:` },
        { type: "DoubleQuoted" as const, parts: [{ type: "ParameterExpansion" as const, parameter: "PATH", operation: null }] },
      ],
    },
    append: false,
    array: null,
  };
  return { ...command, assignments: [...command.assignments, path] };
}

/** Every `type` command in the script, however deeply nested (functions, `$(…)`, loops). */
function markLookups(node: unknown, commands: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) {
    const mapped = node.map((item) => markLookups(item, commands));
    return mapped.some((item, i) => item !== node[i]) ? mapped : node;
  }
  if (node === null || typeof node !== "object") return node;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(node)) {
    const next = markLookups(value, commands);
    if (next !== value) (copy ??= { ...node })[key] = next;
  }
  const out = copy ?? node;
  return (out as { type?: unknown }).type === "SimpleCommand" ? marked(out as SimpleCommandNode, commands) : out;
}

/** Drops the marker's assignment from `set -x` traces: the real shell traces just `+ type NAME`. */
export function withoutLookupTraces(text: string): string {
  return text.includes(LOOKUP_MARK) ? text.replace(/^[^\n]*PATH=\/\.playground-lookup:[^\n]*\n/gm, "") : text;
}

/** The transform that lets `type` print where a command really is (see the view above). */
export function lookupPlugin(commands: ReadonlySet<string>) {
  return {
    name: "command-lookups",
    transform: ({ ast }: { ast: ScriptNode }): { ast: ScriptNode } => ({ ast: markLookups(ast, commands) as ScriptNode }),
  };
}
