// A container's view of its files: the root filesystem with volumes, bind mounts and tmpfs
// mounted over it, as the kernel's mount table composes them. Each path goes to the filesystem
// of its deepest mount point; a directory lists the mount points inside it.
import type { BufferEncoding, CpOptions, DirentEntry, FileContent, FsStat, IFileSystem, MkdirOptions, ReadFileOptions, RmOptions, WriteFileOptions } from "./fs-types.js";
import { fsError } from "./fs-errors.js";
import { baseName, isWithin, joinPath, normalizePath, parentOf } from "./layer.js";

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

  /** The filesystem and inner path a container path lands on. */
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

  private forWrite(path: string, syscall: string): { fs: IFileSystem; path: string } {
    const r = this.route(path);
    if (r.readOnly) throw fsError("EROFS", syscall, path);
    return r;
  }

  private mountPointsIn(dir: string): string[] {
    const d = normalizePath(dir);
    return this.mounts.filter((m) => m.target !== d && parentOf(m.target) === d).map((m) => baseName(m.target));
  }

  readFile(path: string, options?: ReadFileOptions | BufferEncoding): Promise<string> {
    const r = this.route(path);
    return r.fs.readFile(r.path, options);
  }

  readFileBytes(path: string): Promise<never> {
    const r = this.route(path);
    return (r.fs.readFileBytes ? r.fs.readFileBytes(r.path) : r.fs.readFile(r.path, "latin1")) as Promise<never>;
  }

  readFileBuffer(path: string): Promise<Uint8Array> {
    const r = this.route(path);
    return r.fs.readFileBuffer(r.path);
  }

  async writeFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    const r = this.forWrite(path, "open");
    await r.fs.writeFile(r.path, content, options);
  }

  async appendFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    const r = this.forWrite(path, "open");
    await r.fs.appendFile(r.path, content, options);
  }

  exists(path: string): Promise<boolean> {
    const r = this.route(path);
    return r.fs.exists(r.path);
  }

  stat(path: string): Promise<FsStat> {
    const r = this.route(path);
    return r.fs.stat(r.path);
  }

  lstat(path: string): Promise<FsStat> {
    const r = this.route(path);
    return r.fs.lstat(r.path);
  }

  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    const p = normalizePath(path);
    if (this.mounts.some((m) => m.target === p)) {
      if (options?.recursive) return;
      throw fsError("EEXIST", "mkdir", path);
    }
    const r = this.forWrite(path, "mkdir");
    await r.fs.mkdir(r.path, options);
  }

  async readdir(path: string): Promise<string[]> {
    const r = this.route(path);
    const own = await r.fs.readdir(r.path);
    const extra = this.mountPointsIn(path).filter((n) => !own.includes(n));
    return extra.length === 0 ? own : [...own, ...extra].sort();
  }

  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    const r = this.route(path);
    const own = r.fs.readdirWithFileTypes
      ? await r.fs.readdirWithFileTypes(r.path)
      : await Promise.all((await r.fs.readdir(r.path)).map(async (name) => {
          const s = await r.fs.lstat(joinPath(r.path, name));
          return { name, isFile: s.isFile, isDirectory: s.isDirectory, isSymbolicLink: s.isSymbolicLink };
        }));
    const names = new Set(own.map((e) => e.name));
    const extra = this.mountPointsIn(path).filter((n) => !names.has(n)).map((name) => ({ name, isFile: false, isDirectory: true, isSymbolicLink: false }));
    return extra.length === 0 ? own : [...own, ...extra].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    const p = normalizePath(path);
    // A mount point itself is busy; its contents can go.
    if (this.mounts.some((m) => m.target === p)) throw fsError("EBUSY", "rm", path);
    const r = this.forWrite(path, "rm");
    await r.fs.rm(r.path, options);
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    const from = this.route(src);
    const to = this.forWrite(dest, "cp");
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
    const from = this.forWrite(src, "mv");
    const to = this.forWrite(dest, "mv");
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
    const r = this.forWrite(path, "chmod");
    await r.fs.chmod(r.path, mode);
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    const r = this.forWrite(linkPath, "symlink");
    await r.fs.symlink(target, r.path);
  }

  async link(existingPath: string, newPath: string): Promise<void> {
    const from = this.route(existingPath);
    const to = this.forWrite(newPath, "link");
    if (from.fs !== to.fs) throw fsError("EXDEV", "link", newPath);
    await to.fs.link(from.path, to.path);
  }

  readlink(path: string): Promise<string> {
    const r = this.route(path);
    return r.fs.readlink(r.path);
  }

  async realpath(path: string): Promise<string> {
    const r = this.route(path);
    const inner = await r.fs.realpath(r.path);
    if (r.mountPoint === undefined) return inner;
    const mount = this.mounts.find((m) => m.target === r.mountPoint);
    const source = mount?.source ?? "/";
    return normalizePath(`${r.mountPoint}/${inner.slice(source.length)}`);
  }

  async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    const r = this.forWrite(path, "utimes");
    await r.fs.utimes(r.path, atime, mtime);
  }
}
