// The path rules of `docker cp` on the host side (moby/go-archive copy.go): a trailing "/" or
// "/." says "a directory", symlinks resolve before the last separator only, and Go's *PathError
// texts for what goes wrong.
import { goBase, goClean, goDir, goSplit } from "../../client/index.js";
import type { HostFileInfo, HostFiles } from "../io.js";

const texts: Record<string, string> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  EACCES: "permission denied",
  EEXIST: "file exists",
  EISDIR: "is a directory",
  ELOOP: "too many levels of symbolic links",
  ENOSPC: "no space left on device",
  EROFS: "read-only file system",
};

/** "op path: reason", as Go prints an *os.PathError. */
export function pathError(op: string, path: string, error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" ? texts[code] : undefined;
  if (reason) return new Error(`${op} ${path}: ${reason}`);
  return error instanceof Error ? error : new Error(String(error));
}

export function enoent(op: string, path: string): Error {
  return new Error(`${op} ${path}: ${texts["ENOENT"] ?? ""}`);
}

export const hasTrailingSeparator = (path: string): boolean => path.endsWith("/");
export const specifiesCurrentDir = (path: string): boolean => goBase(path) === ".";
/** assertsDirectory: "dir/" and "dir/." insist on a directory. */
export const assertsDirectory = (path: string): boolean => hasTrailingSeparator(path) || specifiesCurrentDir(path);

/** PreserveTrailingDotOrSeparator: the cleaned path keeps the "/." or "/" the original ended in. */
export function preserveTrailing(cleaned: string, original: string): string {
  let out = cleaned;
  if (!specifiesCurrentDir(out) && specifiesCurrentDir(original)) {
    if (!hasTrailingSeparator(out)) out += "/";
    out += ".";
  }
  if (!hasTrailingSeparator(out) && hasTrailingSeparator(original)) out += "/";
  return out;
}

/** SplitPathDirEntry: directory and base name of a cleaned path, keeping a final ".". */
export function splitPathDirEntry(path: string): [dir: string, base: string] {
  let cleaned = goClean(path);
  if (specifiesCurrentDir(path)) cleaned += "/.";
  return [goDir(cleaned), goBase(cleaned)];
}

/** lstat that names its failures as Go does. */
export async function lstatOrThrow(files: HostFiles, path: string): Promise<HostFileInfo> {
  let info: HostFileInfo | undefined;
  try {
    info = await files.lstat(path);
  } catch (error) {
    throw pathError("lstat", path, error);
  }
  if (!info) throw enoent("lstat", path);
  return info;
}

/** filepath.EvalSymlinks on the host: every link followed; a missing component is an error. */
export async function evalSymlinks(files: HostFiles, path: string): Promise<string> {
  let pending = goClean(path).split("/").filter(Boolean);
  let done = "/";
  let links = 0;
  while (pending.length > 0) {
    const [name = "", ...rest] = pending;
    if (name === "." || name === "..") {
      if (name === "..") done = goDir(done);
      pending = rest;
      continue;
    }
    const next = done === "/" ? `/${name}` : `${done}/${name}`;
    const info = await lstatOrThrow(files, next);
    if (info.type === "symlink") {
      if (++links > 255) throw new Error("EvalSymlinks: too many links");
      const target = await files.readlink(next);
      pending = [...target.split("/").filter(Boolean), ...rest];
      if (target.startsWith("/")) done = "/";
      continue;
    }
    if (info.type !== "dir" && rest.length > 0) throw new Error(`lstat ${next}/${rest[0] ?? ""}: ${texts["ENOTDIR"] ?? ""}`);
    done = next;
    pending = rest;
  }
  return done;
}

/** GetRebaseName: the resolved path with the original's trailing marks, and the name to use. */
export function getRebaseName(path: string, resolved: string): [string, string] {
  let out = resolved;
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(out)) out += "/.";
  if (hasTrailingSeparator(path) && !hasTrailingSeparator(out)) out += "/";
  return [out, goBase(path) !== goBase(out) ? goBase(path) : ""];
}

export interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
  rebaseName: string;
}

/** CopyInfoSourcePath: links before the last separator resolved (all of them with -L). */
export async function copyInfoSourcePath(files: HostFiles, path: string, followLink: boolean): Promise<CopyInfo> {
  let resolved: string;
  let rebaseName = "";
  if (followLink) {
    [resolved, rebaseName] = getRebaseName(path, await evalSymlinks(files, path));
  } else {
    const [dir, base] = goSplit(path);
    const resolvedDir = await evalSymlinks(files, dir);
    resolved = `${resolvedDir === "/" ? "" : resolvedDir}/${base}`;
    if (hasTrailingSeparator(path) && goBase(path) !== goBase(resolved)) rebaseName = goBase(path);
  }
  const info = await lstatOrThrow(files, resolved);
  return { path: resolved, exists: true, isDir: info.type === "dir", rebaseName };
}

/** CopyInfoDestinationPath: links at the end followed; a missing path needs an existing parent. */
export async function copyInfoDestinationPath(files: HostFiles, path: string): Promise<CopyInfo> {
  const original = path;
  let current = path;
  let info = await files.lstat(current).catch((error: unknown) => Promise.reject(pathError("lstat", current, error)));
  for (let n = 0; info?.type === "symlink"; n++) {
    if (n > 10) throw new Error(`too many symlinks in ${original}`);
    let target = await files.readlink(current);
    if (!target.startsWith("/")) target = goClean(`${splitPathDirEntry(current)[0]}/${target}`);
    current = target;
    info = await files.lstat(current).catch((error: unknown) => Promise.reject(pathError("lstat", current, error)));
  }
  if (!info) {
    const [parent] = splitPathDirEntry(current);
    let parentInfo: HostFileInfo | undefined;
    try {
      parentInfo = await files.stat(parent);
    } catch (error) {
      throw pathError("stat", parent, error);
    }
    if (!parentInfo) throw enoent("stat", parent);
    if (parentInfo.type !== "dir") throw new Error("not a directory");
    return { path: current, exists: false, isDir: false, rebaseName: "" };
  }
  return { path: current, exists: true, isDir: info.type === "dir", rebaseName: "" };
}
