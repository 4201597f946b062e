// A union of layers, as overlayfs mounts a container's root: reads look through the writable
// upper layer and then the image's layers from the top; writes copy up into the upper layer;
// deletions of lower paths leave whiteouts; a directory re-created over a deleted one is opaque.
// It implements just-bash's IFileSystem, so a shell in a container works on this very tree, and
// every method's effect is synchronous underneath, so the engine can read it without awaiting.
import type { BufferEncoding, CpOptions, DirentEntry, FileContent, FsStat, IFileSystem, MkdirOptions, ReadFileOptions, RmOptions, WriteFileOptions } from "./fs-types.js";
import { fsError } from "./fs-errors.js";
import { UpperLayer } from "./upper-layer.js";
import { addChild, baseName, childIndex, contentSize, isWithin, joinPath, normalizePath, parentOf, removeChild, type Layer, type LayerEntry, type LiveEntry } from "./layer.js";

export interface LayeredFsOptions {
  /** The image's layers, topmost first. They are never written. */
  lowers: readonly Layer[];
  /** The writable layer; changes land here. */
  upper: Layer;
  /** Engine-clock milliseconds for modification times. */
  now: () => number;
  readOnly?: boolean;
  /** Called after every change, with the path changed and this tree's `name`. */
  onChange?: (path: string, name: string) => void;
  /** What the owner calls this tree: handed to onChange, so one function can serve many trees. */
  name?: string;
  /** Bytes the upper layer may hold before writes fail with ENOSPC. */
  maxUpperBytes?: number;
  /** Lookups in `lowers`, shared by every filesystem over the same lowers (they never change). */
  lowerCache?: Map<string, LiveEntry | null>;
}

const MAX_LINKS = 40;
const rootDir: LiveEntry = { type: "dir", mode: 0o755, mtime: 0 };
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function toText(content: string | Uint8Array, encoding?: BufferEncoding | null): string {
  if (typeof content === "string") return content;
  if (encoding === "binary" || encoding === "latin1") return latin1(content);
  return decoder.decode(content);
}

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function encodingOf(options?: ReadFileOptions | WriteFileOptions | BufferEncoding | null): BufferEncoding | undefined {
  if (!options) return undefined;
  return typeof options === "string" ? options : (options.encoding ?? undefined);
}

function fromLatin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

function toContent(content: FileContent, encoding?: BufferEncoding): string | Uint8Array {
  if (typeof content !== "string") return content;
  if (encoding === "binary" || encoding === "latin1") return fromLatin1(content);
  if (encoding === "base64") return Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
  return content;
}

