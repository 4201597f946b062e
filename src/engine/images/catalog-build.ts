// Turns an ImageSpec into a content-addressed CatalogImage: diff ids and blob digests from layer
// seeds, the image id from the config document, the manifest digest from the manifest.

import { canonicalJson, sha256Digest, sha256Hex, utf8Encode } from "../digest/index.js";
import type { JsonValue } from "../digest/index.js";
import { FILE_HASH } from "./catalog-spec.js";
import type { ImageSpec, StepEffect } from "./catalog-spec.js";
import type { HistoryEntry, ImageConfig, ImageRecord } from "./image-record.js";
import type { Layer } from "../fs/layer.js";

export interface CatalogLayer {
  /** Digest of the uncompressed layer tar (RootFS.Layers). */
  diffId: string;
  /** Uncompressed bytes. */
  size: number;
  /** Bytes of the compressed blob, as a pull downloads it. */
  compressedSize: number;
  /** Digest of the compressed blob, as the manifest lists it. */
  digest: string;
}

export interface CatalogImage {
  /** Digest of the image manifest: what `RepoDigests` and `docker pull`'s `Digest:` show. */
  manifestDigest: string;
  image: Omit<ImageRecord, "RepoTags" | "RepoDigests">;
  layers: CatalogLayer[];
}

interface Resolved {
  config: ImageConfig;
  history: HistoryEntry[];
  layers: CatalogLayer[];
}

const resolved = new Map<ImageSpec, Resolved>();
const layerFiles = new Map<string, () => Layer>();
const layerCache = new Map<string, Layer>();

/** The files of a catalog layer, by diff id; built once, shared by every image that has it. */
export function catalogLayerFiles(diffId: string): Layer | undefined {
  let layer = layerCache.get(diffId);
  if (!layer) {
    const make = layerFiles.get(diffId);
    if (!make) return undefined;
    layer = make();
    layerCache.set(diffId, layer);
  }
  return layer;
}
const built = new Map<ImageSpec, CatalogImage>();

/** The image a spec describes; computed once per spec, so every tag of it gets the same object. */
export function buildCatalogImage(spec: ImageSpec): CatalogImage {
  const cached = built.get(spec);
  if (cached) return cached;
  const { config, history, layers } = resolve(spec);
  const diffIds = layers.map((l) => l.diffId);
  const configBytes = utf8Encode(configDocumentJson(spec.created, config, history, diffIds));
  const id = sha256Digest(configBytes);
  const manifest = {
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: id, size: configBytes.length },
    layers: layers.map((l) => ({
      mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
      digest: l.digest,
      size: l.compressedSize,
    })),
  };
  const image: CatalogImage = {
    manifestDigest: sha256Digest(canonicalJson(manifest)),
    image: {
      Id: id,
      Parent: "",
      Comment: history.at(-1)?.comment ?? "",
      Created: spec.created,
      DockerVersion: spec.dockerVersion ?? "",
      Author: "",
      Config: config,
      Architecture: "amd64",
      Os: "linux",
      Size: layers.reduce((sum, l) => sum + l.size, 0),
      Layers: diffIds,
      History: history,
    },
    layers,
  };
  built.set(spec, image);
  return image;
}

const historyJson = new WeakMap<HistoryEntry, string>();

/**
 * canonicalJson of the image config document {architecture, config, created, history, os,
 * rootfs}, written out by hand so that history entries, shared by every image built on the same
 * base, are serialized once.
 */
function configDocumentJson(created: string, config: ImageConfig, history: HistoryEntry[], diffIds: string[]): string {
  const entries = history.map((entry) => {
    let json = historyJson.get(entry);
    if (json === undefined) {
      json = canonicalJson(entry as unknown as JsonValue);
      historyJson.set(entry, json);
    }
    return json;
  });
  // ImageConfig is plain JSON data; interfaces just lack the index signature JsonValue asks for.
  const configJson = canonicalJson(config as unknown as JsonValue);
  const rootfs = canonicalJson({ type: "layers", diff_ids: diffIds });
  return `{"architecture":"amd64","config":${configJson},"created":${JSON.stringify(created)},"history":[${entries.join(",")}],"os":"linux","rootfs":${rootfs}}`;
}

