// Host files in memory for CLI tests: a tree of files, directories and symlinks behind the
// HostFiles interface, with intermediate symlinks followed as a kernel would.
import { goClean, goDir } from "../../client/index.js";
import type { HostFileInfo, HostFiles } from "../io.js";

interface Node {
  type: "file" | "dir" | "symlink";
  mode: number;
  mtime: number;
  data?: Uint8Array;
  target?: string;
}

function fail(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export class MemoryHostFiles implements HostFiles {
  readonly nodes = new Map<string, Node>([["/", { type: "dir", mode: 0o755, mtime: 0 }]]);

  constructor(
    private readonly cwd: string,
    private readonly now: () => number,
  ) {
    this.mkdirp(cwd);
  }

  /** Test setup: a directory and its parents. */
  mkdirp(path: string): void {
    let at = "";
    for (const part of goClean(path).split("/").filter(Boolean)) {
      at += `/${part}`;
      if (!this.nodes.has(at)) this.nodes.set(at, { type: "dir", mode: 0o755, mtime: this.now() });
    }
  }

  /** Test setup: a file (parents made). */
  put(path: string, text: string | Uint8Array, mode = 0o644): void {
    this.mkdirp(goDir(this.abs(path)));
    this.nodes.set(this.abs(path), { type: "file", mode, mtime: this.now(), data: typeof text === "string" ? new TextEncoder().encode(text) : text });
  }

  text(path: string): string | undefined {
    const node = this.nodes.get(this.real(this.abs(path), true));
    return node?.data ? new TextDecoder().decode(node.data) : undefined;
  }

  abs(path: string): string {
    return goClean(path.startsWith("/") ? path : `${this.cwd}/${path}`);
  }

  /** The physical path: symlinks in every component but the last (and the last when asked) followed. */
  private real(path: string, followLast: boolean): string {
    let pending = goClean(path).split("/").filter(Boolean);
    let at = "/";
    for (let links = 0; pending.length > 0; ) {
      const [name = "", ...rest] = pending;
      const next = at === "/" ? `/${name}` : `${at}/${name}`;
      const node = this.nodes.get(next);
      if (node?.type === "symlink" && (rest.length > 0 || followLast)) {
        if (++links > 40) throw fail("ELOOP", "loop");
        const target = node.target ?? "";
        pending = [...goClean(target.startsWith("/") ? target : `${at}/${target}`).split("/").filter(Boolean), ...rest];
        at = "/";
        continue;
      }
      if (rest.length > 0 && !node) throw fail("ENOENT", "missing");
      if (rest.length > 0 && node?.type !== "dir") throw fail("ENOTDIR", "not a dir");
      at = next;
      pending = rest;
    }
    return at;
  }

  private info(node: Node | undefined): HostFileInfo | undefined {
    if (!node) return undefined;
    return { type: node.type, mode: node.mode, mtime: node.mtime, uid: 0, gid: 0, size: node.data?.length ?? (node.type === "symlink" ? (node.target ?? "").length : 4096) };
  }

  lstat(path: string): Promise<HostFileInfo | undefined> {
    return this.attempt(() => this.info(this.nodes.get(this.real(path, false))), true);
  }

  stat(path: string): Promise<HostFileInfo | undefined> {
    return this.attempt(() => this.info(this.nodes.get(this.real(path, true))), true);
  }

  readlink(path: string): Promise<string> {
    return this.attempt(() => {
      const node = this.nodes.get(this.real(path, false));
      if (node?.type !== "symlink") throw fail("EINVAL", "not a link");
      return node.target ?? "";
    });
  }

  readdir(path: string): Promise<string[]> {
    return this.attempt(() => {
      const dir = this.real(path, true);
      const prefix = dir === "/" ? "/" : `${dir}/`;
      return [...this.nodes.keys()].filter((p) => p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes("/")).map((p) => p.slice(prefix.length)).sort();
    });
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.attempt(() => {
      const node = this.nodes.get(this.real(path, true));
      if (!node) throw fail("ENOENT", "missing");
      if (node.type === "dir") throw fail("EISDIR", "dir");
      return node.data ?? new Uint8Array(0);
    });
  }

  private parentOk(path: string): string {
    const real = this.real(path, false);
    const parent = this.nodes.get(goDir(real));
    if (!parent) throw fail("ENOENT", "missing parent");
    if (parent.type !== "dir") throw fail("ENOTDIR", "parent not a dir");
    return real;
  }

  writeFile(path: string, data: Uint8Array, mode: number): Promise<void> {
    return this.attempt(() => {
      const real = this.real(path, true);
      this.parentOk(real);
      if (this.nodes.get(real)?.type === "dir") throw fail("EISDIR", "dir");
      this.nodes.set(real, { type: "file", mode, mtime: this.now(), data });
    });
  }

  mkdir(path: string, mode: number): Promise<void> {
    return this.attempt(() => {
      const real = this.parentOk(path);
      if (this.nodes.has(real)) throw fail("EEXIST", "exists");
      this.nodes.set(real, { type: "dir", mode, mtime: this.now() });
    });
  }

  symlink(target: string, path: string): Promise<void> {
    return this.attempt(() => {
      const real = this.parentOk(path);
      if (this.nodes.has(real)) throw fail("EEXIST", "exists");
      this.nodes.set(real, { type: "symlink", mode: 0o777, mtime: this.now(), target });
    });
  }

  remove(path: string): Promise<void> {
    return this.attempt(() => {
      const real = this.real(path, false);
      for (const key of [...this.nodes.keys()]) if (key === real || key.startsWith(`${real}/`)) this.nodes.delete(key);
    });
  }

  setMeta(path: string, mode: number, mtime: number): Promise<void> {
    return this.attempt(() => {
      const node = this.nodes.get(this.real(path, true));
      if (node) Object.assign(node, { mode, mtime });
    });
  }

  private attempt<T>(work: () => T, missingIsUndefined = false): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      if (missingIsUndefined && (error as { code?: string }).code === "ENOENT") return Promise.resolve(undefined as T);
      return Promise.reject(error as Error);
    }
  }
}
