// One filesystem of a container's view, seen the way the archive code needs it: lstat with
// owners, listing, reading, and writing whole entries with their metadata. The engine's own
// trees (LayeredFs: root, volumes, tmpfs, /etc files) keep everything exactly; any other
// IFileSystem (bind mounts of host files) keeps what its interface can (no owners).
import type { IFileSystem } from "just-bash";
import { contentBytes, contentSize, type LayerEntry } from "../fs/layer.js";
import { LayeredFs } from "../fs/layered-fs.js";

export interface TreeNode {
  type: "file" | "dir" | "symlink";
  /** Permission bits with setuid, setgid and sticky. */
  mode: number;
  mtime: number;
  uid: number;
  gid: number;
  size: number;
  target?: string;
}

export interface FsAccess {
  /** The entry at an exact (already resolved) path, undefined when there is none. */
  lstat(path: string): Promise<TreeNode | undefined>;
  list(path: string): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
  /** Creates or replaces an entry; a directory over a directory keeps its contents. */
  put(path: string, node: TreeNode, data?: Uint8Array | string): Promise<void>;
  remove(path: string): Promise<void>;
}

/** What an overlay directory reports as its size. */
export const DIR_SIZE = 4096;

function nodeOf(entry: Exclude<LayerEntry, { type: "whiteout" }>): TreeNode {
  const base = { mode: entry.mode & 0o7777, mtime: entry.mtime, uid: entry.uid ?? 0, gid: entry.gid ?? 0 };
  if (entry.type === "file") return { ...base, type: "file", size: contentSize(entry.content) };
  if (entry.type === "symlink") return { ...base, type: "symlink", size: entry.target.length, target: entry.target };
  return { ...base, type: "dir", size: DIR_SIZE };
}

function ids(node: TreeNode): { uid?: number; gid?: number } {
  return { ...(node.uid !== 0 ? { uid: node.uid } : {}), ...(node.gid !== 0 ? { gid: node.gid } : {}) };
}

function layeredAccess(fs: LayeredFs): FsAccess {
  return {
    lstat: (path) => Promise.resolve(mapEntry(fs.entry(path))),
    list: (path) => Promise.resolve(fs.list(path)),
    read: (path) => Promise.resolve(contentBytes(fs.fileEntry(path).content)),
    put: (path, node, data) => {
      const own = fs.upperLayer.get(path);
      if (node.type === "dir") {
        // Over a deleted lower directory the new one must not show the old contents.
        const opaque = own?.type === "whiteout" || (own?.type === "dir" && own.opaque === true);
        fs.put(path, { type: "dir", mode: node.mode, mtime: node.mtime, ...ids(node), ...(opaque ? { opaque: true } : {}) });
      } else if (node.type === "symlink") {
        fs.put(path, { type: "symlink", target: node.target ?? "", mode: node.mode, mtime: node.mtime, ...ids(node) });
      } else {
        fs.put(path, { type: "file", content: data ?? "", mode: node.mode, mtime: node.mtime, ...ids(node) });
      }
      return Promise.resolve();
    },
    remove: (path) => {
      fs.remove(path);
      return Promise.resolve();
    },
  };
}

function mapEntry(entry: LayerEntry | undefined): TreeNode | undefined {
  return entry && entry.type !== "whiteout" ? nodeOf(entry) : undefined;
}

function genericAccess(fs: IFileSystem): FsAccess {
  return {
    async lstat(path) {
      let stat;
      try {
        stat = await fs.lstat(path);
      } catch {
        return undefined;
      }
      const base = { mode: stat.mode & 0o7777, mtime: stat.mtime.getTime(), uid: 0, gid: 0 };
      if (stat.isSymbolicLink) {
        const target = await fs.readlink(path);
        return { ...base, type: "symlink", size: target.length, target };
      }
      if (stat.isDirectory) return { ...base, type: "dir", size: DIR_SIZE };
      return { ...base, type: "file", size: stat.size };
    },
    list: async (path) => (await fs.readdir(path)).sort(),
    read: (path) => fs.readFileBuffer(path),
    async put(path, node, data) {
      if (node.type === "dir") {
        if (!(await fs.exists(path))) await fs.mkdir(path);
      } else if (node.type === "symlink") {
        await fs.symlink(node.target ?? "", path);
        return;
      } else {
        await fs.writeFile(path, data ?? "");
      }
      await fs.chmod(path, node.mode);
      await fs.utimes(path, new Date(node.mtime), new Date(node.mtime));
    },
    remove: (path) => fs.rm(path, { recursive: true, force: true }),
  };
}

const accesses = new WeakMap<IFileSystem, FsAccess>();

export function accessOf(fs: IFileSystem): FsAccess {
  let access = accesses.get(fs);
  if (!access) {
    access = fs instanceof LayeredFs ? layeredAccess(fs) : genericAccess(fs);
    accesses.set(fs, access);
  }
  return access;
}
