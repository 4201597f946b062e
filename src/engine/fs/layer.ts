// A layer is a set of changes to a file tree, as in an image's layer tarball: files, directories
// and symlinks it adds or replaces, whiteouts for what it deletes, and opaque directories that
// hide everything below them in lower layers. Image layers are immutable and shared by every
// image and container built on them; a container's writable layer is a mutable one.

export type LayerEntry =
  | { type: "file"; content: string | Uint8Array; mode: number; mtime: number; uid?: number; gid?: number }
  | { type: "dir"; mode: number; mtime: number; opaque?: boolean; uid?: number; gid?: number }
  | { type: "symlink"; target: string; mode: number; mtime: number; uid?: number; gid?: number }
  | { type: "whiteout" };

export type LiveEntry = Exclude<LayerEntry, { type: "whiteout" }>;

/** Paths are absolute and normalised ("/", "/etc", "/etc/hosts"). */
export type Layer = Map<string, LayerEntry>;

export function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}

/** A doubled slash, or a "." or ".." component. */
const unnormal = /\/\/|\/\.\.?(?:\/|$)/;

/** "/a/b/" and "a//b/./c/.." → absolute normal form, relative to `base`. */
export function normalizePath(path: string, base = "/"): string {
  // Most paths arrive already normal; answering them as they are saves a split and a join.
  if (path.charCodeAt(0) === 47 && (path.length === 1 || path.charCodeAt(path.length - 1) !== 47) && !unnormal.test(path)) return path;
  const parts: string[] = [];
  for (const part of (path.startsWith("/") ? path : `${base}/${path}`).split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/** Ancestors of a path, nearest first, excluding "/" itself. */
export function* ancestors(path: string): Generator<string> {
  let p = parentOf(path);
  while (p !== "/") {
    yield p;
    p = parentOf(p);
  }
}

export function isWithin(path: string, dir: string): boolean {
  return dir === "/" || path === dir || path.startsWith(`${dir}/`);
}

const encoder = new TextEncoder();

export function contentBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? encoder.encode(content) : content;
}

export function contentSize(content: string | Uint8Array): number {
  if (typeof content !== "string") return content.length;
  // UTF-8 length without allocating for the common ASCII case.
  let ascii = true;
  for (let i = 0; i < content.length; i++) {
    if (content.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? content.length : encoder.encode(content).length;
}

/** Bytes a layer adds: the sum of its regular files, as the layer tarball's content counts. */
export function layerSize(layer: Layer): number {
  let size = 0;
  for (const entry of layer.values()) if (entry.type === "file") size += contentSize(entry.content);
  return size;
}

/** Which directories each directory of a layer lists, built once per immutable layer. */
const childIndexes = new WeakMap<Layer, Map<string, Set<string>>>();

export function childIndex(layer: Layer): Map<string, Set<string>> {
  let index = childIndexes.get(layer);
  if (!index) {
    index = new Map();
    for (const path of layer.keys()) addChild(index, path);
    childIndexes.set(layer, index);
  }
  return index;
}

export function addChild(index: Map<string, Set<string>>, path: string): void {
  if (path === "/") return;
  const dir = parentOf(path);
  let names = index.get(dir);
  if (!names) index.set(dir, (names = new Set()));
  names.add(baseName(path));
}

export function removeChild(index: Map<string, Set<string>>, path: string): void {
  index.get(parentOf(path))?.delete(baseName(path));
}
