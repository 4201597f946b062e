// The terminal's filesystem (just-bash's) as the CLI's HostFiles: what `docker cp`, `save -o`,
// `export -o`, `load -i` and `import` read and write on the "host" of the browser playground.
import type { IFileSystem } from "just-bash";
import type { HostFileInfo, HostFiles } from "../cli/index.js";

/** just-bash words its errors as Node does ("ENOENT: no such file or directory, lstat '/x'"). */
function withCode(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const code = /^([A-Z]+):/.exec(message)?.[1];
  return Object.assign(error instanceof Error ? error : new Error(message), code ? { code } : {});
}

async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw withCode(error);
  }
}

function clean(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

export function hostFilesOver(fs: IFileSystem, cwd: () => string): HostFiles {
  const info = async (get: () => Promise<Awaited<ReturnType<IFileSystem["stat"]>>>): Promise<HostFileInfo | undefined> => {
    let stat;
    try {
      stat = await get();
    } catch (error) {
      const failure = withCode(error);
      if ((failure as { code?: string }).code === "ENOENT") return undefined;
      throw failure;
    }
    const type = stat.isSymbolicLink ? "symlink" : stat.isDirectory ? "dir" : stat.isFile ? "file" : "other";
    return { type, mode: stat.mode & 0o7777, size: stat.size, mtime: stat.mtime.getTime(), uid: 0, gid: 0 };
  };
  return {
    abs: (path) => clean(path.startsWith("/") ? path : `${cwd()}/${path}`),
    lstat: (path) => info(() => fs.lstat(path)),
    stat: (path) => info(() => fs.stat(path)),
    readlink: (path) => attempt(() => fs.readlink(path)),
    readdir: (path) => attempt(async () => (await fs.readdir(path)).sort()),
    readFile: (path) => attempt(() => fs.readFileBuffer(path)),
    writeFile: (path, data, mode) =>
      attempt(async () => {
        await fs.writeFile(path, data);
        await fs.chmod(path, mode);
      }),
    mkdir: (path, mode) =>
      attempt(async () => {
        await fs.mkdir(path);
        await fs.chmod(path, mode);
      }),
    symlink: (target, path) => attempt(() => fs.symlink(target, path)),
    remove: (path) => attempt(() => fs.rm(path, { recursive: true, force: true })),
    setMeta: (path, mode, mtime) =>
      attempt(async () => {
        await fs.chmod(path, mode);
        await fs.utimes(path, new Date(mtime), new Date(mtime));
      }),
  };
}

/** Bytes as just-bash carries them through pipes: one latin1 character per byte. */
export function latin1String(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

export function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** The same, over a filesystem that may still be loading (just-bash arrives after the first prompt). */
export function lazyHostFiles(load: () => Promise<IFileSystem>, cwd: () => string): HostFiles {
  const over = async () => hostFilesOver(await load(), cwd);
  return {
    abs: (path) => hostFilesOver(undefined as unknown as IFileSystem, cwd).abs(path),
    lstat: async (path) => (await over()).lstat(path),
    stat: async (path) => (await over()).stat(path),
    readlink: async (path) => (await over()).readlink(path),
    readdir: async (path) => (await over()).readdir(path),
    readFile: async (path) => (await over()).readFile(path),
    writeFile: async (path, data, mode) => (await over()).writeFile(path, data, mode),
    mkdir: async (path, mode) => (await over()).mkdir(path, mode),
    symlink: async (target, path) => (await over()).symlink(target, path),
    remove: async (path) => (await over()).remove(path),
    setMeta: async (path, mode, mtime) => (await over()).setMeta(path, mode, mtime),
  };
}
