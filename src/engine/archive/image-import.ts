// `docker import` (daemon/images/image_import.go): one tarball becomes a one-layer image whose
// config is empty but for the --change instructions, with "Imported from -" as its comment.
// The layer's diff id is the digest of its tarball as this daemon writes it, so a `docker save`
// of the image carries a layer that matches its id.
import { sha256Digest } from "../digest/index.js";
import type { EventBus } from "../events/event-bus.js";
import { invalidParameter } from "../errors.js";
import type { Filesystems } from "../fs/filesystems.js";
import { layerSize } from "../fs/layer.js";
import { applyChanges } from "../image-store/commit.js";
import type { ImageService } from "../image-store/image-service.js";
import { familiarString, parseReference, type ImageReference } from "../image-store/reference.js";
import type { ImageConfig } from "../images/image-record.js";
import { rfc3339Nano } from "../time-format.js";
import { decompress } from "./decompress.js";
import { goContainerConfig, goJson } from "./go-config-json.js";
import { imageFromConfig, type StoredImage } from "./image-config.js";
import { layerFromTar, layerTarEntries } from "./layer-tar.js";
import { readTar } from "./tar-reader.js";
import { writeTar } from "./tar-writer.js";

export interface ImportOptions {
  fromSrc: string;
  repo: string;
  tag: string;
  message: string;
  changes: string[];
  platform: string;
}

export interface ImportDeps {
  images: ImageService;
  fs: Filesystems;
  events: EventBus;
  now(): number;
  dockerVersion: string;
}

/** httputils.RepoTagReference: no repo, no tag; a digest is refused; the tag defaults to latest. */
function repoTagReference(repo: string, tag: string): ImageReference | undefined {
  if (repo === "") return undefined;
  let ref: ImageReference;
  try {
    ref = parseReference(repo);
  } catch (error) {
    throw invalidParameter(error instanceof Error ? error.message : String(error));
  }
  if (ref.digest) throw invalidParameter("cannot import digest reference");
  if (tag !== "") {
    try {
      const { domain, path } = ref;
      return parseReference(`${familiarString({ domain, path }, false)}:${tag}`);
    } catch (error) {
      throw invalidParameter(error instanceof Error ? error.message : String(error));
    }
  }
  return ref;
}

export async function importImage(deps: ImportDeps, body: Uint8Array, options: ImportOptions): Promise<string> {
  const ref = repoTagReference(options.repo, options.tag);
  const comment = options.message || `Imported from ${options.fromSrc}`;
  const [os = "linux", architecture = "amd64", variant = ""] = options.platform ? options.platform.toLowerCase().split("/") : [];
  if (os !== "linux") throw invalidParameter(`operating system is not supported`);
  const config: ImageConfig = options.changes.length > 0 ? applyChanges({}, options.changes) : {};
  const layer = layerFromTar(readTar(await decompress(body)));
  const diffId = sha256Digest(writeTar(layerTarEntries(layer)));
  deps.fs.keepLayer(diffId, layer);
  const created = rfc3339Nano(deps.now());
  // image.Image's MarshalJSON goes through a map: the top-level keys come out sorted.
  const document =
    `{"architecture":${goJson(architecture)},"comment":${goJson(comment)},"config":${goContainerConfig(config)},` +
    `"container_config":${goContainerConfig({})},"created":${goJson(created)},"docker_version":${goJson(deps.dockerVersion)},` +
    `"history":[{"created":${goJson(created)},"comment":${goJson(comment)}}],"os":${goJson(os)},` +
    `"rootfs":{"type":"layers","diff_ids":[${goJson(diffId)}]}${variant ? `,"variant":${goJson(variant)}` : ""}}`;
  const fields = imageFromConfig(document);
  const image: StoredImage = { ...fields, Config: config, RepoTags: [], RepoDigests: [], Parent: "", Size: layerSize(layer) };
  const existing = deps.images.find(image.Id);
  deps.images.put(existing ?? image);
  if (ref) {
    deps.images.addTag(existing ?? image, familiarString(ref));
    deps.events.publish("image", "tag", image.Id, { ...(config.Labels ?? {}), name: familiarString(ref) });
  }
  deps.events.publish("image", "import", image.Id, { ...(config.Labels ?? {}), name: image.Id });
  return image.Id;
}
