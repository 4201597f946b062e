// Real files as the CLI's HostFiles, for the headless `docker-playground docker cp` and friends.
import { chmod, lstat, mkdir, readdir, readFile, readlink, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Stats } from "node:fs";
import type { HostFileInfo, HostFiles } from "../cli/index.js";

function infoOf(s: Stats): HostFileInfo {
  const type = s.isSymbolicLink() ? "symlink" : s.isDirectory() ? "dir" : s.isFile() ? "file" : "other";
  return { type, mode: s.mode & 0o7777, size: s.size, mtime: s.mtimeMs, uid: s.uid, gid: s.gid };
}

async function orMissing(get: () => Promise<Stats>): Promise<HostFileInfo | undefined> {
  try {
    return infoOf(await get());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export function nodeHostFiles(cwd: string): HostFiles {
  return {
    abs: (path) => resolve(cwd, path),
    lstat: (path) => orMissing(() => lstat(path)),
    stat: (path) => orMissing(() => stat(path)),
    readlink: (path) => readlink(path),
    readdir: async (path) => (await readdir(path)).sort(),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: async (path, data, mode) => {
      await writeFile(path, data, { mode });
      await chmod(path, mode);
    },
    mkdir: async (path, mode) => {
      await mkdir(path, { mode });
      await chmod(path, mode);
    },
    symlink: (target, path) => symlink(target, path),
    remove: (path) => rm(path, { recursive: true, force: true }),
    setMeta: async (path, mode, mtime) => {
      await chmod(path, mode);
      await utimes(path, new Date(mtime), new Date(mtime));
    },
  };
}

/** Everything on a readable stream (the process's stdin), as bytes. */
export async function readAllBytes(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part));
  return new Uint8Array(Buffer.concat(parts));
}