function resolve(spec: ImageSpec): Resolved {
  const cached = resolved.get(spec);
  if (cached) return cached;
  const base = spec.base ? resolve(spec.base) : undefined;
  const config = structuredCopy(base?.config ?? spec.rootConfig ?? {});
  const history = [...(base?.history ?? [])];
  const layers = [...(base?.layers ?? [])];
  let cmdSetHere = false;
  spec.steps.forEach((step, index) => {
    if (step.effect.kind === "cmd") cmdSetHere = true;
    applyEffect(config, step.effect, cmdSetHere);
    let createdBy = step.createdBy;
    if (step.layer) {
      // The build's key and the step's position identify the layer's content; hashing the short
      // seed rather than the step's (often kilobytes long) text keeps the catalog cheap to build.
      const seed = `${spec.key}#${index}`;
      createdBy = createdBy.replace(FILE_HASH, sha256Hex(`file|${seed}`));
      const diffId = sha256Digest(`layer|${seed}`);
      if (step.layer.files) layerFiles.set(diffId, step.layer.files);
      layers.push({
        diffId,
        size: step.layer.size,
        compressedSize: step.layer.compressedSize,
        digest: sha256Digest(`blob|${seed}`),
      });
    }
    const entry: HistoryEntry = { created: spec.created, created_by: createdBy };
    if (step.comment !== undefined) entry.comment = step.comment;
    if (!step.layer) entry.empty_layer = true;
    history.push(entry);
  });
  if (spec.buildkit && !config.WorkingDir) config.WorkingDir = "/";
  const result = { config: inDockerOrder(config), history, layers };
  resolved.set(spec, result);
  return result;
}

function applyEffect(config: ImageConfig, effect: StepEffect, cmdSetHere: boolean): void {
  switch (effect.kind) {
    case "none":
      return;
    case "env": {
      const others = (config.Env ?? []).map((e) => (e.startsWith(`${effect.name}=`) ? undefined : e));
      const at = others.indexOf(undefined);
      const entry = `${effect.name}=${effect.value}`;
      // Redefining a variable keeps its place in the list, as Docker does.
      if (at >= 0) others[at] = entry;
      else others.push(entry);
      config.Env = others.filter((e): e is string => e !== undefined);
      return;
    }
    case "label":
      config.Labels = { ...config.Labels, [effect.name]: effect.value };
      return;
    case "cmd":
      config.Cmd = effect.args;
      return;
    case "entrypoint":
      config.Entrypoint = effect.args;
      // Docker: ENTRYPOINT resets a CMD inherited from the base image.
      if (!cmdSetHere) config.Cmd = null;
      return;
    case "expose":
      config.ExposedPorts = { ...config.ExposedPorts };
      for (const port of effect.ports) config.ExposedPorts[port] = {};
      return;
    case "volume":
      config.Volumes = { ...config.Volumes };
      for (const path of effect.paths) config.Volumes[path] = {};
      return;
    case "workdir":
      config.WorkingDir = effect.path;
      return;
    case "stopsignal":
      config.StopSignal = effect.signal;
      return;
    case "user":
      config.User = effect.user;
      return;
  }
}

const CONFIG_ORDER: (keyof ImageConfig)[] = [
  "User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels",
  "StopSignal", "Healthcheck", "ArgsEscaped", "OnBuild", "Shell",
];

/** The config with its keys in the order of the OCI / Docker config struct, as inspect prints them. */
function inDockerOrder(config: ImageConfig): ImageConfig {
  const ordered: Record<string, unknown> = {};
  for (const key of CONFIG_ORDER) if (config[key] !== undefined) ordered[key] = config[key];
  return ordered as ImageConfig;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
