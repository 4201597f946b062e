// A container's view of its files: the root filesystem with volumes, bind mounts and tmpfs
// mounted over it, as the kernel's mount table composes them. Each path goes to the filesystem
// of its deepest mount point; a directory lists the mount points inside it.
//
// Symlinks are followed here, one component at a time, before a path is routed: a link on the
// root that points into a volume (ln -s /data/file /link) must land in the volume, and a link
// inside a volume pointing at /etc must land on the root, which neither filesystem could do
// on its own. Each filesystem then sees a path free of symlinks.
import type { BufferEncoding, CpOptions, DirentEntry, FileContent, FsStat, IFileSystem, MkdirOptions, ReadFileOptions, RmOptions, WriteFileOptions } from "./fs-types.js";
import { fsError } from "./fs-errors.js";
import { baseName, isWithin, joinPath, normalizePath, parentOf } from "./layer.js";

/** Linux's MAXSYMLINKS: more links than this in one lookup is ELOOP. */
const MAX_LINKS = 40;

export interface Mount {
  /** Absolute path inside the container. */
  target: string;
  fs: IFileSystem;
  /** The directory of `fs` that appears at `target` ("/" for a whole volume). */
  source?: string;
  readOnly?: boolean;
}

export class MountedFs implements IFileSystem {
  private readonly mounts: Mount[];

  constructor(
    private readonly root: IFileSystem,
    mounts: readonly Mount[],
    private readonly rootReadOnly = false,
  ) {
    // Deepest first, so the first match is the innermost mount.
    this.mounts = [...mounts].map((m) => ({ ...m, target: normalizePath(m.target) })).sort((a, b) => b.target.length - a.target.length);
  }

  /** The filesystem and inner path an (already resolved) container path lands on, lexically. */
  route(path: string): { fs: IFileSystem; path: string; readOnly: boolean; mountPoint: string | undefined } {
    const p = normalizePath(path);
    for (const m of this.mounts) {
      if (!isWithin(p, m.target)) continue;
      const rest = p.slice(m.target.length);
      const source = m.source ?? "/";
      return { fs: m.fs, path: normalizePath(rest === "" ? source : `${source}/${rest}`), readOnly: m.readOnly === true, mountPoint: m.target };
    }
    return { fs: this.root, path: p, readOnly: this.rootReadOnly, mountPoint: undefined };
  }

  /**
   * The path with its symlinks followed across mounts: every component but the last, and the
   * last too when `followLast`. A missing component ends the walk; the rest is kept as written,
   * so the operation itself reports ENOENT or creates the file.
   */
  async resolve(path: string, followLast: boolean, syscall = "stat"): Promise<string> {
    const p = normalizePath(path);
    // Without mounts the root filesystem follows its own links.
    if (this.mounts.length === 0) return p;
    let pending = p.split("/").filter(Boolean);
    let current = "/";
    let links = 0;
    while (pending.length > 0) {
      const [name = "", ...rest] = pending;
      const next = joinPath(current, name);
      if (rest.length === 0 && !followLast) return next;
      const r = this.route(next);
      const stat = await r.fs.lstat(r.path).catch(() => undefined);
      if (!stat) return normalizePath([next, ...rest].join("/"));
      if (stat.isSymbolicLink) {
        if (++links > MAX_LINKS) throw fsError("ELOOP", syscall, path);
        const target = await r.fs.readlink(r.path);
        pending = [...normalizePath(target, current).split("/").filter(Boolean), ...rest];
        current = "/";
        continue;
      }
      current = next;
      pending = rest;
    }
    return current;
  }

  /** Resolves, then routes: where an operation on a container path really happens. */
  private async at(path: string, followLast: boolean, syscall: string): Promise<{ fs: IFileSystem; path: string; readOnly: boolean; mountPoint: string | undefined; resolved: string }> {
    const resolved = await this.resolve(path, followLast, syscall);
    return { ...this.route(resolved), resolved };
  }

  private async forWrite(path: string, followLast: boolean, syscall: string): Promise<{ fs: IFileSystem; path: string; resolved: string }> {
    const r = await this.at(path, followLast, syscall);
    if (r.readOnly) throw fsError("EROFS", syscall, path);
    return r;
  }

  private mountPointsIn(dir: string): string[] {
    const d = normalizePath(dir);
    return this.mounts.filter((m) => m.target !== d && parentOf(m.target) === d).map((m) => baseName(m.target));
  }

  async readFile(path: string, options?: ReadFileOptions | BufferEncoding): Promise<string> {
    const r = await this.at(path, true, "open");
    return r.fs.readFile(r.path, options);
  }

  async readFileBytes(path: string): Promise<never> {
    const r = await this.at(path, true, "open");
    return (await (r.fs.readFileBytes ? r.fs.readFileBytes(r.path) : r.fs.readFile(r.path, "latin1"))) as never;
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    const r = await this.at(path, true, "open");
    return r.fs.readFileBuffer(r.path);
  }

