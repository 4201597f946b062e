// `docker save` (image/tarexport/save.go, Docker 25 and later): an OCI image layout that the
// legacy loaders read too. blobs/sha256/ holds each layer tar, each config, each manifest and
// the legacy per-layer V1 documents; index.json and oci-layout make it OCI, manifest.json and
// repositories keep `docker load` of older daemons working.
import { sha256Digest } from "../digest/index.js";
import { invalidParameter, notFound, systemError } from "../errors.js";
import type { Filesystems } from "../fs/filesystems.js";
import { chainIds, type ImageService } from "../image-store/image-service.js";
import { familiarName, familiarString, parseReference, type ImageReference } from "../image-store/reference.js";
import { configDocument, configObject, type StoredImage } from "./image-config.js";
import { goJson, goMap, goStruct, goV1Image, v1IdDocument, type V1Fields } from "./go-config-json.js";
import { layerTarEntries } from "./layer-tar.js";
import { utf8, type TarEntry } from "./tar-entry.js";
import { writeTar } from "./tar-writer.js";

const MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const INDEX = "application/vnd.oci.image.index.v1+json";
const CONFIG = "application/vnd.oci.image.config.v1+json";
const LAYER = "application/vnd.oci.image.layer.v1.tar";
const EPOCH = "1970-01-01T00:00:00Z";

interface Selected {
  image: StoredImage;
  /** Tagged references asked for ("docker.io/library/alpine:latest"), in order. */
  refs: ImageReference[];
}

/** parseNames: ids and digests by id, a bare name as every tag of it, a tag as itself. */
function selectImages(images: ImageService, names: string[]): Selected[] {
  const selected = new Map<string, Selected>();
  const add = (image: StoredImage, ref?: ImageReference) => {
    let entry = selected.get(image.Id);
    if (!entry) selected.set(image.Id, (entry = { image, refs: [] }));
    if (ref && !ref.digest && !entry.refs.some((r) => familiarString(r) === familiarString(ref))) entry.refs.push(ref);
  };
  for (const name of names) {
    const hex = name.startsWith("sha256:") ? name.slice(7) : name;
    if (/^[a-f0-9]{64}$/.test(hex)) {
      add(images.get(`sha256:${hex}`));
      continue;
    }
    let ref: ImageReference;
    try {
      ref = parseReference(name);
    } catch (error) {
      throw invalidParameter(error instanceof Error ? error.message : String(error));
    }
    if (ref.digest) {
      const image = images.findByReference(ref);
      if (!image) throw notFound("reference does not exist");
      add(image);
      continue;
    }
    if (ref.tag === undefined) {
      const repo = familiarName(ref);
      const tagged = images.all().flatMap((image) => image.RepoTags.filter((t) => t.slice(0, t.lastIndexOf(":")) === repo).map((t) => ({ image, t })));
      if (tagged.length === 0) {
        const byId = images.find(name);
        if (!byId) throw notFound(`No such image: ${name}`);
        add(byId);
      }
      for (const { image, t } of tagged) add(image, parseReference(t));
      continue;
    }
    const image = images.findByReference(ref);
    if (!image) throw notFound("reference does not exist");
    add(image, ref);
  }
  return [...selected.values()];
}

function file(name: string, content: string | Uint8Array, mtime: number): TarEntry {
  return { name, type: "file", mode: 0o644, uid: 0, gid: 0, mtime, data: typeof content === "string" ? utf8(content) : content };
}

function seconds(created: string): number {
  const ms = Date.parse(created);
  return Number.isNaN(ms) || ms < 0 ? 0 : Math.floor(ms / 1000) * 1000;
}

function descriptor(mediaType: string, digest: string, size: number, annotations?: Record<string, string>): string {
  return goStruct([
    ["mediaType", goJson(mediaType)],
    ["digest", goJson(digest)],
    ["size", String(size)],
    ["annotations", annotations ? goMap(annotations) : undefined],
  ]);
}

/** image.Image's parent chain, when both ends are saved (validatedParentLinks, checkValidParent). */
function validParent(image: StoredImage, saved: Map<string, StoredImage>): string | undefined {
  const parent = image.Parent ? saved.get(image.Parent) : undefined;
  if (!parent) return undefined;
  if (image.History.length === 0 && parent.History.length === 0) return parent.Id;
  if (parent.History.length >= image.History.length || parent.Layers.length > image.Layers.length) return undefined;
  if (!parent.History.every((h, i) => JSON.stringify(h) === JSON.stringify(image.History[i]))) return undefined;
  return parent.Layers.every((d, i) => d === image.Layers[i]) ? parent.Id : undefined;
}

export interface SaveResult {
  tar: Uint8Array;
  /** The ids saved, for the daemon's "save" events. */
  ids: string[];
}

function repositoriesJson(repositories: Record<string, Record<string, string>>): string {
  return `{${Object.keys(repositories)
    .sort()
    .map((repo) => `${goJson(repo)}:${goMap(repositories[repo])}`)
    .join(",")}}`;
}

