// The archives on the host side of `docker cp` (moby/go-archive): a host path packed as the
// daemon expects it (TarResource), renamed to fit the destination (PrepareArchiveCopy,
// RebaseArchiveEntries), and a container's archive unpacked into host files (CopyTo, Untar with
// NoLchown and NoOverwriteDirNonDir).
import { goClean, goDir, goJoin, readTar, TarWriter, writeTar, type TarEntry } from "../../client/index.js";
import type { HostFiles } from "../io.js";
import { assertsDirectory, copyInfoDestinationPath, lstatOrThrow, pathError, splitPathDirEntry, type CopyInfo } from "./cp-paths.js";

const second = (ms: number) => Math.floor(ms / 1000) * 1000;

/** TarResource: the source's base name (or "." for "dir/.") and everything below it. */
export async function tarResource(files: HostFiles, info: CopyInfo): Promise<Uint8Array> {
  await lstatOrThrow(files, info.path);
  const [dir, base] = splitPathDirEntry(info.path);
  const writer = new TarWriter();
  const replacement = info.rebaseName === "/" ? "" : info.rebaseName;
  const rename = (name: string) => (info.rebaseName ? name.replace(base, () => replacement) : name);
  const visit = async (path: string, name: string): Promise<void> => {
    const node = await files.lstat(path);
    if (!node) return;
    const entry = { mode: node.mode & 0o7777, uid: node.uid, gid: node.gid, mtime: second(node.mtime) };
    if (node.type === "dir") writer.add({ ...entry, name: `${rename(name)}/`.replace(/\/\/$/, "/"), type: "dir" });
    else if (node.type === "symlink") writer.add({ ...entry, name: rename(name), type: "symlink", linkname: await files.readlink(path) });
    else if (node.type === "file") writer.add({ ...entry, name: rename(name), type: "file", data: await files.readFile(path) });
    if (node.type !== "dir") return;
    for (const child of await files.readdir(path)) await visit(`${path === "/" ? "" : path}/${child}`, `${name}/${child}`);
  };
  await visit(base === "." ? dir : goJoin(dir, base), base);
  return writer.finish();
}

/** RebaseArchiveEntries: the first occurrence of oldBase in each name (and hard link) replaced. */
export function rebaseArchiveEntries(content: Uint8Array, oldBase: string, newBase: string): Uint8Array {
  const from = oldBase === "/" ? "" : oldBase;
  const swap = (name: string) => (from === "" ? newBase + name : name.replace(from, () => newBase));
  return writeTar(
    readTar(content).map((e): TarEntry => ({ ...e, name: swap(e.name), ...(e.type === "link" && e.linkname !== undefined ? { linkname: swap(e.linkname) } : {}) })),
  );
}

/** PrepareArchiveCopy: where to extract, and the archive renamed to the destination's name. */
export function prepareArchiveCopy(content: Uint8Array, src: CopyInfo, dst: CopyInfo): { dstDir: string; content: Uint8Array } {
  const [dstDir, dstBase] = splitPathDirEntry(dst.path);
  let [, srcBase] = splitPathDirEntry(src.path);
  if (dst.exists && dst.isDir) return { dstDir: dst.path, content };
  if (dst.exists && src.isDir) throw new Error("cannot copy directory");
  if (!dst.exists && !src.isDir && assertsDirectory(dst.path)) throw new Error("no such directory");
  if (src.rebaseName) srcBase = src.rebaseName;
  return { dstDir, content: rebaseArchiveEntries(content, srcBase, dstBase) };
}

/** Untar on the host: the entries' owners ignored (NoLchown), a directory never replaced by a file. */
export async function untar(files: HostFiles, content: Uint8Array, destination: string): Promise<void> {
  const dest = goClean(destination);
  const q = (s: string) => JSON.stringify(s);
  const dirs: { path: string; mode: number; mtime: number }[] = [];
  const attempt = async <T>(op: string, path: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw pathError(op, path, error);
    }
  };
  for (const hdr of readTar(content)) {
    const name = goClean(hdr.name);
    if (name !== "/") {
      const parent = goJoin(dest, goDir(name));
      if (!(await files.lstat(parent).catch(() => undefined))) await mkdirAll(files, parent);
    }
    const path = goJoin(dest, name);
    if (path !== dest && !path.startsWith(`${dest === "/" ? "" : dest}/`)) throw new Error(`${q(name)} is outside of ${q(dest)}`);
    const existing = await files.lstat(path).catch(() => undefined);
    if (existing) {
      const isDir = existing.type === "dir";
      if (isDir && hdr.type !== "dir") throw new Error(`cannot overwrite directory ${q(path)} with non-directory ${q(dest)}`);
      if (!isDir && hdr.type === "dir") throw new Error(`cannot overwrite non-directory ${q(path)} with directory ${q(dest)}`);
      if (isDir && name === ".") continue;
      if (!isDir || hdr.type !== "dir") await attempt("unlinkat", path, () => files.remove(path));
    }
    switch (hdr.type) {
      case "dir":
        if (!existing) await attempt("mkdir", path, () => files.mkdir(path, hdr.mode));
        dirs.push({ path, mode: hdr.mode, mtime: hdr.mtime });
        break;
      case "file":
        await attempt("open", path, () => files.writeFile(path, hdr.data ?? new Uint8Array(0), hdr.mode));
        await files.setMeta(path, hdr.mode, hdr.mtime);
        break;
      case "symlink":
        await attempt("symlink", path, () => files.symlink(hdr.linkname ?? "", path));
        break;
      case "link": {
        const target = goJoin(dest, hdr.linkname ?? "");
        const data = await attempt("link", target, () => files.readFile(target));
        await files.writeFile(path, data, hdr.mode);
        await files.setMeta(path, hdr.mode, hdr.mtime);
        break;
      }
      default:
        break;
    }
  }
  // Directory times last, as Unpack does, so that what was written into them does not move them.
  for (const dir of dirs) await files.setMeta(dir.path, dir.mode, dir.mtime);
}

async function mkdirAll(files: HostFiles, path: string): Promise<void> {
  let at = "";
  for (const part of goClean(path).split("/").filter(Boolean)) {
    at += `/${part}`;
    const info = await files.stat(at).catch(() => undefined);
    if (info?.type === "dir") continue;
    const where = at;
    try {
      await files.mkdir(where, 0o755);
    } catch (error) {
      throw pathError("mkdir", where, error);
    }
  }
}

/** CopyTo: the container's archive of `src` placed at the host path `dstPath`. */
export async function copyTo(files: HostFiles, content: Uint8Array, src: CopyInfo, dstPath: string): Promise<void> {
  const dst = await copyInfoDestinationPath(files, dstPath);
  const prepared = prepareArchiveCopy(content, src, dst);
  await untar(files, prepared.content, prepared.dstDir);
}
