// `docker load` (image/tarexport/load.go): unpacks a docker-save archive, registers the layers it
// does not have yet (checking each against its diff id), creates each image from its config and
// moves the tags in manifest.json onto it. Everything it reports is a JSON message: "Loading
// layer" progress unless quiet, "Loaded image: …" lines, and errors in the stream.
import { sha256Digest } from "../digest/index.js";
import type { EventBus } from "../events/event-bus.js";
import type { Filesystems } from "../fs/filesystems.js";
import type { ImageService } from "../image-store/image-service.js";
import { familiarString, parseReference } from "../image-store/reference.js";
import { catalogLayerSizes } from "./catalog-layers.js";
import { decompress } from "./decompress.js";
import { goClean } from "./go-path.js";
import { ConfigError, imageFromConfig, type StoredImage } from "./image-config.js";
import { layerFromTar } from "./layer-tar.js";
import { readProgress } from "./progress.js";
import { readTar } from "./tar-reader.js";
import { fromUtf8, type TarEntry } from "./tar-entry.js";
import { layerSize } from "../fs/layer.js";

export type LoadMessage = object;

export interface LoadDeps {
  images: ImageService;
  fs: Filesystems;
  events: EventBus;
  /** True for a layer this daemon made or loaded earlier (kept with Filesystems.keepLayer). */
  storedLayer(diffId: string): boolean;
  /** A random uint32, for the name of the temporary directory that error texts show. */
  random(): number;
}

class LoadError extends Error {}

interface ManifestItem {
  Config?: unknown;
  RepoTags?: unknown;
  Layers?: unknown;
  Parent?: unknown;
}

/** Runs a load; the messages are what POST /images/load streams, errors included. */
export async function loadImages(deps: LoadDeps, body: Uint8Array, quiet: boolean): Promise<LoadMessage[]> {
  const out: LoadMessage[] = [];
  try {
    await load(deps, body, quiet, out);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.push({ errorDetail: { message }, error: message });
  }
  return out;
}

async function load(deps: LoadDeps, body: Uint8Array, quiet: boolean, out: LoadMessage[]): Promise<void> {
  const tmp = `/var/lib/docker/tmp/docker-import-${deps.random()}`;
  const files = new Map<string, TarEntry>();
  for (const entry of readTar(await decompress(body))) files.set(goClean(entry.name), entry);
  const open = (name: string): TarEntry => {
    const entry = files.get(goClean(name));
    if (!entry || entry.type !== "file") throw new LoadError(`open ${tmp}/${goClean(name)}: no such file or directory`);
    return entry;
  };
  if (!files.has("manifest.json")) {
    // legacyLoad: every top-level directory would be an image of the pre-1.10 format.
    const dirs = [...new Set([...files.keys()].filter((n) => n.includes("/") || files.get(n)?.type === "dir").map((n) => n.split("/")[0] ?? ""))].sort();
    for (const dir of dirs) open(`${dir}/json`);
    open("repositories");
    throw new LoadError("this playground cannot load images in the legacy (pre-Docker 1.10) format");
  }
  const manifest = parseManifest(fromUtf8(open("manifest.json").data ?? new Uint8Array(0)));
  let idLines = "";
  let refCount = 0;
  const loaded: { image: StoredImage; parent: string }[] = [];
  for (const item of manifest) {
    const configText = fromUtf8(open(String(item.Config ?? "")).data ?? new Uint8Array(0));
    let fields;
    try {
      fields = imageFromConfig(configText);
    } catch (error) {
      throw new LoadError(error instanceof ConfigError ? error.message : String(error));
    }
    if (fields.Os !== "" && fields.Os !== "linux") throw new LoadError(`cannot load ${fields.Os} image on linux`);
    const layers = Array.isArray(item.Layers) ? item.Layers.map(String) : [];
    if (layers.length !== fields.Layers.length) throw new LoadError(`invalid manifest, layers length mismatch: expected ${layers.length}, got ${fields.Layers.length}`);
    const known = knownLayers(deps);
    for (const [i, diffId] of fields.Layers.entries()) {
      if (known.has(diffId)) continue;
      const file = open(layers[i] ?? "");
      const raw = file.data ?? new Uint8Array(0);
      if (!quiet) out.push(...readProgress("Loading layer", diffId.replace(/^[^:]*:/, "").slice(0, 12), raw.length));
      const tar = await decompress(raw);
      const actual = sha256Digest(tar);
      if (actual !== diffId) throw new LoadError(`invalid diffID for layer ${i}: expected ${JSON.stringify(diffId)}, got ${JSON.stringify(actual)}`);
      deps.fs.keepLayer(diffId, layerFromTar(readTar(tar)));
      known.add(diffId);
    }
    const existing = deps.images.find(fields.Id) as StoredImage | undefined;
    const image: StoredImage = existing ?? { ...fields, RepoTags: [], RepoDigests: [], Parent: "", Size: imageSize(deps, fields.Layers) };
    if (existing && existing.RawConfig === undefined) image.RawConfig = configText;
    deps.images.put(image);
    idLines += `Loaded image ID: ${image.Id}\n`;
    refCount = 0;
    for (const repoTag of Array.isArray(item.RepoTags) ? item.RepoTags.map(String) : []) {
      const ref = parseReference(repoTag);
      if (ref.tag === undefined || ref.digest) throw new LoadError(`invalid tag ${JSON.stringify(repoTag)}`);
      const name = familiarString(ref);
      const previous = deps.images.all().find((other) => other.RepoTags.includes(name));
      if (previous && previous.Id !== image.Id) {
        out.push({ stream: `The image ${name} already exists, renaming the old one with ID ${previous.Id} to empty string\n` });
      }
      deps.images.addTag(image, name);
      out.push({ stream: `Loaded image: ${name}\n` });
      refCount++;
    }
    loaded.push({ image, parent: typeof item.Parent === "string" ? item.Parent : "" });
    deps.events.publish("image", "load", image.Id, { ...(image.Config.Labels ?? {}), name: image.Id });
  }
  for (const { image, parent } of loaded) {
    const found = parent ? deps.images.find(parent) : undefined;
    if (found && found.Layers.every((d, i) => image.Layers[i] === d) && found.Layers.length < image.Layers.length) {
      image.Parent = found.Id;
      deps.images.put(image);
    }
  }
  // Only when the last image had no tag are the ids reported: every one of them (load.go's quirk).
  if (refCount === 0) out.push({ stream: idLines });
}

function parseManifest(text: string): ManifestItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new LoadError("unexpected end of JSON input");
  }
  if (parsed === null) throw new LoadError("invalid manifest, manifest cannot be null (but can be [])");
  if (!Array.isArray(parsed)) throw new LoadError("json: cannot unmarshal object into Go value of type []tarexport.manifestItem");
  return parsed as ManifestItem[];
}

/** Layers the daemon has: the catalog's, those it made or loaded, and those of its images. */
function knownLayers(deps: LoadDeps): { has(diffId: string): boolean; add(diffId: string): void } {
  const known = new Set([...deps.images.localLayers(), ...catalogLayerSizes().keys()]);
  return { has: (d) => known.has(d) || deps.storedLayer(d), add: (d) => known.add(d) };
}

function imageSize(deps: LoadDeps, diffIds: string[]): number {
  const catalog = catalogLayerSizes();
  return diffIds.reduce((sum, d) => sum + (catalog.get(d) ?? layerSize(deps.fs.layer(d))), 0);
}
