// The host filesystem as just-bash sees it: an in-memory filesystem behind a delegating wrapper
// that notes every path a command writes, appends, copies, moves or removes. After a command
// only those paths are looked at again, so saving the learner's files costs what the command
// touched, not the size of the whole tree.

import type {
  BufferEncoding,
  ByteString,
  CpOptions,
  FileContent as WriteContent,
  FsStat,
  IFileSystem,
  InMemoryFs,
  MkdirOptions,
  RmOptions,
} from "just-bash";

type ReadOptions = Parameters<IFileSystem["readFile"]>[1];
type WriteOptions = Parameters<IFileSystem["writeFile"]>[2];
type Dirent = Awaited<ReturnType<NonNullable<IFileSystem["readdirWithFileTypes"]>>>[number];

/** path → new content, or null when the file is gone. */
/** A host file's content: text when it is UTF-8, bytes otherwise (a tar from docker save). */
export type FileContent = string | Uint8Array;
export type FileChanges = Record<string, FileContent | null>;

// Trees that are rebuilt on every start or are scratch space by nature: never saved.
const volatileRoots = ["/bin", "/dev", "/proc", "/run", "/sys", "/tmp", "/usr/bin"];

export function isPersisted(path: string): boolean {
  return !volatileRoots.some((root) => path === root || path.startsWith(`${root}/`));
}

export class TrackedFs implements IFileSystem {
  private dirty = new Set<string>();
  /** Files last reported (or restored), so a removed directory can name what it took along. */
  private known = new Set<string>();
  readonly readFileBytes: (path: string) => Promise<ByteString>;
  readonly readdirWithFileTypes: (path: string) => Promise<Dirent[]>;

  constructor(private readonly inner: InMemoryFs) {
    this.readFileBytes = (path) => inner.readFileBytes(path);
    this.readdirWithFileTypes = (path) => inner.readdirWithFileTypes(path);
  }

  // just-bash lays out /bin, /dev and /proc through these when it starts; that is not the
  // learner's doing, so it goes around the tracking.
  mkdirSync(path: string, options?: MkdirOptions): void {
    this.inner.mkdirSync(path, options);
  }

  writeFileSync(path: string, content: WriteContent): void {
    this.inner.writeFileSync(path, content);
  }

  /** Puts saved files back without reporting them as changed. */
  async restore(files: Readonly<Record<string, FileContent>>): Promise<void> {
    for (const [path, content] of Object.entries(files)) {
      const full = this.inner.resolvePath("/", path);
      await this.inner.mkdir(full.slice(0, full.lastIndexOf("/")) || "/", { recursive: true });
      await this.inner.writeFile(full, content);
      this.known.add(full);
    }
  }

  /** What changed since the last call, for the paths commands touched. */
  async takeChanges(): Promise<FileChanges> {
    const touched = [...this.dirty].sort();
    this.dirty.clear();
    const changes: FileChanges = {};
    for (const path of touched) {
      if (!isPersisted(path)) continue;
      const present = await this.filesAt(path);
      for (const file of this.known) {
        if ((file === path || file.startsWith(`${path === "/" ? "" : path}/`)) && !present.includes(file)) {
          changes[file] = null;
          this.known.delete(file);
        }
      }
      for (const file of present) {
        if (!isPersisted(file)) continue;
        changes[file] = asContent(await this.inner.readFileBuffer(file));
        this.known.add(file);
      }
    }
    return changes;
  }

  private async filesAt(path: string): Promise<string[]> {
    const stat = await this.inner.lstat(path).catch(() => undefined);
    if (stat?.isFile) return [path];
    if (!stat?.isDirectory) return [];
    const files: string[] = [];
    for (const name of await this.inner.readdir(path)) {
      files.push(...(await this.filesAt(path === "/" ? `/${name}` : `${path}/${name}`)));
    }
    return files;
  }

  private touch(...paths: string[]): void {
    for (const path of paths) this.dirty.add(this.inner.resolvePath("/", path));
  }

  async writeFile(path: string, content: WriteContent, options?: WriteOptions): Promise<void> {
    try {
      await this.inner.writeFile(path, content, options);
    } finally {
      this.touch(path);
    }
  }

  async appendFile(path: string, content: WriteContent, options?: WriteOptions): Promise<void> {
    try {
      await this.inner.appendFile(path, content, options);
    } finally {
      this.touch(path);
    }
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    try {
      await this.inner.rm(path, options);
    } finally {
      this.touch(path);
    }
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    try {
      await this.inner.cp(src, dest, options);
    } finally {
      this.touch(dest);
    }
  }

  async mv(src: string, dest: string): Promise<void> {
    try {
      await this.inner.mv(src, dest);
    } finally {
      this.touch(src, dest);
    }
  }

  async link(existingPath: string, newPath: string): Promise<void> {
    try {
      await this.inner.link(existingPath, newPath);
    } finally {
      this.touch(newPath);
    }
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    try {
      await this.inner.symlink(target, linkPath);
    } finally {
      this.touch(linkPath);
    }
  }

  // Directories and metadata: nothing a saved file's content depends on.
  mkdir(path: string, options?: MkdirOptions): Promise<void> {
    return this.inner.mkdir(path, options);
  }

  chmod(path: string, mode: number): Promise<void> {
    return this.inner.chmod(path, mode);
  }

  utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    return this.inner.utimes(path, atime, mtime);
  }

  readFile(path: string, options?: ReadOptions | BufferEncoding): Promise<string> {
    return this.inner.readFile(path, options);
  }

  readFileBuffer(path: string): Promise<Uint8Array> {
    return this.inner.readFileBuffer(path);
  }

  exists(path: string): Promise<boolean> {
    return this.inner.exists(path);
  }

  stat(path: string): Promise<FsStat> {
    return this.inner.stat(path);
  }

  lstat(path: string): Promise<FsStat> {
    return this.inner.lstat(path);
  }

  readdir(path: string): Promise<string[]> {
    return this.inner.readdir(path);
  }

  readlink(path: string): Promise<string> {
    return this.inner.readlink(path);
  }

  realpath(path: string): Promise<string> {
    return this.inner.realpath(path);
  }

  resolvePath(base: string, path: string): string {
    return this.inner.resolvePath(base, path);
  }

  getAllPaths(): string[] {
    return this.inner.getAllPaths();
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Text if the bytes are UTF-8, the bytes themselves otherwise. */
function asContent(bytes: Uint8Array): FileContent {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}
