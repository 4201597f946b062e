// The pieces every image's files are made of: stand-ins for compiled programs (the playground's
// runtime provides their behaviour; the file only has to exist, be executable and look like an
// ELF binary to `head -c4`), scripts, and ownership, which the path specs cannot express.
import { exe, layerOf, link } from "../../fs/layer-builder.js";
import type { Spec } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";

export type Specs = Record<string, Spec>;

/** A stand-in for a compiled program: ELF magic, then a line saying what it stands for. */
export function program(name: string, from: string): Spec {
  return exe(`\x7fELF\x02\x01\x01\x00 ${name} (${from}): the playground runs this program itself.\n`);
}

/** A stand-in for a shared library (not executable on its own). */
export function library(name: string, from: string): Spec {
  return { file: `\x7fELF\x02\x01\x01\x00 ${name} (${from}): shared library stand-in.\n`, mode: 0o644 };
}

/** Programs `names` in `dir`, all from the package `from`. */
export function programs(dir: string, names: readonly string[], from: string): Specs {
  const out: Specs = {};
  for (const name of names) out[`${dir}/${name}`] = program(name, from);
  return out;
}

/** Symlinks `dir/name → target` for each name. */
export function links(dir: string, names: readonly string[], target: string): Specs {
  const out: Specs = {};
  for (const name of names) out[`${dir}/${name}`] = link(target);
  return out;
}

export const script = (text: string): Spec => exe(text);

/** Ownership of entries of a built layer, as `chown` left it: path → [uid, gid]. */
export type Owners = Record<string, readonly [number, number]>;

/**
 * A layer from path specs, built at the image's build time, with owners applied afterwards
 * (layerOf has no way to say who owns a directory).
 */
export function build(specs: Specs, created: string, owners: Owners = {}): Layer {
  const layer = layerOf(specs, created);
  for (const [path, [uid, gid]] of Object.entries(owners)) {
    const entry = layer.get(path);
    if (!entry || entry.type === "whiteout") throw new Error(`rootfs: cannot chown missing ${path}`);
    layer.set(path, { ...entry, uid, gid });
  }
  return layer;
}

/** Days since the epoch, as /etc/shadow counts a password's last change. */
export function shadowDay(created: string): number {
  return Math.floor(Date.parse(created) / 86_400_000);
}
