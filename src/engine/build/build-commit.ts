// One build step frozen into an image (CommitBuildStep → image.NewChildImage): the step's
// container layer on top of the parent's layers, the build state's config as the image config,
// and a history line made of the step's command ("/bin/sh -c #(nop)  CMD ..." for metadata).
// A step that changed no file adds no layer, only an empty_layer history line.
import { layerTarEntries } from "../archive/layer-tar.js";
import { writeTar } from "../archive/tar-writer.js";
import type { ContainerRecord } from "../containers/container-record.js";
import { sha256Digest } from "../digest/index.js";
import type { EngineContext } from "../engine-context.js";
import type { Filesystems } from "../fs/filesystems.js";
import { contentSize } from "../fs/layer.js";
import type { ImageConfig, ImageRecord } from "../images/image-record.js";
import { childImage } from "../image-store/commit.js";
import type { ImageService } from "../image-store/image-service.js";
import { rfc3339Nano } from "../time-format.js";

export interface StepCommit {
  parent: ImageRecord | undefined;
  config: ImageConfig;
  /** The step's container Cmd: its history line, and with the config its cache key. */
  containerCmd: string[];
  author: string;
  cacheKey: string;
  /** A commit logs "create" with the image's labels; COPY's exported layer logs nothing. */
  publish: boolean;
}

export function commitBuildStep(ctx: EngineContext, images: ImageService, fs: Filesystems, c: ContainerRecord, step: StepCommit): ImageRecord {
  const upper = new Map(fs.upperOf(c));
  const empty = upper.size === 0;
  const created = rfc3339Nano(ctx.clock.now());
  const layers = [...(step.parent?.Layers ?? [])];
  let upperSize = 0;
  if (!empty) {
    const tar = writeTar(layerTarEntries(upper));
    const diffId = sha256Digest(tar);
    fs.keepLayer(diffId, upper);
    layers.push(diffId);
    for (const e of upper.values()) if (e.type === "file") upperSize += contentSize(e.content);
  }
  const history = [
    ...(step.parent?.History ?? []),
    { created, ...(step.author ? { author: step.author } : {}), created_by: step.containerCmd.join(" "), ...(empty ? { empty_layer: true } : {}) },
  ];
  const config = structuredClone(step.config);
  const image: ImageRecord = {
    ...childImage({ parent: step.parent, config, containerId: c.Id, created, history, layers, author: step.author, comment: "", addedSize: upperSize }),
    BuildCacheKey: step.cacheKey,
  };
  const id = image.Id;
  images.put(image);
  if (step.publish) ctx.events.publish("image", "create", id, { ...(config.Labels ?? {}), name: id });
  return image;
}
