// Extracting a tar into a container directory as go-archive's Unpack does for `docker cp`:
// implied parents made 0755, names confined to the destination, an existing entry replaced
// unless both are directories (then merged), and with noOverwriteDirNonDir a directory never
// replaced by a file or the other way round. Owners come from the archive unless overridden.
import { normalizePath } from "../fs/layer.js";
import { PathError, type ContainerFiles } from "./container-files.js";
import type { TreeNode } from "./fs-access.js";
import { goClean, goDir, goJoin } from "./go-path.js";
import { fileContent } from "./layer-tar.js";
import type { TarEntry } from "./tar-entry.js";

export interface UnpackOptions {
  noOverwriteDirNonDir: boolean;
  /** ChownOpts: every entry owned by these ids (docker cp -a with a container user). */
  chown?: { uid: number; gid: number } | undefined;
  now: number;
}

/** An error Unpack returns as it is: the daemon answers it with status 500. */
export class UnpackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnpackError";
  }
}

const q = (s: string) => JSON.stringify(s);

export async function unpack(files: ContainerFiles, dest: string, entries: readonly TarEntry[], options: UnpackOptions): Promise<void> {
  const write = async (path: string, node: TreeNode, op: string, data?: Uint8Array) => {
    const { path: real } = await files.resolve(path, false, op);
    const r = files.route(real);
    if (r.readOnly) throw new PathError("EROFS", op, path);
    await r.writer.put(r.inner, node, data === undefined ? undefined : fileContent(data));
  };
  const removeAll = async (path: string) => {
    const { path: real } = await files.resolve(path, false, "unlinkat");
    const r = files.route(real);
    if (r.readOnly) throw new PathError("EROFS", "unlinkat", path);
    await r.writer.remove(r.inner);
  };
  const mkdirAll = async (path: string) => {
    let at = "/";
    for (const part of normalizePath(path).split("/").filter(Boolean)) {
      at = at === "/" ? `/${part}` : `${at}/${part}`;
      const { node } = await files.resolve(at, true, "mkdir");
      if (node?.type === "dir") continue;
      if (node) throw new PathError("ENOTDIR", "mkdir", path);
      await write(at, { type: "dir", mode: 0o755, mtime: options.now, uid: 0, gid: 0, size: 0 }, "mkdir");
    }
  };

  for (const hdr of entries) {
    const name = goClean(hdr.name);
    if (name !== "/") {
      const parent = goJoin(dest, goDir(name));
      const { node } = await files.resolve(parent, false, "lstat").catch(() => ({ node: undefined }));
      if (!node) await mkdirAll(parent);
    }
    const path = goJoin(dest, name);
    const rel = relative(dest, path);
    if (rel === ".." || rel.startsWith("../")) throw new UnpackError(`${q(name)} is outside of ${q(dest)}`);
    const { node: existing } = await files.resolve(path, false);
    if (existing) {
      const isDir = existing.type === "dir";
      if (options.noOverwriteDirNonDir && isDir && hdr.type !== "dir") throw new UnpackError(`cannot overwrite directory ${q(path)} with non-directory ${q(dest)}`);
      if (options.noOverwriteDirNonDir && !isDir && hdr.type === "dir") throw new UnpackError(`cannot overwrite non-directory ${q(path)} with directory ${q(dest)}`);
      if (isDir && name === ".") continue;
      if (!isDir || hdr.type !== "dir") await removeAll(path);
    }
    const owner = options.chown ?? { uid: hdr.uid, gid: hdr.gid };
    const node: TreeNode = { type: "file", mode: hdr.mode & 0o7777, mtime: hdr.mtime, ...owner, size: 0 };
    switch (hdr.type) {
      case "dir":
        await write(path, { ...node, type: "dir" }, "mkdir");
        break;
      case "file":
        await write(path, node, "open", hdr.data ?? new Uint8Array(0));
        break;
      case "symlink": {
        const target = hdr.linkname ?? "";
        if (!goJoin(goDir(path), target).startsWith(dest)) throw new UnpackError(`invalid symlink ${q(path)} -> ${q(target)}`);
        await write(path, { ...node, type: "symlink", mode: 0o777, target }, "symlink");
        break;
      }
      case "link": {
        const target = goJoin(dest, hdr.linkname ?? "");
        if (!target.startsWith(dest)) throw new UnpackError(`invalid hardlink ${q(target)} -> ${q(hdr.linkname ?? "")}`);
        const { path: real, node: source } = await files.resolve(target, false);
        if (!source) throw new UnpackError(`link ${target} ${path}: no such file or directory`);
        await write(path, { ...source }, "link", source.type === "file" ? await files.read(real) : undefined);
        break;
      }
      default:
        // Device nodes and FIFOs: nothing in the playground can hold them.
        break;
    }
  }
}

/** filepath.Rel for two clean absolute paths. */
function relative(base: string, target: string): string {
  const b = goClean(base).split("/").filter(Boolean);
  const t = target.split("/").filter(Boolean);
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  const up = b.slice(i).map(() => "..");
  const rest = [...up, ...t.slice(i)];
  return rest.length === 0 ? "." : rest.join("/");
}
