// The container's files on their way into a Python sandbox and Python's changes on their way
// back. A container of the catalog holds a few hundred small files, so all of them go in: a
// script may open any path, and there is no asking for one while it runs (python-sandbox.ts).
import type { IFileSystem } from "just-bash";
import type { PythonChange, PythonEntry } from "./python-sandbox.js";

/** Kernel filesystems: nothing of them is a file a copy could hold. */
const VIRTUAL = new Set(["/proc", "/sys", "/dev"]);

/** Beyond these, files are left out (the directories still go in): a bound guard for big bind mounts. */
export const SNAPSHOT_LIMITS = { entries: 20_000, bytes: 64 * 1024 * 1024 };

const join = (dir: string, name: string) => (dir === "/" ? `/${name}` : `${dir}/${name}`);

/** Every directory, file and symlink under /, parents before their children. */
export async function snapshotFiles(fs: IFileSystem, limits = SNAPSHOT_LIMITS): Promise<PythonEntry[]> {
  const entries: PythonEntry[] = [];
  let bytes = 0;
  const walk = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return;
    }
    for (const name of [...names].sort()) {
      const path = join(dir, name);
      if (VIRTUAL.has(path) || entries.length >= limits.entries) continue;
      try {
        const stat = await fs.lstat(path);
        const mtime = stat.mtime.getTime();
        if (stat.isSymbolicLink) {
          entries.push({ path, kind: "symlink", target: await fs.readlink(path) });
        } else if (stat.isDirectory) {
          entries.push({ path, kind: "dir", mode: stat.mode & 0o7777, mtime });
          await walk(path);
        } else if (bytes + stat.size <= limits.bytes) {
          const data = await fs.readFileBuffer(path);
          bytes += data.length;
          entries.push({ path, kind: "file", mode: stat.mode & 0o7777, mtime, data });
        }
      } catch {
        // Gone or unreadable meanwhile: Python would not have seen it either.
      }
    }
  };
  await walk("/");
  return entries;
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/")) || "/";

/**
 * Writes Python's changes into the container. Returns one line per change that could not be
 * made (a read-only mount, say): Python was told its write succeeded, so the learner hears it
 * here instead.
 */
export async function applyChanges(fs: IFileSystem, changes: PythonChange[]): Promise<string[]> {
  const failed: string[] = [];
  for (const change of changes) {
    try {
      switch (change.kind) {
        case "dir":
          await fs.mkdir(change.path, { recursive: true });
          await fs.chmod(change.path, change.mode);
          break;
        case "file":
          await fs.mkdir(parentOf(change.path), { recursive: true });
          await fs.writeFile(change.path, change.data);
          await fs.chmod(change.path, change.mode);
          break;
        case "symlink":
          await fs.rm(change.path, { force: true });
          await fs.symlink(change.target, change.path);
          break;
        case "deleted":
          await fs.rm(change.path, { recursive: true, force: true });
          break;
      }
    } catch (error) {
      failed.push(`${change.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed;
}
