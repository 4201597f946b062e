// A layer as Docker's layer tarballs carry it (image layers in `docker save`, the body of
// `docker import`): relative names in walk order, directories with a trailing slash, deletions
// as empty ".wh.NAME" files and opaque directories marked by a ".wh..wh..opq" file inside them,
// which is how the overlay2 driver writes a diff (go-archive's overlay whiteout converter).
import { baseName, contentBytes, normalizePath, parentOf, joinPath, type Layer, type LayerEntry } from "../fs/layer.js";
import { goClean } from "./go-path.js";
import type { TarEntry } from "./tar-entry.js";

export const WHITEOUT_PREFIX = ".wh.";
export const OPAQUE_MARKER = ".wh..wh..opq";

/** Paths in the order filepath.WalkDir visits them: parents first, names in byte order. */
export function walkOrder(a: string, b: string): number {
  const as = a.split("/");
  const bs = b.split("/");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] ?? "";
    const y = bs[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** File bytes as text when they are UTF-8 (how the engine keeps most files), else as bytes. */
export function fileContent(bytes: Uint8Array): string | Uint8Array {
  if (bytes.length === 0) return "";
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}

function owner(entry: { uid?: number; gid?: number }): { uid: number; gid: number } {
  return { uid: entry.uid ?? 0, gid: entry.gid ?? 0 };
}

/** go-archive's FileInfoHeader truncates times to the second. */
export const tarTime = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** The tar entries of a layer, as a layer diff is written. */
export function layerTarEntries(layer: Layer): TarEntry[] {
  const out: TarEntry[] = [];
  for (const path of [...layer.keys()].filter((p) => p !== "/").sort(walkOrder)) {
    const entry = layer.get(path);
    if (!entry) continue;
    const name = path.slice(1);
    if (entry.type === "whiteout") {
      const parent = layer.get(parentOf(path));
      const mtime = parent && parent.type !== "whiteout" ? tarTime(parent.mtime) : 0;
      out.push({ name: joinName(parentOf(path), `${WHITEOUT_PREFIX}${baseName(path)}`), type: "file", mode: 0o600, uid: 0, gid: 0, mtime, data: new Uint8Array(0) });
      continue;
    }
    out.push(tarEntryOf(entry, entry.type === "dir" ? `${name}/` : name));
    if (entry.type === "dir" && entry.opaque) {
      out.push({ name: `${name}/${OPAQUE_MARKER}`, type: "file", mode: entry.mode & 0o777, ...owner(entry), mtime: 0, data: new Uint8Array(0) });
    }
  }
  return out;
}

function joinName(dir: string, name: string): string {
  return dir === "/" ? name : `${dir.slice(1)}/${name}`;
}

/** One live entry as a tar member with the given name. */
export function tarEntryOf(entry: Exclude<LayerEntry, { type: "whiteout" }>, name: string): TarEntry {
  const base = { name, mode: entry.mode & 0o7777, ...owner(entry), mtime: tarTime(entry.mtime) };
  switch (entry.type) {
    case "dir":
      return { ...base, type: "dir" };
    case "symlink":
      return { ...base, type: "symlink", linkname: entry.target };
    case "file":
      return { ...base, type: "file", data: contentBytes(entry.content) };
  }
}

/** A tar member's name as an absolute layer path, or undefined for the root itself. */
export function layerPath(name: string): string | undefined {
  const clean = goClean(`/${name}`);
  return clean === "/" ? undefined : normalizePath(clean);
}

/**
 * The layer a tarball describes. Whiteout files become whiteouts, the opaque marker makes its
 * directory opaque, hard links copy their target's entry (both names hold the same file),
 * missing parent directories are implied with mode 0755, and device nodes are left out.
 */
export function layerFromTar(entries: readonly TarEntry[]): Layer {
  const layer: Layer = new Map();
  const implied = (path: string, mtime: number) => {
    const missing: string[] = [];
    for (let dir = parentOf(path); dir !== "/" && !layer.has(dir); dir = parentOf(dir)) missing.unshift(dir);
    for (const dir of missing) layer.set(dir, { type: "dir", mode: 0o755, mtime });
  };
  for (const e of entries) {
    const path = layerPath(e.name);
    if (!path) continue;
    const base = baseName(path);
    const ids = { ...(e.uid !== 0 ? { uid: e.uid } : {}), ...(e.gid !== 0 ? { gid: e.gid } : {}) };
    if (base === OPAQUE_MARKER) {
      const dir = parentOf(path);
      implied(path, e.mtime);
      const current = layer.get(dir);
      if (dir !== "/") layer.set(dir, current?.type === "dir" ? { ...current, opaque: true } : { type: "dir", mode: 0o755, mtime: e.mtime, opaque: true });
      continue;
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      implied(path, e.mtime);
      layer.set(joinPath(parentOf(path), base.slice(WHITEOUT_PREFIX.length)), { type: "whiteout" });
      continue;
    }
    implied(path, e.mtime);
    switch (e.type) {
      case "dir": {
        const current = layer.get(path);
        layer.set(path, { type: "dir", mode: e.mode, mtime: e.mtime, ...ids, ...(current?.type === "dir" && current.opaque ? { opaque: true } : {}) });
        break;
      }
      case "file":
        layer.set(path, { type: "file", content: fileContent(e.data ?? new Uint8Array(0)), mode: e.mode, mtime: e.mtime, ...ids });
        break;
      case "symlink":
        layer.set(path, { type: "symlink", target: e.linkname ?? "", mode: e.mode, mtime: e.mtime, ...ids });
        break;
      case "link": {
        const target = layerPath(e.linkname ?? "");
        const found = target ? layer.get(target) : undefined;
        if (found && found.type === "file") layer.set(path, { ...found });
        break;
      }
      default:
        break;
    }
  }
  return layer;
}
