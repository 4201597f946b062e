// The daemon's side of `docker cp` and `docker export` (daemon/archive.go, archive_unix.go,
// export.go): stat a path, archive it, extract an archive into a directory, or archive the
// whole root. They work on any container, running or not, as dockerd mounts a stopped one.
import type { ContainerRecord } from "../containers/container-record.js";
import type { ContainerService } from "../containers/container-service.js";
import { conflict, EngineError, invalidParameter, notFound, systemError } from "../errors.js";
import type { Filesystems } from "../fs/filesystems.js";
import type { ImageService } from "../image-store/image-service.js";
import type { Clock } from "../ports.js";
import { ContainerFiles, PathError } from "./container-files.js";
import { decompress } from "./decompress.js";
import { goBase, goClean } from "./go-path.js";
import { type PathStat, pathStat } from "./path-stat.js";
import { readTar } from "./tar-reader.js";
import { TarError } from "./tar-entry.js";
import { TarWriter } from "./tar-writer.js";
import { addTree } from "./tree-tar.js";
import { containerUser } from "./container-user.js";
import { unpack, UnpackError } from "./unpack.js";

export interface ArchiveDeps {
  containers: ContainerService;
  images: ImageService;
  fs: Filesystems;
  clock: Clock;
}

/** archive.PreserveTrailingDotOrSeparator: the clean path keeps a trailing "/" or "/." it had. */
export function preserveTrailing(clean: string, original: string): string {
  let out = clean;
  if (goBase(out) !== "." && goBase(original) === ".") out = `${out.endsWith("/") ? out : `${out}/`}.`;
  if (!out.endsWith("/") && original.endsWith("/")) out += "/";
  return out;
}

/** True for "x/" and "x/.": the path asserts a directory, and a trailing slash follows a link. */
function assertsDirectory(path: string): boolean {
  return path.endsWith("/") || goBase(path) === ".";
}

export class ContainerArchive {
  constructor(private readonly deps: ArchiveDeps) {}

  private files(c: ContainerRecord): ContainerFiles {
    return new ContainerFiles(this.deps.fs, this.deps.images.find(c.Image), c);
  }

  /** os.Lstat inside the container: a trailing slash follows a final link and wants a directory. */
  private async lstat(files: ContainerFiles, path: string): Promise<{ real: string; stat: PathStat; isDir: boolean }> {
    const follow = assertsDirectory(path);
    const { path: real, node } = await files.resolve(path, follow);
    if (!node) throw new PathError("ENOENT", "lstat", path);
    if (follow && node.type !== "dir") throw new PathError("ENOTDIR", "lstat", path);
    const linkTarget = node.type === "symlink" ? await files.followInScope(real) : "";
    return { real, stat: pathStat(goBase(path), node, linkTarget), isDir: node.type === "dir" };
  }

  /** HEAD /containers/{id}/archive. */
  async statPath(name: string, path: string): Promise<PathStat> {
    const c = this.deps.containers.get(name);
    return this.mapErrors(name, path, async () => (await this.lstat(this.files(c), path)).stat);
  }

  /** GET /containers/{id}/archive: the stat and a tar of the resource, named by its base name. */
  async archivePath(name: string, path: string): Promise<{ stat: PathStat; tar: Uint8Array }> {
    const c = this.deps.containers.get(name);
    const result = await this.mapErrors(name, path, async () => {
      const files = this.files(c);
      const absPath = preserveTrailing(goClean(`/${path}`), path);
      const { real, stat, isDir } = await this.lstat(files, absPath);
      const writer = new TarWriter();
      const rebase = goBase(absPath);
      if (isDir) {
        const prefix = rebase === "/" ? "" : rebase;
        await addTree(writer, files, real, prefix === "" ? "/" : `${prefix}/`, prefix);
      } else {
        await addTree(writer, files, real, rebase, rebase);
      }
      return { stat, tar: writer.finish() };
    });
    this.deps.containers.publish(c, "archive-path");
    return result;
  }

  /** PUT /containers/{id}/archive: extracts a (possibly gzipped) tar into a directory. */
  async extractToDir(name: string, path: string, body: Uint8Array, options: { noOverwriteDirNonDir: boolean; copyUIDGID: boolean }): Promise<void> {
    const c = this.deps.containers.get(name);
    await this.mapErrors(name, path, async () => {
      const files = this.files(c);
      const resolved = await files.resolve(goClean(`/${path}`), true);
      if (!resolved.node) throw new PathError("ENOENT", "lstat", path);
      const absPath = preserveTrailing(resolved.path, path);
      if (resolved.node.type !== "dir") throw invalidParameter("extraction point is not a directory");
      const mount = files.mountOf(resolved.path);
      if (mount?.readOnly) throw invalidParameter("mounted volume is marked read-only");
      if (!mount && c.HostConfig["ReadonlyRootfs"] === true) throw invalidParameter("container rootfs is marked read-only");
      const chown = options.copyUIDGID ? await containerUser(files, c.Config.User) : undefined;
      const entries = readTar(await decompress(body));
      await unpack(files, goClean(absPath), entries, { noOverwriteDirNonDir: options.noOverwriteDirNonDir, chown, now: this.deps.clock.now() });
    });
    this.deps.containers.publish(c, "extract-to-dir");
  }

  /** GET /containers/{id}/export: the root filesystem without its mounts. */
  async exportContainer(name: string): Promise<Uint8Array> {
    const c = this.deps.containers.get(name);
    if (c.State.Dead) throw conflict(`You cannot export container ${c.Id} which is Dead`);
    if (c.State.Status === "removing") throw conflict(`You cannot export container ${c.Id} which is being removed`);
    const files = this.files(c);
    const writer = new TarWriter();
    const root = { lstatExact: (p: string) => files.route("/").access.lstat(p), list: (p: string) => files.route("/").access.list(p), read: (p: string) => files.route("/").access.read(p) };
    try {
      await addTree(writer, root, "/", undefined, "");
    } catch (error) {
      throw systemError(`Error exporting container ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.deps.containers.publish(c, "export");
    return writer.finish();
  }

  /** The daemon's mapping: a missing path is "Could not find the file", the rest is a 500. */
  private async mapErrors<T>(name: string, path: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof EngineError) throw error;
      if (error instanceof PathError && error.code === "ENOENT") throw notFound(`Could not find the file ${path} in container ${name}`);
      if (error instanceof PathError || error instanceof UnpackError || error instanceof TarError) throw systemError(error.message);
      throw systemError(error instanceof Error ? error.message : String(error));
    }
  }
}
