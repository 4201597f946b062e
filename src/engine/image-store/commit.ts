// docker commit (daemon/commit.go): a container's writable layer frozen into a new image on top
// of its image's layers, with the container's configuration (and any --change instructions) as
// the new image's config, and a history line naming the command that made it.
import type { ContainerRecord } from "../containers/container-record.js";
import { canonicalJson, sha256Digest } from "../digest/index.js";
import type { JsonValue } from "../digest/index.js";
import type { EngineContext } from "../engine-context.js";
import { invalidParameter } from "../errors.js";
import { layerTarEntries } from "../archive/layer-tar.js";
import { writeTar } from "../archive/tar-writer.js";
import type { Filesystems } from "../fs/filesystems.js";
import { contentSize, type Layer } from "../fs/layer.js";
import type { HistoryEntry, ImageConfig, ImageRecord } from "../images/image-record.js";
import { rfc3339Nano } from "../time-format.js";
import type { ImageService } from "./image-service.js";
import { familiarName, parseReference } from "./reference.js";

export interface CommitOptions {
  repo?: string | undefined;
  tag?: string | undefined;
  comment?: string | undefined;
  author?: string | undefined;
  /** Dockerfile instructions applied to the config (--change). */
  changes?: string[];
  /** Config fields from the request body, overriding the container's. */
  config?: Partial<ImageConfig> | null;
}

/** The diff id of a layer: the digest of its tarball, as Docker computes it, so a committed
 * image saved here loads on any daemon. */
export function layerDiffId(layer: Layer): string {
  return sha256Digest(writeTar(layerTarEntries(layer)));
}

/** The digest of an empty layer tarball (1024 zero bytes), which Docker's empty layers share. */
export const EMPTY_LAYER = "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

/** Applies --change instructions (the subset commit accepts) to a config. */
export function applyChanges(config: ImageConfig, changes: string[]): ImageConfig {
  const out: ImageConfig = structuredClone(config);
  for (const change of changes) {
    const match = /^\s*(\w+)\s+(.*)$/s.exec(change);
    if (!match) throw invalidParameter(`dockerfile parse error line 1: unknown instruction: ${change.trim().toUpperCase()}`);
    const [, keyword = "", rest = ""] = match;
    const args = parseArgs(rest.trim());
    switch (keyword.toUpperCase()) {
      case "CMD":
        out.Cmd = args;
        break;
      case "ENTRYPOINT":
        out.Entrypoint = args;
        break;
      case "ENV": {
        const pairs = rest.includes("=") ? rest.trim().split(/\s+/).map((p) => p.split(/=(.*)/s).slice(0, 2) as [string, string]) : [[args[0] ?? "", args.slice(1).join(" ")] as [string, string]];
        let env = out.Env ?? [];
        for (const [name, value] of pairs) env = [...env.filter((e) => !e.startsWith(`${name}=`)), `${name}=${unquote(value ?? "")}`];
        out.Env = env;
        break;
      }
      case "EXPOSE":
        out.ExposedPorts = { ...out.ExposedPorts };
        for (const port of rest.trim().split(/\s+/)) out.ExposedPorts[port.includes("/") ? port : `${port}/tcp`] = {};
        break;
      case "LABEL":
        out.Labels = { ...out.Labels };
        for (const pair of rest.trim().split(/\s+/)) {
          const [name = "", value = ""] = pair.split(/=(.*)/s);
          out.Labels[unquote(name)] = unquote(value);
        }
        break;
      case "USER":
        out.User = rest.trim();
        break;
      case "WORKDIR":
        out.WorkingDir = rest.trim();
        break;
      case "VOLUME":
        out.Volumes = { ...out.Volumes };
        for (const path of args) out.Volumes[path] = {};
        break;
      case "STOPSIGNAL":
        out.StopSignal = rest.trim();
        break;
      default:
        throw invalidParameter(`${keyword.toLowerCase()} is not a valid change command`);
    }
  }
  return out;
}

function unquote(text: string): string {
  return /^".*"$/s.test(text) ? (JSON.parse(text) as string) : text;
}

