// Archiving part of a container's tree as go-archive's Tarballer does it: a depth-first walk in
// name order (filepath.WalkDir), symlinks archived as links, directories named with a trailing
// slash, times truncated to the second, owners kept (no user names: FileInfoHeaderNoLookups).
import { joinPath } from "../fs/layer.js";
import type { TreeNode } from "./fs-access.js";
import { tarTime } from "./layer-tar.js";
import type { TarEntry } from "./tar-entry.js";
import type { TarWriter } from "./tar-writer.js";

export interface TreeReader {
  lstatExact(path: string): Promise<TreeNode | undefined>;
  list(dir: string): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
}

async function entryOf(tree: TreeReader, path: string, node: TreeNode, name: string): Promise<TarEntry> {
  const base = { mode: node.mode & 0o7777, uid: node.uid, gid: node.gid, mtime: tarTime(node.mtime) };
  if (node.type === "dir") return { ...base, name: name.endsWith("/") ? name : `${name}/`, type: "dir" };
  if (node.type === "symlink") return { ...base, name, type: "symlink", linkname: node.target ?? "" };
  return { ...base, name, type: "file", data: await tree.read(path) };
}

/**
 * Adds `path` (already resolved) and, for a directory, everything under it. The root entry is
 * called `rootName`; entries below it `${prefix}/${relative path}`.
 */
export async function addTree(writer: TarWriter, tree: TreeReader, path: string, rootName: string | undefined, prefix: string): Promise<void> {
  const visit = async (at: string, rel: string): Promise<void> => {
    const node = await tree.lstatExact(at);
    if (!node) return;
    const name = rel === "" ? rootName : prefix === "" && rootName === undefined ? rel : `${prefix}/${rel}`;
    // A file that cannot be read is left out, as the tarballer logs and goes on.
    if (name !== undefined) {
      try {
        writer.add(await entryOf(tree, at, node, name));
      } catch {
        return;
      }
    }
    if (node.type !== "dir") return;
    let names: string[];
    try {
      names = await tree.list(at);
    } catch {
      return;
    }
    for (const child of names) await visit(joinPath(at, child), rel === "" ? child : `${rel}/${child}`);
  };
  await visit(path, "");
}