function concat(a: string | Uint8Array, b: string | Uint8Array): string | Uint8Array {
  if (typeof a === "string" && typeof b === "string") return a + b;
  const x = typeof a === "string" ? encoder.encode(a) : a;
  const y = typeof b === "string" ? encoder.encode(b) : b;
  const out = new Uint8Array(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return out;
}

export class LayeredFs implements IFileSystem {
  private readonly upper: Layer;
  /**
   * The names each directory of the upper layer holds, built when a directory is first listed
   * and kept in step from then on. Most containers are never listed: their writes skip it.
   */
  private upperIndex: Map<string, Set<string>> | undefined;
  private allPaths: string[] | undefined;

  constructor(private readonly options: LayeredFsOptions) {
    this.upper = options.upper;
  }

  /** The writable layer itself (for persistence and commit). */
  get upperLayer(): Layer {
    return this.upper;
  }

  /** The image's layers under this tree: one array, shared by every container of the image. */
  get lowerLayers(): readonly Layer[] {
    return this.options.lowers;
  }

  /**
   * Sets upper-layer entries as an earlier run of the same writes over the same image left them
   * (see image-memo.ts); entries stamped `recordedAt` take the present time. An UpperLayer shares
   * them until it is changed.
   */
  replay(entries: ReadonlyMap<string, LayerEntry>, recordedAt: number): void {
    const first = entries.keys().next();
    if (first.done) return;
    this.writable("open", first.value);
    const now = this.options.now();
    if (this.upper instanceof UpperLayer) this.upper.adopt(entries, recordedAt, now);
    else for (const [path, entry] of entries) this.setUpper(path, entry.type !== "whiteout" && entry.mtime === recordedAt ? { ...entry, mtime: now } : entry);
    this.changed(first.value);
  }

  // ---- lookups (synchronous) -------------------------------------------------------------

  /** The entry at an exact path, symlinks not followed, or undefined. */
  entry(path: string): LiveEntry | undefined {
    if (path === "/") return this.firstEntry("/") ?? rootDir;
    const own = this.upper.get(path);
    if (own) return own.type === "whiteout" ? undefined : own;
    if (this.upper.size > 0 && this.hidesBelow(this.upper, path)) return undefined;
    return this.lowerEntry(path);
  }

  /** The lower layers' answer for a path; the same for every container of an image, so shared. */
  private lowerEntry(path: string): LiveEntry | undefined {
    const cache = this.options.lowerCache;
    const cached = cache?.get(path);
    if (cached !== undefined) return cached ?? undefined;
    let result: LiveEntry | undefined;
    for (const layer of this.options.lowers) {
      const found = layer.get(path);
      if (found) {
        result = found.type === "whiteout" ? undefined : found;
        break;
      }
      if (this.hidesBelow(layer, path)) break;
    }
    cache?.set(path, result ?? null);
    return result;
  }

  /** True when neither the image nor the container holds any file. */
  get empty(): boolean {
    return this.upper.size === 0 && this.options.lowers.every((l) => l.size === 0);
  }

  private firstEntry(path: string): LiveEntry | undefined {
    for (const layer of this.layers()) {
      const found = layer.get(path);
      if (found && found.type !== "whiteout") return found;
    }
    return undefined;
  }

  private *layers(): Generator<Layer> {
    yield this.upper;
    yield* this.options.lowers;
  }

  /** True if this layer deletes or makes opaque an ancestor of `path`, hiding lower layers. */
  private hidesBelow(layer: Layer, path: string): boolean {
    // Every lookup passes here: walk the ancestors by index rather than through a generator.
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
      const found = layer.get(path.slice(0, slash));
      if (!found) continue;
      if (found.type === "whiteout" || found.type !== "dir" || found.opaque) return true;
    }
    return false;
  }

  /** True if a layer under the upper one has this path (so deleting it needs a whiteout). */
  inLowers(path: string): boolean {
    if (this.hidesBelow(this.upper, path)) return false;
    const own = this.upper.get(path);
    if (own?.type === "dir" && own.opaque) return false;
    for (const layer of this.options.lowers) {
      const found = layer.get(path);
      if (found) return found.type !== "whiteout";
      if (this.hidesBelow(layer, path)) return false;
    }
    return false;
  }

  /**
   * Resolves a path through symlinks (the last component only when `followLast`). Returns the
   * physical path and its entry, undefined when only the last component is missing.
   */
  resolve(path: string, followLast: boolean, syscall = "stat"): { path: string; entry: LiveEntry | undefined } {
    const normal = normalizePath(path);
    const direct = this.resolveDirect(normal, followLast, syscall, path);
    if (direct) return direct;
    let pending = normal.split("/").filter(Boolean);
    let at = 0;
    let current = "/";
    let reached: LiveEntry | undefined;
    let links = 0;
    while (at < pending.length) {
      const name = pending[at] as string;
      const last = at === pending.length - 1;
      const next = joinPath(current, name);
      const found = this.entry(next);
      if (!found) {
        if (last) return { path: next, entry: undefined };
        throw fsError("ENOENT", syscall, path);
      }
      if (found.type === "symlink" && (!last || followLast)) {
        if (++links > MAX_LINKS) throw fsError("ELOOP", syscall, path);
        const target = normalizePath(found.target, current);
        pending = [...target.split("/").filter(Boolean), ...pending.slice(at + 1)];
        at = 0;
        current = "/";
        reached = undefined;
        continue;
      }
      if (found.type !== "dir" && !last) throw fsError("ENOTDIR", syscall, path);
      current = next;
      reached = found;
      at++;
    }
    return { path: current, entry: reached ?? this.entry(current) };
  }

  /**
   * resolve() for the common case, a path whose directories are all real directories: each
   * prefix of the normal path is looked up as it stands, with no arrays built. Undefined when a
   * symlink is met, for the general walk to take over from the start.
   */
  private resolveDirect(normal: string, followLast: boolean, syscall: string, path: string): { path: string; entry: LiveEntry | undefined } | undefined {
    if (normal === "/") return { path: "/", entry: this.entry("/") };
    let found: LiveEntry | undefined;
    for (let end = normal.indexOf("/", 1); ; end = normal.indexOf("/", end + 1)) {
      const last = end < 0;
      const prefix = last ? normal : normal.slice(0, end);
      found = this.entry(prefix);
      if (!found) {
        if (last) return { path: normal, entry: undefined };
        throw fsError("ENOENT", syscall, path);
      }
      if (found.type === "symlink" && (!last || followLast)) return undefined;
      if (last) return { path: normal, entry: found };
      if (found.type !== "dir") throw fsError("ENOTDIR", syscall, path);
    }
  }

  /** Names in a directory (merged over every layer), sorted. */
  list(dir: string): string[] {
    const names = new Set<string>();
    const upperNames = this.upperNamesIn(dir);
    if (upperNames) for (const n of upperNames) names.add(n);
    let hidden = this.upperHides(dir);
    for (const layer of this.options.lowers) {
      if (hidden) break;
      const own = childIndex(layer).get(dir);
      if (own) for (const n of own) names.add(n);
      const here = layer.get(dir);
      hidden = (here !== undefined && (here.type !== "dir" || here.opaque === true)) || this.hidesBelow(layer, joinPath(dir, "x"));
    }
    return [...names].filter((n) => this.entry(joinPath(dir, n)) !== undefined).sort();
  }

  /** The names the upper layer holds in a directory: a scan while it is small, then an index. */
  private upperNamesIn(dir: string): Iterable<string> | undefined {
    if (!this.upperIndex && this.upper.size <= 64) {
      const names: string[] = [];
      for (const path of this.upper.keys()) if (path !== "/" && parentOf(path) === dir) names.push(baseName(path));
      return names;
    }
    if (!this.upperIndex) {
      this.upperIndex = new Map();
      for (const path of this.upper.keys()) addChild(this.upperIndex, path);
    }
    return this.upperIndex.get(dir);
  }

  private upperHides(dir: string): boolean {
    const own = this.upper.get(dir);
    return (own !== undefined && (own.type !== "dir" || own.opaque === true)) || this.hidesBelow(this.upper, joinPath(dir, "x"));
  }

  /** Every path under `dir` (inclusive), depth first, symlinks not followed. */
  walk(dir = "/"): string[] {
    const out: string[] = [];
    const visit = (p: string) => {
      out.push(p);
      const e = this.entry(p);
      if (e?.type === "dir") for (const name of this.list(p)) visit(joinPath(p, name));
    };
    visit(dir);
    return out;
  }

  /**
   * What the upper layer changes, as `docker diff` lists it: sorted paths, each added (A),
   * changed (C, including directories copied up because something under them changed) or
   * deleted (D).
   */
  changes(): { Path: string; Kind: 0 | 1 | 2 }[] {
    const out: { Path: string; Kind: 0 | 1 | 2 }[] = [];
    for (const [path, entry] of this.upper) {
      if (path === "/") continue;
      if (entry.type === "whiteout") out.push({ Path: path, Kind: 2 });
      else out.push({ Path: path, Kind: this.inLowersIgnoringUpper(path) ? 0 : 1 });
    }
    return out.sort((a, b) => (a.Path < b.Path ? -1 : a.Path > b.Path ? 1 : 0));
  }

  private inLowersIgnoringUpper(path: string): boolean {
    for (const layer of this.options.lowers) {
      const found = layer.get(path);
      if (found) return found.type !== "whiteout";
      if (this.hidesBelow(layer, path)) return false;
    }
    return false;
  }

  // ---- changes (synchronous) --------------------------------------------------------------

  private writable(syscall: string, path: string): void {
    if (this.options.readOnly) throw fsError("EROFS", syscall, path);
  }

  /** Puts an entry in the upper layer, copying up its parent directories as overlayfs does. */
  put(path: string, entry: LayerEntry): void {
    // Ancestors from the top down, so each copied-up directory finds its parent already there.
    for (let slash = path.indexOf("/", 1); slash > 0; slash = path.indexOf("/", slash + 1)) {
      const dir = path.slice(0, slash);
      if (this.upper.has(dir)) continue;
      const lower = this.entry(dir);
      if (lower?.type === "dir") this.setUpper(dir, withoutOpaque(lower));
    }
    this.setUpper(path, entry);
    this.changed(path);
  }

  private setUpper(path: string, entry: LayerEntry): void {
    this.upper.set(path, entry.type === "dir" && !entry.opaque && "opaque" in entry ? withoutOpaque(entry) : entry);
    if (this.upperIndex) addChild(this.upperIndex, path);
  }

  /**
   * An entry copied up to change its metadata: a directory is opaque only if the upper layer
   * already made it so (a lower layer's opaque flag must not hide that layer's own contents).
   */
  private copiedUp(path: string, entry: LayerEntry): LayerEntry {
    if (entry.type !== "dir") return entry;
    const own = this.upper.get(path);
    return { ...entry, opaque: own?.type === "dir" && own.opaque === true };
  }

  /** Removes a path and everything under it from the merged view. */
  remove(path: string): void {
    for (const key of [...this.upper.keys()]) {
      if (key !== path && !key.startsWith(`${path}/`)) continue;
      this.upper.delete(key);
      if (key !== path && this.upperIndex) removeChild(this.upperIndex, key);
    }
    if (this.upperIndex) removeChild(this.upperIndex, path);
    if (this.inLowers(path)) {
      // A parent that exists only below gets copied up, so the whiteout has a home.
      this.put(path, { type: "whiteout" });
      return;
    }
    this.changed(path);
  }

  private changed(path: string): void {
    this.allPaths = undefined;
    this.options.onChange?.(path, this.options.name ?? "");
  }

  private usedBytes(): number {
    let total = 0;
    for (const e of this.upper.values()) if (e.type === "file") total += contentSize(e.content);
    return total;
  }

  private writeEntry(path: string, content: string | Uint8Array, syscall: string, append: boolean): void {
    this.writable(syscall, path);
    const { path: real, entry } = this.resolve(path, true, syscall);
    if (entry?.type === "dir") throw fsError("EISDIR", syscall, path);
    const parent = this.entry(parentOf(real));
    if (!parent) throw fsError("ENOENT", syscall, path);
    if (parent.type !== "dir") throw fsError("ENOTDIR", syscall, path);
    const previous = entry?.type === "file" ? entry : undefined;
    const next = append && previous ? concat(previous.content, content) : content;
    const limit = this.options.maxUpperBytes;
    if (limit !== undefined && this.usedBytes() - (previous && this.upper.has(real) ? contentSize(previous.content) : 0) + contentSize(next) > limit) {
      throw fsError("ENOSPC", syscall, path);
    }
    this.put(real, { type: "file", content: next, mode: previous?.mode ?? 0o644, mtime: this.options.now(), ...owner(previous) });
  }

  /** Creates a directory; `recursive` creates missing parents and accepts an existing one. */
  makeDir(path: string, recursive: boolean, mode = 0o755): void {
    this.writable("mkdir", path);
    let resolved: { path: string; entry: LiveEntry | undefined };
    try {
      resolved = this.resolve(path, true, "mkdir");
    } catch (error) {
      const normal = normalizePath(path);
      if (!recursive || (error as { code?: string }).code !== "ENOENT" || normal === "/") throw error;
      this.makeDir(parentOf(normal), true, mode);
      resolved = this.resolve(path, true, "mkdir");
    }
    const { path: real, entry } = resolved;
    if (entry) {
      if (recursive && entry.type === "dir") return;
      throw fsError("EEXIST", "mkdir", path);
    }
    const parent = parentOf(real);
    const parentEntry = this.entry(parent);
    if (!parentEntry) {
      if (!recursive) throw fsError("ENOENT", "mkdir", path);
      this.makeDir(parent, true, mode);
    } else if (parentEntry.type !== "dir") {
      throw fsError("ENOTDIR", "mkdir", path);
    }
    // Over a deleted lower directory the new one must not show the old contents.
    const opaque = this.upper.get(real)?.type === "whiteout";
    this.put(real, { type: "dir", mode, mtime: this.options.now(), ...(opaque ? { opaque: true } : {}) });
  }

  private copyTree(from: string, to: string): void {
    const entry = this.entry(from);
    if (!entry) return;
    if (entry.type === "dir") {
      const existing = this.entry(to);
      if (!existing) this.put(to, { ...entry, opaque: this.upper.get(to)?.type === "whiteout" });
      for (const name of this.list(from)) this.copyTree(joinPath(from, name), joinPath(to, name));
    } else {
      this.put(to, { ...entry });
    }
  }

  // ---- IFileSystem -------------------------------------------------------------------------

  readFile(path: string, options?: ReadFileOptions | BufferEncoding): Promise<string> {
    return this.attempt(() => toText(this.fileEntry(path, "open").content, encodingOf(options)));
  }

  readFileBytes(path: string): Promise<never> {
    // ByteString is a branded latin1 string.
    return this.attempt(() => {
      const content = this.fileEntry(path, "open").content;
      return (typeof content === "string" ? latin1(encoder.encode(content)) : latin1(content)) as never;
    });
  }

  readFileBuffer(path: string): Promise<Uint8Array> {
    return this.attempt(() => {
      const content = this.fileEntry(path, "open").content;
      return typeof content === "string" ? encoder.encode(content) : content;
    });
  }

  /** The file at a path (following symlinks), for synchronous readers in the engine. */
  fileEntry(path: string, syscall = "open"): Extract<LiveEntry, { type: "file" }> {
    const { entry } = this.resolve(path, true, syscall);
    if (!entry) throw fsError("ENOENT", syscall, path);
    if (entry.type === "dir") throw fsError("EISDIR", "read", path);
    if (entry.type !== "file") throw fsError("ENOENT", syscall, path);
    return entry;
  }

  /** Text of a file, or undefined when it is missing or unreadable. */
  readText(path: string): string | undefined {
    try {
      return toText(this.fileEntry(path).content);
    } catch {
      return undefined;
    }
  }

  writeFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    return this.attempt(() => this.writeEntry(path, toContent(content, encodingOf(options)), "open", false));
  }

  appendFile(path: string, content: FileContent, options?: WriteFileOptions | BufferEncoding): Promise<void> {
    return this.attempt(() => this.writeEntry(path, toContent(content, encodingOf(options)), "open", true));
  }

  exists(path: string): Promise<boolean> {
    try {
      return Promise.resolve(this.resolve(path, true).entry !== undefined);
    } catch {
      return Promise.resolve(false);
    }
  }

  statSync(path: string, follow = true): FsStat {
    const syscall = follow ? "stat" : "lstat";
    const { entry } = this.resolve(path, follow, syscall);
    if (!entry) throw fsError("ENOENT", syscall, path);
    return {
      isFile: entry.type === "file",
      isDirectory: entry.type === "dir",
      isSymbolicLink: entry.type === "symlink",
      mode: entry.mode | (entry.type === "dir" ? 0o040000 : entry.type === "symlink" ? 0o120000 : 0o100000),
      size: entry.type === "file" ? contentSize(entry.content) : entry.type === "symlink" ? entry.target.length : 4096,
      mtime: new Date(entry.mtime),
    };
  }

  stat(path: string): Promise<FsStat> {
    return this.attempt(() => this.statSync(path, true));
  }

  lstat(path: string): Promise<FsStat> {
    return this.attempt(() => this.statSync(path, false));
  }

  mkdir(path: string, options?: MkdirOptions): Promise<void> {
    return this.attempt(() => this.makeDir(path, options?.recursive === true));
  }

  readdir(path: string): Promise<string[]> {
    return this.attempt(() => this.listDir(path));
  }

  private listDir(path: string): string[] {
    const { path: real, entry } = this.resolve(path, true, "scandir");
    if (!entry) throw fsError("ENOENT", "scandir", path);
    if (entry.type !== "dir") throw fsError("ENOTDIR", "scandir", path);
    return this.list(real);
  }

  readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    return this.attempt(() => {
      const { path: real } = this.resolve(path, true, "scandir");
      return this.listDir(path).map((name) => {
        const e = this.entry(joinPath(real, name));
        return { name, isFile: e?.type === "file", isDirectory: e?.type === "dir", isSymbolicLink: e?.type === "symlink" };
      });
    });
  }

  rm(path: string, options?: RmOptions): Promise<void> {
    return this.attempt(() => {
      this.writable("rm", path);
      const { path: real, entry } = this.resolve(path, false, "rm");
      if (!entry) {
        if (options?.force) return;
        throw fsError("ENOENT", "rm", path);
      }
      if (entry.type === "dir" && !options?.recursive && this.list(real).length > 0) throw fsError("ENOTEMPTY", "rm", path);
      this.remove(real);
    });
  }

  cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    return this.attempt(() => {
      this.writable("cp", dest);
      const from = this.resolve(src, true, "cp");
      if (!from.entry) throw fsError("ENOENT", "cp", src);
      if (from.entry.type === "dir" && !options?.recursive) throw fsError("EISDIR", "cp", src);
      const to = this.resolve(dest, true, "cp");
      if (!this.entry(parentOf(to.path))) throw fsError("ENOENT", "cp", dest);
      if (from.entry.type !== "dir" && to.entry?.type === "dir") throw fsError("EISDIR", "cp", dest);
      if (from.entry.type === "file") this.put(to.path, { ...from.entry, mtime: this.options.now() });
      else this.copyTree(from.path, to.path);
    });
  }

  mv(src: string, dest: string): Promise<void> {
    return this.attempt(() => {
      this.writable("mv", dest);
      const from = this.resolve(src, false, "mv");
      if (!from.entry) throw fsError("ENOENT", "mv", src);
      const to = this.resolve(dest, false, "mv");
      if (!this.entry(parentOf(to.path))) throw fsError("ENOENT", "mv", dest);
      if (to.path === from.path) return;
      if (isWithin(to.path, from.path)) throw fsError("EINVAL", "mv", src);
      if (to.entry) this.remove(to.path);
      this.copyTree(from.path, to.path);
      this.remove(from.path);
    });
  }

  resolvePath(base: string, path: string): string {
    return normalizePath(path, base);
  }

  getAllPaths(): string[] {
    this.allPaths ??= this.walk("/");
    return this.allPaths;
  }

  chmod(path: string, mode: number): Promise<void> {
    return this.attempt(() => {
      this.writable("chmod", path);
      const { path: real, entry } = this.resolve(path, true, "chmod");
      if (!entry) throw fsError("ENOENT", "chmod", path);
      this.put(real, this.copiedUp(real, { ...entry, mode: mode & 0o7777 } as LayerEntry));
    });
  }

  symlink(target: string, linkPath: string): Promise<void> {
    return this.attempt(() => {
      this.writable("symlink", linkPath);
      const { path: real, entry } = this.resolve(linkPath, false, "symlink");
      if (entry) throw fsError("EEXIST", "symlink", linkPath);
      if (this.entry(parentOf(real))?.type !== "dir") throw fsError("ENOENT", "symlink", linkPath);
      this.put(real, { type: "symlink", target, mode: 0o777, mtime: this.options.now() });
    });
  }

  link(existingPath: string, newPath: string): Promise<void> {
    return this.attempt(() => {
      this.writable("link", newPath);
      const from = this.fileEntry(existingPath, "link");
      const to = this.resolve(newPath, false, "link");
      if (to.entry) throw fsError("EEXIST", "link", newPath);
      if (this.entry(parentOf(to.path))?.type !== "dir") throw fsError("ENOENT", "link", newPath);
      this.put(to.path, { ...from });
    });
  }

  readlink(path: string): Promise<string> {
    return this.attempt(() => {
      const { entry } = this.resolve(path, false, "readlink");
      if (!entry) throw fsError("ENOENT", "readlink", path);
      if (entry.type !== "symlink") throw fsError("EINVAL", "readlink", path);
      return entry.target;
    });
  }

  realpath(path: string): Promise<string> {
    return this.attempt(() => {
      const { path: real, entry } = this.resolve(path, true, "realpath");
      if (!entry) throw fsError("ENOENT", "realpath", path);
      return real;
    });
  }

  utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    return this.attempt(() => {
      this.writable("utimes", path);
      const { path: real, entry } = this.resolve(path, true, "utimes");
      if (!entry) throw fsError("ENOENT", "utimes", path);
      this.put(real, this.copiedUp(real, { ...entry, mtime: mtime.getTime() } as LayerEntry));
    });
  }

  private attempt<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
}

/**
 * A directory entry without its opaque flag. A copy rather than `delete`: deleting a property
 * turns the object into a slow dictionary, and a container's layer holds many of these.
 */
function withoutOpaque(entry: Extract<LayerEntry, { type: "dir" }>): LayerEntry {
  const { opaque: _opaque, ...rest } = entry;
  return rest;
}

function owner(entry: { uid?: number; gid?: number } | undefined): { uid?: number; gid?: number } {
  if (!entry) return {};
  return { ...(entry.uid !== undefined ? { uid: entry.uid } : {}), ...(entry.gid !== undefined ? { gid: entry.gid } : {}) };
}