/** `["a","b"]` (exec form) or a shell-form string run by /bin/sh -c. */
function parseArgs(text: string): string[] {
  if (text.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === "string")) return parsed as string[];
    } catch {
      // Not JSON: shell form.
    }
  }
  return ["/bin/sh", "-c", text];
}

/** What makes a child image: its parent, its config and the history line and layer it adds. */
export interface ChildImageParts {
  parent: ImageRecord | undefined;
  config: ImageConfig;
  containerId: string;
  created: string;
  history: HistoryEntry[];
  layers: string[];
  author: string;
  comment: string;
  /** Bytes the new layer adds. */
  addedSize: number;
}

/**
 * image.NewChildImage: the config document (whose digest is the image id) and the record the
 * store keeps, for `docker commit` and each step of `docker build`.
 */
export function childImage(parts: ChildImageParts): ImageRecord {
  const { parent } = parts;
  const architecture = parent?.Architecture ?? "amd64";
  const document = {
    architecture,
    ...(parts.author ? { author: parts.author } : {}),
    config: parts.config,
    container: parts.containerId,
    created: parts.created,
    history: parts.history,
    os: "linux",
    rootfs: { type: "layers", diff_ids: parts.layers },
  };
  return {
    Id: sha256Digest(canonicalJson(document as unknown as JsonValue)),
    RepoTags: [],
    RepoDigests: [],
    Parent: parent?.Id ?? "",
    Comment: parts.comment,
    Created: parts.created,
    DockerVersion: "28.2.2",
    Author: parts.author,
    Config: parts.config,
    Architecture: architecture,
    ...(parent?.Variant ? { Variant: parent.Variant } : {}),
    Os: "linux",
    Size: (parent?.Size ?? 0) + parts.addedSize,
    Layers: parts.layers,
    History: parts.history,
  };
}

export function commitContainer(ctx: EngineContext, images: ImageService, fs: Filesystems, c: ContainerRecord, options: CommitOptions): ImageRecord {
  let tagged: string | undefined;
  if (options.repo) {
    const ref = parseReference(options.tag ? `${options.repo}:${options.tag}` : options.repo);
    if (ref.digest) throw invalidParameter("refusing to create a tag with a digest reference");
    tagged = `${familiarName(ref)}:${ref.tag ?? "latest"}`;
  } else if (options.tag) {
    throw invalidParameter("tag is specified without a repository");
  }
  const base = images.find(c.Image);
  const upper = new Map(fs.upperOf(c));
  const diffId = layerDiffId(upper);
  fs.keepLayer(diffId, upper);
  const fromContainer: ImageConfig = {
    ...(c.Config.User ? { User: c.Config.User } : {}),
    ...(c.Config.ExposedPorts ? { ExposedPorts: c.Config.ExposedPorts } : {}),
    Env: c.Config.Env,
    Entrypoint: c.Config.Entrypoint,
    Cmd: c.Config.Cmd,
    Volumes: c.Config.Volumes,
    WorkingDir: c.Config.WorkingDir,
    Labels: c.Config.Labels,
    ...(c.Config.StopSignal ? { StopSignal: c.Config.StopSignal } : {}),
    OnBuild: c.Config.OnBuild,
  };
  const config = applyChanges({ ...fromContainer, ...(options.config ?? {}) }, options.changes ?? []);
  const created = rfc3339Nano(ctx.clock.now());
  const history = [
    ...(base?.History ?? []),
    {
      created,
      created_by: [c.Path, ...c.Args].join(" "),
      ...(options.comment ? { comment: options.comment } : {}),
    },
  ];
  const upperSize = [...upper.values()].reduce((sum, e) => sum + (e.type === "file" ? contentSize(e.content) : 0), 0);
  const image = childImage({
    parent: base,
    config,
    containerId: c.Id,
    created,
    history,
    layers: [...(base?.Layers ?? []), diffId],
    author: options.author ?? "",
    comment: options.comment ?? "",
    addedSize: upperSize,
  });
  const id = image.Id;
  images.put(image);
  if (tagged) images.addTag(image, tagged);
  ctx.events.publish("container", "commit", c.Id, { comment: options.comment ?? "", imageID: id, imageRef: tagged ?? "", image: c.Config.Image, name: c.Name.slice(1) });
  return image;
}
