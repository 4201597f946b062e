// A container's files as dockerd's archive endpoints reach them (daemon/containerfs_linux.go):
// the root filesystem with the init layer under the writable one, and over it the mounts that
// exist in the container's state. Volumes and bind mounts always; tmpfs only while it runs; the
// /etc files Docker generates only once it has started (a created container shows the init
// layer's empty ones). Paths resolve symlinks inside the container, never outside its root.
import type { ContainerRecord } from "../containers/container-record.js";
import type { Filesystems } from "../fs/filesystems.js";
import { isWithin, joinPath, normalizePath, parentOf } from "../fs/layer.js";
import { LayeredFs } from "../fs/layered-fs.js";
import type { MountedFs } from "../fs/mounted-fs.js";
import type { ImageRecord } from "../images/image-record.js";
import { accessOf, type FsAccess, type TreeNode } from "./fs-access.js";
import { initLayer } from "./init-layer.js";

const MAX_LINKS = 255;
const ETC_FILES = new Set(["/etc/hostname", "/etc/hosts", "/etc/resolv.conf"]);

const texts = {
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  ELOOP: "too many levels of symbolic links",
  EROFS: "read-only file system",
  EISDIR: "is a directory",
} as const;

/** A *PathError as Go prints it: "lstat /x: no such file or directory". */
export class PathError extends Error {
  constructor(
    readonly code: keyof typeof texts,
    readonly op: string,
    readonly path: string,
  ) {
    super(`${op} ${path}: ${texts[code]}`);
    this.name = "PathError";
  }
}

export interface Routed {
  access: FsAccess;
  /** Where writes go (the root's writable layer for root paths). */
  writer: FsAccess;
  inner: string;
  readOnly: boolean;
  /** The mount's target, undefined on the root filesystem. */
  mountPoint: string | undefined;
}

export class ContainerFiles {
  private readonly readRoot: FsAccess;
  private readonly writeRoot: FsAccess;
  private readonly view: MountedFs;
  private readonly active: string[];
  private readonly readOnlyRoot: boolean;

  constructor(fs: Filesystems, image: ImageRecord | undefined, private readonly c: ContainerRecord) {
    const rootfs = fs.rootfs(c);
    const now = () => c.Created;
    // The writable layer itself, read through the init layer: reads only, never written.
    this.readRoot = accessOf(new LayeredFs({ lowers: [initLayer(c.Created), ...fs.imageLayers(image)], upper: fs.upperOf(c), now, readOnly: true }));
    this.writeRoot = accessOf(rootfs);
    this.view = fs.view(c);
    this.readOnlyRoot = c.HostConfig["ReadonlyRootfs"] === true;
    const running = c.State.Running;
    const tmpfs = [
      ...c.Mounts.filter((m) => m.Type === "tmpfs").map((m) => m.Destination),
      ...Object.keys((c.HostConfig["Tmpfs"] as Record<string, string> | undefined) ?? {}),
    ].map((p) => normalizePath(p));
    const persistent = c.Mounts.filter((m) => m.Type !== "tmpfs").map((m) => normalizePath(m.Destination));
    this.active = [...persistent, ...(running ? tmpfs : []), ...(c.State.StartedAt > 0 ? [...ETC_FILES] : [])];
  }

  /** The filesystem an (already resolved) container path lands on. */
  route(path: string): Routed {
    const r = this.view.route(path);
    if (r.mountPoint !== undefined && this.active.includes(r.mountPoint)) {
      const access = accessOf(r.fs);
      return { access, writer: access, inner: r.path, readOnly: r.readOnly, mountPoint: r.mountPoint };
    }
    return { access: this.readRoot, writer: this.writeRoot, inner: normalizePath(path), readOnly: this.readOnlyRoot, mountPoint: undefined };
  }

  /** True when the path is on the root filesystem or a mount that is read-only. */
  isReadOnly(path: string): boolean {
    return this.route(path).readOnly;
  }

  /** A mount (volume or bind) that covers the path, as checkWritablePath looks for one. */
  mountOf(path: string): { readOnly: boolean } | undefined {
    const m = this.c.Mounts.filter((x) => x.Type !== "tmpfs" && isWithin(path, normalizePath(x.Destination))).sort((a, b) => b.Destination.length - a.Destination.length)[0];
    return m ? { readOnly: !m.RW } : undefined;
  }

  /** The entry at a resolved path. */
  lstatExact(path: string): Promise<TreeNode | undefined> {
    const r = this.route(path);
    return r.access.lstat(r.inner);
  }

  /** Names in a resolved directory, with the mount points inside it. */
  async list(dir: string): Promise<string[]> {
    const r = this.route(dir);
    const names = new Set(await r.access.list(r.inner));
    for (const target of this.active) if (target !== dir && parentOf(target) === dir) names.add(target.slice(dir === "/" ? 1 : dir.length + 1));
    return [...names].sort();
  }

  async read(path: string): Promise<Uint8Array> {
    const r = this.route(path);
    return r.access.read(r.inner);
  }

  /**
   * Resolves symlinks along a path as the kernel does inside the container's root: every
   * component but the last, and the last too when `followLast`. Missing last components are
   * fine (node undefined); a missing or non-directory parent is an error.
   */
  async resolve(path: string, followLast: boolean, op = "lstat"): Promise<{ path: string; node: TreeNode | undefined }> {
    let pending = normalizePath(path).split("/").filter(Boolean);
    let current = "/";
    let links = 0;
    while (pending.length > 0) {
      const [name = "", ...rest] = pending;
      const next = joinPath(current, name);
      const node = await this.lstatExact(next);
      if (!node) {
        if (rest.length === 0) return { path: next, node: undefined };
        throw new PathError("ENOENT", op, path);
      }
      if (node.type === "symlink" && (rest.length > 0 || followLast)) {
        if (++links > MAX_LINKS) throw new PathError("ELOOP", op, path);
        pending = [...normalizePath(node.target ?? "", current).split("/").filter(Boolean), ...rest];
        current = "/";
        continue;
      }
      if (node.type !== "dir" && rest.length > 0) throw new PathError("ENOTDIR", op, path);
      current = next;
      pending = rest;
    }
    return { path: current, node: await this.lstatExact(current) };
  }

  /**
   * symlink.FollowSymlinkInScope(path, "/"): every link followed, and what does not exist kept
   * as written, so a dangling link still names its target.
   */
  async followInScope(path: string): Promise<string> {
    let pending = normalizePath(path).split("/").filter(Boolean);
    let current = "/";
    let links = 0;
    while (pending.length > 0) {
      const [name = "", ...rest] = pending;
      const next = joinPath(current, name);
      const node = await this.lstatExact(next);
      if (node?.type === "symlink") {
        if (++links > MAX_LINKS) throw new PathError("ELOOP", "lstat", path);
        pending = [...normalizePath(node.target ?? "", current).split("/").filter(Boolean), ...rest];
        current = "/";
        continue;
      }
      current = next;
      pending = rest;
    }
    return current;
  }
}