  async writeFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    const r = await this.forWrite(path, true, "open");
    await r.fs.writeFile(r.path, content, options);
  }

  async appendFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    const r = await this.forWrite(path, true, "open");
    await r.fs.appendFile(r.path, content, options);
  }

  async exists(path: string): Promise<boolean> {
    const r = await this.at(path, true, "access").catch(() => undefined);
    return r ? r.fs.exists(r.path) : false;
  }

  async stat(path: string): Promise<FsStat> {
    const r = await this.at(path, true, "stat");
    return r.fs.stat(r.path);
  }

  async lstat(path: string): Promise<FsStat> {
    const r = await this.at(path, false, "lstat");
    return r.fs.lstat(r.path);
  }

  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    const r = await this.at(path, false, "mkdir");
    if (this.mounts.some((m) => m.target === r.resolved)) {
      if (options?.recursive) return;
      throw fsError("EEXIST", "mkdir", path);
    }
    if (r.readOnly) throw fsError("EROFS", "mkdir", path);
    await r.fs.mkdir(r.path, options);
  }

  async readdir(path: string): Promise<string[]> {
    const r = await this.at(path, true, "scandir");
    const own = await r.fs.readdir(r.path);
    const extra = this.mountPointsIn(r.resolved).filter((n) => !own.includes(n));
    return extra.length === 0 ? own : [...own, ...extra].sort();
  }

  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    const r = await this.at(path, true, "scandir");
    const own = r.fs.readdirWithFileTypes
      ? await r.fs.readdirWithFileTypes(r.path)
      : await Promise.all((await r.fs.readdir(r.path)).map(async (name) => {
          const s = await r.fs.lstat(joinPath(r.path, name));
          return { name, isFile: s.isFile, isDirectory: s.isDirectory, isSymbolicLink: s.isSymbolicLink };
        }));
    const names = new Set(own.map((e) => e.name));
    const extra = this.mountPointsIn(r.resolved).filter((n) => !names.has(n)).map((name) => ({ name, isFile: false, isDirectory: true, isSymbolicLink: false }));
    return extra.length === 0 ? own : [...own, ...extra].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    const r = await this.at(path, false, "rm");
    // A mount point itself is busy; its contents can go.
    if (this.mounts.some((m) => m.target === r.resolved)) throw fsError("EBUSY", "rm", path);
    if (r.readOnly) throw fsError("EROFS", "rm", path);
    await r.fs.rm(r.path, options);
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    const from = await this.at(src, true, "cp");
    const to = await this.forWrite(dest, true, "cp");
    if (from.fs === to.fs) return to.fs.cp(from.path, to.path, options);
    await this.copyAcross(src, dest, options?.recursive === true);
  }

  private async copyAcross(src: string, dest: string, recursive: boolean): Promise<void> {
    const s = await this.stat(src);
    if (s.isDirectory) {
      if (!recursive) throw fsError("EISDIR", "cp", src);
      await this.mkdir(dest, { recursive: true });
      for (const name of await this.readdir(src)) await this.copyAcross(joinPath(normalizePath(src), name), joinPath(normalizePath(dest), name), true);
      return;
    }
    await this.writeFile(dest, await this.readFileBuffer(src));
    await this.chmod(dest, s.mode & 0o7777);
  }

  async mv(src: string, dest: string): Promise<void> {
    const from = await this.forWrite(src, false, "mv");
    const to = await this.forWrite(dest, false, "mv");
    if (from.fs === to.fs) return to.fs.mv(from.path, to.path);
    await this.copyAcross(src, dest, true);
    await this.rm(src, { recursive: true, force: true });
  }

  resolvePath(base: string, path: string): string {
    return normalizePath(path, base);
  }

  getAllPaths(): string[] {
    const out = this.root.getAllPaths().filter((p) => !this.mounts.some((m) => isWithin(p, m.target) && p !== m.target));
    for (const m of this.mounts) {
      const source = m.source ?? "/";
      for (const p of m.fs.getAllPaths()) {
        if (!isWithin(p, source)) continue;
        out.push(normalizePath(`${m.target}/${p.slice(source.length)}`));
      }
    }
    return out;
  }

  async chmod(path: string, mode: number): Promise<void> {
    const r = await this.forWrite(path, true, "chmod");
    await r.fs.chmod(r.path, mode);
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    const r = await this.forWrite(linkPath, false, "symlink");
    await r.fs.symlink(target, r.path);
  }

  async link(existingPath: string, newPath: string): Promise<void> {
    const from = await this.at(existingPath, false, "link");
    const to = await this.forWrite(newPath, false, "link");
    if (from.fs !== to.fs) throw fsError("EXDEV", "link", newPath);
    await to.fs.link(from.path, to.path);
  }

  async readlink(path: string): Promise<string> {
    const r = await this.at(path, false, "readlink");
    return r.fs.readlink(r.path);
  }

  async realpath(path: string): Promise<string> {
    const r = await this.at(path, true, "realpath");
    const inner = await r.fs.realpath(r.path);
    if (r.mountPoint === undefined) return inner;
    const mount = this.mounts.find((m) => m.target === r.mountPoint);
    const source = mount?.source ?? "/";
    return normalizePath(`${r.mountPoint}/${inner.slice(source.length)}`);
  }

  async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    const r = await this.forWrite(path, true, "utimes");
    await r.fs.utimes(r.path, atime, mtime);
  }
}
