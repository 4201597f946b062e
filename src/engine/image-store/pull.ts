// `docker pull`: resolves a reference against the registry model, then streams the daemon's
// progress messages (distribution/pull_v2.go) while "downloading" layers, and stores the image.
import type { EngineContext } from "../engine-context.js";
import type { CatalogImage } from "../images/index.js";
import type { ImageRecord } from "../images/image-record.js";
import { Channel } from "../streams/channel.js";
import type { ImageService } from "./image-service.js";
import { rememberPulledLayers, resolvePullSource } from "./pull-source.js";
import { familiarName, type ImageReference } from "./reference.js";

export interface JsonMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  progress?: string;
  error?: string;
  errorDetail?: { message: string; code?: number };
  stream?: string;
  aux?: unknown;
}

export interface PullOptions {
  /** Bytes per second the simulated registry delivers; 0 pulls instantly (tests). */
  bandwidth: number;
}

/** Finds what a pull would fetch, or throws the daemon's 404 (or 500) before any stream starts. */
export function resolvePull(ctx: EngineContext, ref: ImageReference): CatalogImage {
  return resolvePullSource(ctx, ref);
}

export function pullImage(
  ctx: EngineContext,
  images: ImageService,
  ref: ImageReference,
  options: PullOptions,
): Channel<JsonMessage> {
  const found = resolvePull(ctx, ref);
  const out = new Channel<JsonMessage>();
  void streamPull(ctx, images, ref, found, options, out).finally(() => out.close());
  return out;
}

async function streamPull(
  ctx: EngineContext,
  images: ImageService,
  ref: ImageReference,
  found: CatalogImage,
  options: PullOptions,
  out: Channel<JsonMessage>,
): Promise<void> {
  const name = familiarName(ref);
  const tagged = ref.digest ? `${name}@${ref.digest}` : `${name}:${ref.tag ?? "latest"}`;
  out.push({ status: `Pulling from ${ref.path}`, id: ref.digest ?? ref.tag ?? "latest" });
  const existing = images.all().find((i) => i.Id === found.image.Id);
  const local = images.localLayers();
  const sleep = (ms: number) => new Promise<void>((resolve) => ctx.clock.setTimer(ms, resolve));
  if (!existing) {
    const fetching = found.layers.filter((l) => !local.has(l.diffId));
    for (const layer of found.layers) {
      const id = layer.digest.slice(7, 19);
      if (local.has(layer.diffId)) out.push({ status: "Already exists", progressDetail: {}, id });
      else out.push({ status: "Pulling fs layer", progressDetail: {}, id });
    }
    // The daemon downloads three layers at a time; the rest wait their turn.
    fetching.slice(3).forEach((l) => out.push({ status: "Waiting", progressDetail: {}, id: l.digest.slice(7, 19) }));
    for (const layer of fetching) {
      const id = layer.digest.slice(7, 19);
      await transfer(out, "Downloading", id, layer.compressedSize, options.bandwidth, sleep);
      out.push({ status: "Verifying Checksum", progressDetail: {}, id });
      out.push({ status: "Download complete", progressDetail: {}, id });
    }
    for (const layer of fetching) {
      const id = layer.digest.slice(7, 19);
      await transfer(out, "Extracting", id, layer.size, options.bandwidth * 4, sleep);
      out.push({ status: "Pull complete", progressDetail: {}, id });
    }
  }
  out.push({ status: `Digest: ${found.manifestDigest}` });
  const image: ImageRecord = existing ?? { ...structuredClone(found.image), RepoTags: [], RepoDigests: [] };
  const digestRef = `${name}@${found.manifestDigest}`;
  if (!image.RepoDigests.includes(digestRef)) image.RepoDigests.push(digestRef);
  const hadTag = !ref.digest && image.RepoTags.includes(tagged);
  if (ref.digest) images.put(image);
  else images.addTag(image, tagged);
  rememberPulledLayers(ctx, ref, found.layers);
  const upToDate = existing !== undefined && (hadTag || ref.digest !== undefined);
  out.push({ status: `Status: ${upToDate ? "Image is up to date" : "Downloaded newer image"} for ${tagged}` });
  if (!upToDate) ctx.events.publish("image", "pull", tagged, { name: tagged });
}

async function transfer(
  out: Channel<JsonMessage>,
  status: string,
  id: string,
  total: number,
  bandwidth: number,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  if (bandwidth <= 0) return;
  const steps = Math.max(1, Math.min(10, Math.ceil(total / 500_000)));
  const stepMs = (total / bandwidth / steps) * 1000;
  for (let step = 1; step <= steps; step++) {
    await sleep(stepMs);
    const current = Math.round((total * step) / steps);
    out.push({ status, progressDetail: { current, total }, progress: progressBar(current, total), id });
  }
}

function progressBar(current: number, total: number): string {
  const filled = Math.floor((50 * current) / total);
  const bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? (filled === 50 ? "=" : ">") : "") + " ".repeat(50 - filled);
  return `[${bar}] ${current}/${total}`;
}
