// A catalog image's filesystem as a container would see it, for the rootfs tests.
import type { Layer } from "../../../fs/layer.js";
import { LayeredFs } from "../../../fs/layered-fs.js";
import { catalogLayer, lookupCatalog } from "../../index.js";
import type { CatalogImage } from "../../index.js";

export interface ImageFs {
  image: CatalogImage;
  /** Bottom layer first, as the image lists them. */
  layers: Layer[];
  fs: LayeredFs;
}

/** "nginx:alpine" → its image, layers and a read view over them; throws if a layer has no files. */
export function imageFs(ref: string): ImageFs {
  const [repository = "", tag = "latest"] = ref.split(":");
  const image = lookupCatalog(repository, tag);
  if (!image) throw new Error(`not in catalog: ${ref}`);
  const steps = image.image.History.filter((h) => !h.empty_layer);
  const layers = image.layers.map((l, i) => {
    const layer = catalogLayer(l.diffId);
    if (!layer) throw new Error(`${ref}: layer ${i} has no files (${steps[i]?.created_by.slice(0, 80)})`);
    return layer;
  });
  // LayeredFs wants the topmost layer first.
  return { image, layers, fs: new LayeredFs({ lowers: [...layers].reverse(), upper: new Map(), now: () => 0 }) };
}

export function executable(fs: LayeredFs, path: string): boolean {
  try {
    const { entry } = fs.resolve(path, true);
    return entry?.type === "file" && (entry.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** The path a command name runs from, searched through the PATH of `env` as a runtime does. */
export function which(fs: LayeredFs, name: string, env: readonly string[]): string | undefined {
  if (name.includes("/")) return executable(fs, name) ? name : undefined;
  const path = env.find((e) => e.startsWith("PATH="))?.slice(5) ?? "";
  return path.split(":").map((dir) => `${dir}/${name}`).find((candidate) => executable(fs, candidate));
}

/** A text file's content through symlinks, or undefined. */
export function read(fs: LayeredFs, path: string): string | undefined {
  try {
    return fs.readText(fs.resolve(path, true).path);
  } catch {
    return undefined;
  }
}
