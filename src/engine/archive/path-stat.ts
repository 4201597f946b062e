// container.PathStat, the answer of HEAD /containers/{id}/archive, sent base64-encoded JSON in
// the X-Docker-Container-Path-Stat header: its mode is a Go os.FileMode, its mtime a Go time.
import { base64Encode } from "../image-store/base64.js";
import type { TreeNode } from "./fs-access.js";

export interface PathStat {
  name: string;
  size: number;
  /** os.FileMode: permission bits, with the type and special bits in Go's own positions. */
  mode: number;
  mtime: string;
  linkTarget: string;
}

export const modeDir = 2 ** 31;
export const modeSymlink = 2 ** 27;
const modeSetuid = 2 ** 23;
const modeSetgid = 2 ** 22;
const modeSticky = 2 ** 20;

/** Unix mode bits of a tree node as an os.FileMode. */
export function goFileMode(node: Pick<TreeNode, "type" | "mode">): number {
  let mode = node.mode & 0o777;
  if (node.type === "dir") mode += modeDir;
  if (node.type === "symlink") mode += modeSymlink;
  if (node.mode & 0o4000) mode += modeSetuid;
  if (node.mode & 0o2000) mode += modeSetgid;
  if (node.mode & 0o1000) mode += modeSticky;
  return mode;
}

export function isDirMode(mode: number): boolean {
  return mode >= modeDir;
}

/** time.Time's JSON form for a file time (UTC, nanoseconds trimmed; the epoch is a real time). */
export function goTime(ms: number): string {
  const whole = Math.floor(ms);
  const iso = new Date(whole).toISOString();
  const nanos = Number(iso.slice(20, 23)) * 1e6 + Math.round((ms - whole) * 1e6);
  const fraction = String(nanos).padStart(9, "0").replace(/0+$/, "");
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ""}Z`;
}

export function pathStat(name: string, node: TreeNode, linkTarget: string): PathStat {
  return { name, size: node.size, mode: goFileMode(node), mtime: goTime(node.mtime), linkTarget };
}

export function pathStatHeader(stat: PathStat): string {
  return base64Encode(JSON.stringify(stat));
}