export function saveImages(images: ImageService, fs: Filesystems, names: string[], now: number): SaveResult {
  const selection = selectImages(images, names);
  const blobs = new Map<string, TarEntry>();
  const blob = (digest: string, content: string | Uint8Array, mtime: number) => {
    const name = `blobs/sha256/${digest.slice(7)}`;
    if (!blobs.has(name)) blobs.set(name, file(name, content, mtime));
  };
  const layerSizes = new Map<string, number>();
  const manifestItems: string[] = [];
  const indexEntries: string[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const saved = new Map(selection.map((s) => [s.image.Id, s.image]));
  let blobsDirTime = 0;
  for (const { image, refs } of selection) {
    if (image.Layers.length === 0) throw systemError("empty export - not implemented");
    const ts = seconds(image.Created);
    const raw = configDocument(image);
    const doc = configObject(raw);
    const chain = chainIds(image.Layers);
    let parent = "";
    image.Layers.forEach((diffId, i) => {
      const last = i === image.Layers.length - 1;
      const v1: V1Fields = last
        ? {
            parent: typeof doc["parent"] === "string" ? doc["parent"] : "",
            comment: image.Comment,
            created: image.Created,
            container: typeof doc["container"] === "string" ? doc["container"] : "",
            containerConfig: doc["container_config"],
            dockerVersion: image.DockerVersion,
            author: image.Author,
            config: doc["config"],
            architecture: image.Architecture,
            ...(image.Variant ? { variant: image.Variant } : {}),
            os: image.Os,
          }
        : { created: EPOCH };
      const v1Id = sha256Digest(v1IdDocument(v1, chain[i] ?? diffId, parent));
      const legacy = goV1Image({ ...v1, id: v1Id.slice(7), ...(parent ? { parent: parent.slice(7) } : {}), os: image.Os });
      blob(sha256Digest(legacy), legacy, ts);
      if (!layerSizes.has(diffId)) {
        const tar = writeTar(layerTarEntries(fs.layer(diffId)));
        layerSizes.set(diffId, tar.length);
        blob(diffId, tar, ts);
      }
      parent = v1Id;
    });
    blob(image.Id, raw, ts);
    blobsDirTime = ts;
    const layerDescriptors = image.Layers.map((d) => descriptor(LAYER, d, layerSizes.get(d) ?? 0));
    const manifest = goStruct([
      ["schemaVersion", "2"],
      ["mediaType", goJson(MANIFEST)],
      ["config", descriptor(CONFIG, image.Id, utf8(raw).length)],
      ["layers", `[${layerDescriptors.join(",")}]`],
    ]);
    const manifestDigest = sha256Digest(manifest);
    blob(manifestDigest, manifest, 0);
    const repoTags: string[] = [];
    for (const ref of refs) {
      const familiar = familiarName(ref);
      const tag = ref.tag ?? "latest";
      (repositories[familiar] ??= {})[tag] = (image.Layers[image.Layers.length - 1] ?? "").slice(7);
      repoTags.push(`${familiar}:${tag}`);
      indexEntries.push(descriptor(MANIFEST, manifestDigest, utf8(manifest).length, { "io.containerd.image.name": `${ref.domain}/${ref.path}:${tag}`, "org.opencontainers.image.ref.name": tag }));
    }
    if (indexEntries.length === 0) indexEntries.push(descriptor(MANIFEST, manifestDigest, utf8(manifest).length));
    const parentId = validParent(image, saved);
    manifestItems.push(
      goStruct([
        ["Config", goJson(`blobs/sha256/${image.Id.slice(7)}`)],
        ["RepoTags", repoTags.length > 0 ? goJson(repoTags) : "null"],
        ["Layers", goJson(image.Layers.map((d) => `blobs/sha256/${d.slice(7)}`))],
        ["Parent", parentId ? goJson(parentId) : undefined],
        ["LayerSources", `{${image.Layers.filter((d, i, all) => all.indexOf(d) === i).sort().map((d) => `${goJson(d)}:${goStruct([["mediaType", goJson(LAYER)], ["size", String(layerSizes.get(d) ?? 0)], ["digest", goJson(d)]])}`).join(",")}}`],
      ]),
    );
  }
  const index = goStruct([
    ["schemaVersion", "2"],
    ["mediaType", goJson(INDEX)],
    ["manifests", `[${indexEntries.join(",")}]`],
  ]);
  const dir = (name: string, mtime: number): TarEntry => ({ name, type: "dir", mode: 0o755, uid: 0, gid: 0, mtime });
  const entries: TarEntry[] = [
    dir("blobs/", blobsDirTime),
    // The manifests are written last, after the directory's time was reset: it keeps the write's.
    dir("blobs/sha256/", Math.floor(now / 1000) * 1000),
    ...[...blobs.keys()].sort().map((name) => blobs.get(name) as TarEntry),
    file("index.json", index, 0),
    file("manifest.json", `[${manifestItems.join(",")}]\n`, 0),
    file("oci-layout", '{"imageLayoutVersion": "1.0.0"}', 0),
    ...(Object.keys(repositories).length > 0 ? [file("repositories", `${repositoriesJson(repositories)}\n`, 0)] : []),
  ];
  return { tar: writeTar(entries), ids: selection.map((s) => s.image.Id) };
}
