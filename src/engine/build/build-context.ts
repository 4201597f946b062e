// The build context: the tar the client uploads, as a tree of paths relative to its root. The
// Dockerfile is read from it (remotecontext/detect.go); COPY and ADD take their sources from it.
import { decompress } from "../archive/decompress.js";
import { readTar } from "../archive/tar-reader.js";
import type { TarEntry } from "../archive/tar-entry.js";
import { goClean } from "../archive/go-path.js";
import { EngineError, invalidParameter } from "../errors.js";
import type { Layer } from "../fs/layer.js";
import { LayeredFs } from "../fs/layered-fs.js";

/** A path inside the context, without a leading slash ("" is the root). */
export type ContextPath = string;

export class BuildContext {
  private readonly entries = new Map<ContextPath, TarEntry>();

  private constructor(entries: readonly TarEntry[]) {
    for (const entry of entries) {
      const path = clean(entry.name);
      if (path === "") continue;
      this.entries.set(path, entry);
      // Directories a tar implies without listing them.
      for (let dir = parentOf(path); dir !== "" && !this.entries.has(dir); dir = parentOf(dir)) {
        this.entries.set(dir, { name: `${dir}/`, type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: entry.mtime });
      }
    }
  }

  static async fromArchive(bytes: Uint8Array): Promise<BuildContext> {
    if (bytes.length === 0) return new BuildContext([]);
    return new BuildContext(readTar(await decompress(bytes)));
  }

  /** An image's (or stage's) files as a source for COPY --from. */
  static fromFilesystem(layers: Layer[]): BuildContext {
    const fs = new LayeredFs({ lowers: layers, upper: new Map(), now: () => 0, readOnly: true });
    const entries: TarEntry[] = [];
    for (const path of fs.walk("/")) {
      const e = fs.entry(path);
      if (!e || path === "/") continue;
      const base = { mode: e.mode, uid: e.uid ?? 0, gid: e.gid ?? 0, mtime: e.mtime };
      const name = path.slice(1);
      if (e.type === "dir") entries.push({ ...base, name: `${name}/`, type: "dir" });
      else if (e.type === "symlink") entries.push({ ...base, name, type: "symlink", linkname: e.target });
      else entries.push({ ...base, name, type: "file", data: typeof e.content === "string" ? new TextEncoder().encode(e.content) : e.content });
    }
    return new BuildContext(entries);
  }

  /** The entry at a path, following symlinks inside the context as os.Stat does. */
  stat(path: ContextPath): TarEntry | undefined {
    let at = clean(path);
    for (let hops = 0; hops < 40; hops++) {
      if (at === "") return { name: "", type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0 };
      const entry = this.entries.get(at);
      if (entry?.type !== "symlink") return entry;
      const target = entry.linkname ?? "";
      at = clean(target.startsWith("/") ? target : `${parentOf(at)}/${target}`);
    }
    return undefined;
  }

  /** Every path under a directory (itself excluded), parents before children. */
  under(dir: ContextPath): ContextPath[] {
    const root = clean(dir);
    const prefix = root === "" ? "" : `${root}/`;
    return [...this.entries.keys()].filter((p) => p.startsWith(prefix)).sort();
  }

  all(): ContextPath[] {
    return [...this.entries.keys()].sort();
  }

  raw(path: ContextPath): TarEntry | undefined {
    return this.entries.get(clean(path));
  }

  text(path: ContextPath): string | undefined {
    const entry = this.stat(path);
    return entry?.type === "file" ? new TextDecoder().decode(entry.data ?? new Uint8Array()) : undefined;
  }

  /**
   * The Dockerfile's text: `Dockerfile` falls back to `dockerfile`, as the daemon does; a
   * missing or empty file is refused with the daemon's words.
   */
  dockerfile(name: string): { name: string; text: string } {
    let found = this.stat(name);
    let used = name;
    if (found === undefined && name === "Dockerfile" && this.stat("dockerfile")) {
      used = "dockerfile";
      found = this.stat(used);
    }
    if (found?.type !== "file") throw new EngineError("system", `Cannot locate specified Dockerfile: ${name}`);
    const text = new TextDecoder().decode(found.data ?? new Uint8Array());
    // Only a file with no bytes at all; blank lines go to the parser ("file with no instructions").
    if (text.length === 0) throw invalidParameter(`the Dockerfile (${used}) cannot be empty`);
    return { name: used, text };
  }
}

export function clean(path: string): ContextPath {
  const cleaned = goClean(`/${path}`);
  return cleaned === "/" ? "" : cleaned.slice(1);
}

export function parentOf(path: ContextPath): ContextPath {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
