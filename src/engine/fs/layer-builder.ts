// A compact way to write a layer's contents in code: a record of paths to text (a file),
// `dir(mode)`, `link(target)`, `exe(text)` (an executable) or `file(text, mode)`. Parent
// directories are added as 0755 directories; every entry gets the layer's build time.
import { ancestors, type Layer, type LayerEntry } from "./layer.js";

export type Spec =
  | string
  | { dir: number }
  | { link: string }
  | { file: string | Uint8Array; mode: number; uid?: number; gid?: number }
  | { whiteout: true };

export const dir = (mode = 0o755): Spec => ({ dir: mode });
export const link = (target: string): Spec => ({ link: target });
export const exe = (content: string): Spec => ({ file: content, mode: 0o755 });
export const file = (content: string | Uint8Array, mode = 0o644): Spec => ({ file: content, mode });
export const whiteout: Spec = { whiteout: true };

function entryOf(spec: Spec, mtime: number): LayerEntry {
  if (typeof spec === "string") return { type: "file", content: spec, mode: 0o644, mtime };
  if ("dir" in spec) return { type: "dir", mode: spec.dir, mtime };
  if ("link" in spec) return { type: "symlink", target: spec.link, mode: 0o777, mtime };
  if ("whiteout" in spec) return { type: "whiteout" };
  return { type: "file", content: spec.file, mode: spec.mode, mtime, ...(spec.uid !== undefined ? { uid: spec.uid } : {}), ...(spec.gid !== undefined ? { gid: spec.gid } : {}) };
}

/** Builds a layer from path specs. `created` is an RFC 3339 time or engine milliseconds. */
export function layerOf(specs: Record<string, Spec>, created: string | number): Layer {
  const mtime = typeof created === "number" ? created : Date.parse(created);
  const layer: Layer = new Map();
  for (const [path, spec] of Object.entries(specs)) {
    for (const parent of ancestors(path)) if (!layer.has(parent)) layer.set(parent, { type: "dir", mode: 0o755, mtime });
    layer.set(path, entryOf(spec, mtime));
  }
  return layer;
}

/** Symlinks from each name to one multi-call binary, as busybox installs its applets. */
export function applets(binary: string, names: Record<string, readonly string[]>): Record<string, Spec> {
  const out: Record<string, Spec> = {};
  for (const [dirPath, list] of Object.entries(names)) for (const name of list) out[`${dirPath}/${name}`] = link(binary);
  return out;
}
