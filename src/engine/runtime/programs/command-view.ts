// just-bash finds a command by looking along $PATH in the filesystem and runs its own
// implementation only when the file sits at /bin/NAME or /usr/bin/NAME; a file anywhere else
// is run as a script. Container images keep binaries in /sbin, /usr/local/bin and so on, so the
// shell sees the container's files through this view: a command the image has (anywhere on the
// standard PATH) appears at /usr/bin/NAME and nowhere else during lookups, and one the image
// lacks is not found at all, as in the real container. Our own helper commands (__stream…)
// always appear. Reading and listing files are untouched.
import type { IFileSystem } from "just-bash";
import { fsError } from "../../fs/fs-errors.js";

const STANDARD_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
const LOOKUP_DIRS = new Set(["/bin", "/usr/bin"]);

const commandStat = { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100755, size: 0, mtime: new Date(0) };

export function commandView(fs: IFileSystem, commands: ReadonlySet<string>): IFileSystem {
  const split = (path: string) => {
    const slash = path.lastIndexOf("/");
    return { dir: slash <= 0 ? "/" : path.slice(0, slash), name: path.slice(slash + 1) };
  };
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
  /** undefined: not a command path, ask the real filesystem. */
  const lookup = async (path: string): Promise<boolean | undefined> => {
    const { dir, name } = split(path);
    if (!(commands.has(name) || name.startsWith("__")) || !STANDARD_DIRS.includes(dir)) return undefined;
    if (!LOOKUP_DIRS.has(dir)) return false;
    return installed(name);
  };
  return new Proxy(fs, {
    get(target, property, receiver) {
      if (property === "exists") {
        return async (path: string) => (await lookup(path)) ?? target.exists(path);
      }
      if (property === "stat") {
        return async (path: string) => {
          const found = await lookup(path);
          if (found === undefined || (found && (await target.exists(path)))) return target.stat(path);
          if (found) return commandStat;
          throw fsError("ENOENT", "stat", path);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
