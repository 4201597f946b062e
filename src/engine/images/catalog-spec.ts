// How catalog images are described: as the build steps `docker history` shows. Each step carries
// the history text, the layer it adds (if any) and its effect on the config, so an image's
// Config is derived from its own history and cannot drift from it.

import type { Layer } from "../fs/layer.js";
import type { ImageConfig } from "./image-record.js";

/** A layer a step adds: uncompressed and compressed (gzip blob) bytes. */
export interface LayerSize {
  size: number;
  compressedSize: number;
  /** What the layer holds, built on first use (src/engine/images/rootfs). */
  files?: () => Layer;
}

export type StepEffect =
  | { kind: "none" }
  | { kind: "env"; name: string; value: string }
  | { kind: "label"; name: string; value: string }
  | { kind: "cmd"; args: string[] }
  | { kind: "entrypoint"; args: string[] }
  | { kind: "expose"; ports: string[] }
  | { kind: "volume"; paths: string[] }
  | { kind: "workdir"; path: string }
  | { kind: "stopsignal"; signal: string }
  | { kind: "user"; user: string };

export interface BuildStep {
  createdBy: string;
  comment?: string;
  /** Absent for metadata-only steps (history's empty_layer). */
  layer?: LayerSize;
  effect: StepEffect;
}

export interface ImageSpec {
  /** Unique name of this build (e.g. "nginx:1.29.3"); seeds the ids of the layers it adds. */
  key: string;
  /** The image this one was built FROM: its layers, history and config are inherited. */
  base?: ImageSpec;
  /** Config of an image built from scratch, before its steps apply. */
  rootConfig?: ImageConfig;
  /** RFC 3339 time of this build; every step it adds carries it. */
  created: string;
  /** BuildKit sets WorkingDir "/" when nothing else did. */
  buildkit: boolean;
  dockerVersion?: string;
  steps: BuildStep[];
}

const BUILDKIT = "buildkit.dockerfile.v0";

function meta(instruction: string, effect: StepEffect): BuildStep {
  return { createdBy: instruction, comment: BUILDKIT, effect };
}

/** What a layer holds, built on first use; absent, the layer has sizes but no files. */
export type LayerFiles = () => Layer;

function layerSize(size: number, compressedSize: number, files?: LayerFiles): LayerSize {
  return files ? { size, compressedSize, files } : { size, compressedSize };
}

function layered(instruction: string, size: number, compressedSize: number, files?: LayerFiles): BuildStep {
  return { createdBy: instruction, comment: BUILDKIT, layer: layerSize(size, compressedSize, files), effect: { kind: "none" } };
}

// BuildKit's history texts, as `docker history --no-trunc` prints them.
const quoted = (args: string[]): string => `[${args.map((a) => JSON.stringify(a)).join(" ")}]`;

export const run = (script: string, size: number, compressedSize: number, files?: LayerFiles): BuildStep =>
  layered(`RUN /bin/sh -c ${script} # buildkit`, size, compressedSize, files);
export const copy = (args: string, size: number, compressedSize: number, files?: LayerFiles): BuildStep =>
  layered(`COPY ${args} # buildkit`, size, compressedSize, files);
export const add = (args: string, size: number, compressedSize: number, files?: LayerFiles): BuildStep =>
  layered(`ADD ${args} # buildkit`, size, compressedSize, files);
export const env = (name: string, value: string): BuildStep =>
  meta(`ENV ${name}=${value}`, { kind: "env", name, value });
export const label = (name: string, value: string): BuildStep =>
  meta(`LABEL ${name}=${value}`, { kind: "label", name, value });
export const cmd = (...args: string[]): BuildStep => meta(`CMD ${quoted(args)}`, { kind: "cmd", args });
export const entrypoint = (...args: string[]): BuildStep =>
  meta(`ENTRYPOINT ${quoted(args)}`, { kind: "entrypoint", args });
export const expose = (...ports: string[]): BuildStep =>
  meta(`EXPOSE map[${ports.map((p) => `${p}:{}`).join(" ")}]`, { kind: "expose", ports });
export const volume = (...paths: string[]): BuildStep =>
  meta(`VOLUME [${paths.join(" ")}]`, { kind: "volume", paths });
export const workdir = (path: string): BuildStep => meta(`WORKDIR ${path}`, { kind: "workdir", path });
export const stopSignal = (signal: string): BuildStep =>
  meta(`STOPSIGNAL ${signal}`, { kind: "stopsignal", signal });
export const user = (name: string): BuildStep => meta(`USER ${name}`, { kind: "user", user: name });
export const arg = (text: string): BuildStep => meta(`ARG ${text}`, { kind: "none" });

/** Placeholder in a history text for a hash derived from the layer it describes. */
export const FILE_HASH = "{file-hash}";

// The legacy builder's texts, still seen in images built without BuildKit (ubuntu, oraclelinux).
export const legacy = {
  /** `ADD file:<hash> in /`: the hash is filled in from the layer's seed when the catalog is built. */
  addRootfs: (size: number, compressedSize: number, files?: LayerFiles): BuildStep => ({
    createdBy: `/bin/sh -c #(nop) ADD file:${FILE_HASH} in / `,
    layer: layerSize(size, compressedSize, files),
    effect: { kind: "none" },
  }),
  arg: (name: string): BuildStep => ({ createdBy: `/bin/sh -c #(nop)  ARG ${name}`, effect: { kind: "none" } }),
  label: (name: string, value: string): BuildStep => ({
    createdBy: `/bin/sh -c #(nop)  LABEL ${name}=${value}`,
    effect: { kind: "label", name, value },
  }),
  cmd: (...args: string[]): BuildStep => ({
    createdBy: `/bin/sh -c #(nop)  CMD ${quoted(args)}`,
    effect: { kind: "cmd", args },
  }),
};

/** The same step with the files its layer holds, for steps shared between builds as values. */
export function withFiles(step: BuildStep, files: LayerFiles): BuildStep {
  if (!step.layer) throw new Error(`catalog: "${step.createdBy.slice(0, 40)}" adds no layer to hold files`);
  return { ...step, layer: { ...step.layer, files } };
}

/** A root filesystem made by a distribution's own tooling: one history line, one layer. */
export function rootfs(createdBy: string, comment: string, size: number, compressedSize: number, files?: LayerFiles): BuildStep {
  return { createdBy, comment, layer: layerSize(size, compressedSize, files), effect: { kind: "none" } };
}

/** PATH as BuildKit and most base images set it. */
export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** One image of a repository and every tag that points at it. */
export interface TaggedImage {
  tags: string[];
  spec: ImageSpec;
}

export interface RepositorySpec {
  shortName: string;
  description: string;
  stars: number;
  images: TaggedImage[];
}
