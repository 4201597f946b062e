// The layer dockerd puts between a container's image and its writable layer (daemon/initlayer):
// mount points for what it binds in at start, and /.dockerenv. Its files are empty, so a
// container that never ran, and `docker export` of any container, show them empty.
import type { Layer, LayerEntry } from "../fs/layer.js";

export function initLayer(created: number): Layer {
  const dir = { type: "dir" as const, mode: 0o755, mtime: created };
  const file = { type: "file" as const, content: "", mode: 0o755, mtime: created };
  return new Map<string, LayerEntry>([
    ["/dev", dir],
    ["/dev/pts", dir],
    ["/dev/shm", dir],
    ["/dev/console", file],
    ["/proc", dir],
    ["/sys", dir],
    ["/.dockerenv", file],
    ["/etc", dir],
    ["/etc/resolv.conf", file],
    ["/etc/hosts", file],
    ["/etc/hostname", file],
    ["/etc/mtab", { type: "symlink" as const, target: "/proc/mounts", mode: 0o777, mtime: created }],
  ]);
}
