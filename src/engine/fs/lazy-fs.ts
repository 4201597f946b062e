// A filesystem built the first time something touches it. Every start mounts the generated
// /etc/hosts, /etc/hostname and /etc/resolv.conf, yet most containers never read them: building
// their tree (and the text of the files) only on first use keeps a start cheap.
import type { BufferEncoding, CpOptions, DirentEntry, FileContent, FsStat, IFileSystem, MkdirOptions, ReadFileOptions, RmOptions, WriteFileOptions } from "./fs-types.js";
import type { LayeredFs } from "./layered-fs.js";

export class LazyFs implements IFileSystem {
  private built: LayeredFs | undefined;

  /**
   * `build` runs at most once, on the first call of any method; with `live`, at every call (a
   * file whose text is the state of the moment, as /proc's are).
   */
  constructor(
    private build: (() => LayeredFs) | undefined,
    private readonly live = false,
  ) {}

  private get fs(): LayeredFs {
    if (this.live) return (this.build as () => LayeredFs)();
    if (!this.built) {
      this.built = (this.build as () => LayeredFs)();
      // The builder's captured inputs are not needed any more.
      this.build = undefined;
    }
    return this.built;
  }

  readFile(path: string, options?: ReadFileOptions | BufferEncoding): Promise<string> {
    return this.fs.readFile(path, options);
  }

  readFileBytes(path: string): Promise<never> {
    return this.fs.readFileBytes(path);
  }

  readFileBuffer(path: string): Promise<Uint8Array> {
    return this.fs.readFileBuffer(path);
  }

  writeFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    return this.fs.writeFile(path, content, options);
  }

  appendFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    return this.fs.appendFile(path, content, options);
  }

  exists(path: string): Promise<boolean> {
    return this.fs.exists(path);
  }

  stat(path: string): Promise<FsStat> {
    return this.fs.stat(path);
  }

  lstat(path: string): Promise<FsStat> {
    return this.fs.lstat(path);
  }

  mkdir(path: string, options?: MkdirOptions): Promise<void> {
    return this.fs.mkdir(path, options);
  }

  readdir(path: string): Promise<string[]> {
    return this.fs.readdir(path);
  }

  readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    return this.fs.readdirWithFileTypes(path);
  }

  rm(path: string, options?: RmOptions): Promise<void> {
    return this.fs.rm(path, options);
  }

  cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    return this.fs.cp(src, dest, options);
  }

  mv(src: string, dest: string): Promise<void> {
    return this.fs.mv(src, dest);
  }

  resolvePath(base: string, path: string): string {
    return this.fs.resolvePath(base, path);
  }

  getAllPaths(): string[] {
    return this.fs.getAllPaths();
  }

  chmod(path: string, mode: number): Promise<void> {
    return this.fs.chmod(path, mode);
  }

  symlink(target: string, linkPath: string): Promise<void> {
    return this.fs.symlink(target, linkPath);
  }

  link(existingPath: string, newPath: string): Promise<void> {
    return this.fs.link(existingPath, newPath);
  }

  readlink(path: string): Promise<string> {
    return this.fs.readlink(path);
  }

  realpath(path: string): Promise<string> {
    return this.fs.realpath(path);
  }

  utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    return this.fs.utimes(path, atime, mtime);
  }
}
