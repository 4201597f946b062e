// Sizes of layers by diff id: the image record keeps only its diff ids and a total, but history
// shows each layer's size and a push uploads each compressed blob. The catalog knows its own
// layers; registries know the ones learners pushed.
import type { EngineContext } from "../engine-context.js";
import { catalogRepositories, lookupCatalog, lookupCatalogByDigest, type CatalogLayer } from "../images/index.js";
import { decodeLayer } from "../fs/layer-codec.js";
import { contentSize } from "../fs/layer.js";
import type { ImageRecord } from "../images/image-record.js";
import { RegistryStore, registryKeys } from "./registry-store.js";

let catalogLayers: Map<string, CatalogLayer> | undefined;

function catalogIndex(): Map<string, CatalogLayer> {
  if (catalogLayers) return catalogLayers;
  catalogLayers = new Map();
  for (const repo of catalogRepositories()) {
    for (const tag of repo.tags) {
      for (const layer of lookupCatalog(repo.name, tag)?.layers ?? []) catalogLayers.set(layer.diffId, layer);
    }
  }
  return catalogLayers;
}

/** What is known of a layer, from the catalog or any registry that holds it. */
export function knownLayer(ctx: EngineContext, diffId: string): CatalogLayer | undefined {
  const fromCatalog = catalogIndex().get(diffId);
  if (fromCatalog) return fromCatalog;
  for (const key of registryKeys(ctx)) {
    const found = new RegistryStore(ctx, key).layers().find((l) => l.diffId === diffId);
    if (found) return found;
  }
  return undefined;
}

/** The layers of the manifests an image was pulled by: found without building the whole catalog. */
function pulledLayers(image: ImageRecord): Map<string, CatalogLayer> {
  const found = new Map<string, CatalogLayer>();
  for (const repoDigest of image.RepoDigests) {
    const [name = "", digest = ""] = repoDigest.split("@");
    if (name.includes("/")) continue;
    for (const layer of lookupCatalogByDigest(name, digest)?.layers ?? []) found.set(layer.diffId, layer);
  }
  return found;
}

/** What is known of an image's layers: its own pulled manifests first, then everything else. */
export function layerLookup(ctx: EngineContext, image: ImageRecord): (diffId: string) => CatalogLayer | undefined {
  const pulled = pulledLayers(image);
  return (diffId) => pulled.get(diffId) ?? knownLayer(ctx, diffId);
}

/** Each layer's uncompressed size, bottom first; unknown layers share what the total leaves. */
export function layerSizes(ctx: EngineContext, image: ImageRecord): number[] {
  const lookup = layerLookup(ctx, image);
  const known = image.Layers.map((diffId) => lookup(diffId)?.size ?? storedLayerSize(ctx, diffId));
  const unknown = known.filter((s) => s === undefined).length;
  const rest = Math.max(0, image.Size - known.reduce<number>((sum, s) => sum + (s ?? 0), 0));
  return known.map((s) => s ?? Math.round(rest / Math.max(1, unknown)));
}

/** A blob's size after gzip; for layers no registry has seen, about 40% of the tar, as for typical rootfs content. */
export function compressedSize(layer: CatalogLayer | undefined, size: number): number {
  return layer?.compressedSize ?? Math.max(32, Math.round(size * 0.4));
}

/** A layer made here (commit, build, import): the bytes of its files, as `docker history` counts them. */
function storedLayerSize(ctx: EngineContext, diffId: string): number | undefined {
  const stored = ctx.store.get<unknown>("layer", diffId);
  if (stored === undefined) return undefined;
  let size = 0;
  for (const entry of decodeLayer(stored).values()) if (entry.type === "file") size += contentSize(entry.content);
  return size;
}
