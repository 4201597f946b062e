// An image's config document, the JSON its id is the digest of. Loaded and imported images keep
// the document itself; for the others it is rebuilt the way the catalog computed their ids.
import { canonicalJson, sha256Digest } from "../digest/index.js";
import type { JsonValue } from "../digest/index.js";
import type { HistoryEntry, ImageConfig, ImageRecord } from "../images/image-record.js";

/** An image record as this module stores it: with the exact config document when it has one. */
export type StoredImage = ImageRecord & { RawConfig?: string };

const CONFIG_KEYS: (keyof ImageConfig)[] = [
  "User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels",
  "StopSignal", "Healthcheck", "ArgsEscaped", "OnBuild", "Shell",
];

/** The config document of an image, byte for byte when it was kept. */
export function configDocument(image: StoredImage): string {
  if (image.RawConfig !== undefined && sha256Digest(image.RawConfig) === image.Id) return image.RawConfig;
  const document = {
    architecture: image.Architecture,
    ...(image.Author ? { author: image.Author } : {}),
    config: image.Config,
    created: image.Created,
    history: image.History,
    os: image.Os,
    rootfs: { type: "layers", diff_ids: image.Layers },
    ...(image.Variant ? { variant: image.Variant } : {}),
  };
  return canonicalJson(document as unknown as JsonValue);
}

/** image.NewFromJSON's failures, with Go's texts where they are simple to match. */
export class ConfigError extends Error {}

type Json = Record<string, unknown>;

function string(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The record fields a config document gives (no tags, size or parent: the caller knows those). */
export function imageFromConfig(text: string): Omit<StoredImage, "RepoTags" | "RepoDigests" | "Size" | "Parent"> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(error instanceof SyntaxError ? "unexpected end of JSON input" : String(error));
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ConfigError("json: cannot unmarshal into Go value of type image.Image");
  const doc = parsed as Json;
  const rootfs = doc["rootfs"] as Json | null | undefined;
  if (!rootfs || typeof rootfs !== "object") throw new ConfigError("invalid image JSON, no RootFS key");
  const source = (doc["config"] && typeof doc["config"] === "object" ? doc["config"] : {}) as Json;
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = source[key];
    if (value === undefined) continue;
    // Zero strings are how Go writes "unset"; the record leaves them out as the catalog does.
    if (value === "" && key !== "WorkingDir") continue;
    config[key] = typeof value === "string" && (key === "Cmd" || key === "Entrypoint") ? [value] : value;
  }
  const history: HistoryEntry[] = Array.isArray(doc["history"])
    ? (doc["history"] as Json[]).map((h) => ({
        created: string(h["created"]),
        created_by: string(h["created_by"]),
        ...(h["comment"] ? { comment: string(h["comment"]) } : {}),
        ...(h["empty_layer"] === true ? { empty_layer: true } : {}),
      }))
    : [];
  const diffIds = Array.isArray(rootfs["diff_ids"]) ? (rootfs["diff_ids"] as unknown[]).filter((d): d is string => typeof d === "string") : [];
  return {
    Id: sha256Digest(text),
    Comment: string(doc["comment"]),
    Created: string(doc["created"]) || "0001-01-01T00:00:00Z",
    DockerVersion: string(doc["docker_version"]),
    Author: string(doc["author"]),
    Config: config as ImageConfig,
    Architecture: string(doc["architecture"]),
    ...(doc["variant"] ? { Variant: string(doc["variant"]) } : {}),
    Os: string(doc["os"]),
    Layers: diffIds,
    History: history,
    RawConfig: text,
  };
}

/** The raw document as a parsed object, for the legacy per-layer documents of a save. */
export function configObject(text: string): Json {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Json) : {};
  } catch {
    return {};
  }
}
