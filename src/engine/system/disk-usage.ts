// GET /system/df (daemon/disk_usage.go): the layers images hold (each shared layer counted once),
// every image with its shared size and container count, every container with its writable
// layer's size, every local volume with its size and users, and no build cache.
import { imageSummary } from "../api/image-routes.js";
import { volumeView } from "../api/volume-routes.js";
import { listContainers } from "../containers/container-list.js";
import type { Engine } from "../engine.js";
import { chainIds } from "../image-store/image-service.js";
import { layerSizes } from "../image-store/layer-info.js";
import type { ImageRecord } from "../images/image-record.js";

export type DiskUsageObject = "container" | "image" | "volume" | "build-cache";

/** Each image's layers by chain id, with their sizes. */
function chainSizes(engine: Engine, image: ImageRecord): [string, number][] {
  const sizes = layerSizes(engine.ctx, image);
  return chainIds(image.Layers).map((chain, i) => [chain, sizes[i] ?? 0]);
}

/** Intermediate images (untagged, with children) are not counted (getLayerRefs, Images without all). */
function countedImages(images: ImageRecord[]): ImageRecord[] {
  const parents = new Set(images.map((i) => i.Parent).filter(Boolean));
  return images.filter((i) => i.RepoTags.length > 0 || i.RepoDigests.length > 0 || !parents.has(i.Id));
}

/** Bytes of every distinct layer the images hold. */
export function layersSize(engine: Engine, images: ImageRecord[]): number {
  const seen = new Map<string, number>();
  for (const image of countedImages(images)) for (const [chain, size] of chainSizes(engine, image)) seen.set(chain, size);
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

function imageUsage(engine: Engine, images: ImageRecord[]) {
  const counted = countedImages(images);
  const refs = new Map<string, number>();
  for (const image of counted) for (const [chain] of chainSizes(engine, image)) refs.set(chain, (refs.get(chain) ?? 0) + 1);
  const containers = engine.containers.all();
  return counted
    .map((image) => {
      const shared = chainSizes(engine, image).reduce((sum, [chain, size]) => sum + ((refs.get(chain) ?? 0) > 1 ? size : 0), 0);
      return { ...imageSummary(image, containers.filter((c) => c.Image === image.Id).length), SharedSize: shared };
    })
    .sort((a, b) => b.Created - a.Created);
}

/** GET /containers/json?size=1: each row with its writable layer and whole root filesystem sizes. */
export function withContainerSizes<T extends { Id: string; ImageID: string }>(engine: Engine, summaries: T[]): T[] {
  return summaries.map((summary) => {
    const c = engine.containers.all().find((r) => r.Id === summary.Id);
    const rw = c ? engine.fs.writableSize(c) : 0;
    const rootfs = rw + (engine.images.find(summary.ImageID)?.Size ?? 0);
    return withSizes(summary, rw, rootfs);
  });
}

function containerUsage(engine: Engine) {
  const now = engine.ctx.clock.now();
  return withContainerSizes(engine, listContainers(engine.containers.all(), engine.images.all(), { all: true, limit: -1, filters: new Map() }, now));
}

/** Summary with SizeRw and SizeRootFs after Ports, as container.Summary orders them (both omitempty). */
export function withSizes<T extends object>(summary: T, rw: number, rootfs: number): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    out[key] = value;
    if (key === "Ports") {
      if (rw > 0) out["SizeRw"] = rw;
      if (rootfs > 0) out["SizeRootFs"] = rootfs;
    }
  }
  return out as T;
}

function volumeUsage(engine: Engine) {
  const containers = engine.containers.all();
  return engine.volumes
    .all()
    .filter((v) => v.Driver === "local")
    .map((v) => ({
      ...volumeView(v),
      UsageData: { RefCount: containers.filter((c) => c.Mounts.some((m) => m.Name === v.Name)).length, Size: engine.fs.volumeSize(v.Name) },
    }));
}

export function diskUsage(engine: Engine, objects: ReadonlySet<DiskUsageObject>) {
  const images = engine.images.all();
  return {
    LayersSize: objects.has("image") ? layersSize(engine, images) : 0,
    Images: objects.has("image") ? imageUsage(engine, images) : null,
    Containers: objects.has("container") ? containerUsage(engine) : null,
    Volumes: objects.has("volume") ? volumeUsage(engine) : null,
    BuildCache: objects.has("build-cache") ? [] : null,
  };
}
