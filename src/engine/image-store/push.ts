// `docker push` (distribution/push.go, push_v2.go): the daemon names the repository, finds the
// local tags, then for each tag uploads the layers the registry lacks (or mounts them from a
// repository it already has them in) and puts the manifest. Everything after the first message
// is in-stream, errors included, as dockerd writes them once the response has been flushed.
import type { EngineContext } from "../engine-context.js";
import { EngineError } from "../errors.js";
import type { CatalogLayer } from "../images/index.js";
import type { ImageRecord } from "../images/image-record.js";
import { Channel } from "../streams/channel.js";
import type { AuthConfig } from "./auth-config.js";
import { DistributionMetadata, repositoryDomain, repositoryPath, type V2Metadata } from "./distribution-metadata.js";
import { hubIdentity, incorrectCredentials, mayPushToHub } from "./docker-hub.js";
import type { ImageService } from "./image-service.js";
import { compressedSize, layerLookup, layerSizes } from "./layer-info.js";
import type { JsonMessage } from "./pull.js";
import { connectRegistry, remoteHasBlob, remoteRepositoryExists, type RemoteRegistry } from "./registries.js";
import { familiarName, type ImageReference } from "./reference.js";
import { schema2Manifest } from "./schema2.js";
import { sha256Digest } from "../digest/index.js";
import { humanSize } from "./units.js";

export interface PushOptions {
  /** Bytes per second the simulated registry accepts; 0 pushes instantly (tests). */
  bandwidth: number;
}

const denied = "denied: requested access to the resource is denied";
/** Uploads the daemon runs at once (maxConcurrentUploads); the rest print "Waiting". */
const concurrentUploads = 5;

/** Thrown inside the stream: becomes {"errorDetail":...,"error":...}. */
class PushError extends Error {}

export function pushImage(
  ctx: EngineContext,
  images: ImageService,
  ref: ImageReference,
  auth: AuthConfig | undefined,
  options: PushOptions,
): Channel<JsonMessage> {
  const out = new Channel<JsonMessage>();
  const push = new Pusher(ctx, images, ref, auth, options, out);
  void push
    .run()
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      out.push({ errorDetail: { message }, error: message });
    })
    .finally(() => out.close());
  return out;
}

interface Access {
  registry: RemoteRegistry;
  readable(path: string): boolean;
  writable: boolean;
  /** What every request fails with when the Hub refused the credentials. */
  rejected: boolean;
}

class Pusher {
  private readonly name: string;
  private readonly repository: string;
  private readonly metadata: DistributionMetadata;
  /** Layers this push already put in place (pushState.remoteLayers). */
  private readonly remote = new Map<string, CatalogLayer>();
  /** What is known of the layers of the image being pushed (for their compressed sizes). */
  private lookup: (diffId: string) => CatalogLayer | undefined = () => undefined;

  constructor(
    private readonly ctx: EngineContext,
    private readonly images: ImageService,
    private readonly ref: ImageReference,
    private readonly auth: AuthConfig | undefined,
    private readonly options: PushOptions,
    private readonly out: Channel<JsonMessage>,
  ) {
    this.name = familiarName(ref);
    this.repository = `${ref.domain}/${ref.path}`;
    this.metadata = new DistributionMetadata(ctx);
  }

  async run(): Promise<void> {
    this.out.push({ status: `The push refers to repository [${this.repository}]` });
    const tagged = this.localTags();
    if (tagged.length === 0) throw new PushError(`An image does not exist locally with the tag: ${this.name}`);
    const access = this.connect();
    if (this.ref.tag !== undefined) {
      const image = this.images.find(`${this.name}:${this.ref.tag}`);
      if (!image) throw new PushError(`tag does not exist: ${this.name}:${this.ref.tag}`);
      await this.pushTag(access, this.ref.tag, image);
    } else {
      for (const [tag, image] of tagged) await this.pushTag(access, tag, image);
    }
    const pushed = this.ref.tag !== undefined ? `${this.name}:${this.ref.tag}` : this.name;
    const labels = this.images.find(pushed)?.Config.Labels ?? {};
    this.ctx.events.publish("image", "push", pushed, { ...labels, name: this.name });
  }

  /** The repository's local tags, sorted as the reference store lists them. */
  private localTags(): [string, ImageRecord][] {
    const prefix = `${this.name}:`;
    return this.images
      .all()
      .flatMap((image) => image.RepoTags.filter((t) => t.startsWith(prefix) && !t.slice(prefix.length).includes("/")).map((t) => [t, image] as const))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([t, image]) => [t.slice(prefix.length), image]);
  }

  private connect(): Access {
    let registry: RemoteRegistry;
    try {
      registry = connectRegistry(this.ctx, this.ref.domain);
    } catch (error) {
      throw new PushError(error instanceof EngineError ? error.message : String(error));
    }
    if (!registry.hub) return { registry, readable: () => true, writable: true, rejected: false };
    const identity = hubIdentity(this.auth);
    return {
      registry,
      // Every Hub repository is public: anyone may read one that exists.
      readable: (path) => remoteRepositoryExists(registry, path),
      writable: mayPushToHub(identity, this.ref.path),
      rejected: "rejected" in identity,
    };
  }

  private async pushTag(access: Access, tag: string, image: ImageRecord): Promise<void> {
    const sizes = layerSizes(this.ctx, image);
    this.lookup = layerLookup(this.ctx, image);
    // Top layer first, as the daemon walks from the image's layer down to its base.
    const order = image.Layers.map((diffId, i) => ({ diffId, size: sizes[i] ?? 0 })).reverse();
    for (const layer of order) this.progress(layer.diffId, "Preparing");
    const unique = order.filter((l, i) => order.findIndex((o) => o.diffId === l.diffId) === i);
    for (const layer of unique.slice(concurrentUploads)) this.progress(layer.diffId, "Waiting");
    for (const layer of unique) {
      if (this.remote.has(layer.diffId)) {
        this.progress(layer.diffId, "Layer already exists");
        continue;
      }
      this.remote.set(layer.diffId, await this.upload(access, layer.diffId, layer.size));
    }
    const layers = image.Layers.map((diffId) => this.remote.get(diffId)).filter((l): l is CatalogLayer => l !== undefined);
    const manifest = schema2Manifest(image, layers);
    if (!access.writable) throw new PushError(access.rejected ? incorrectCredentials : denied);
    const { RepoTags: _tags, RepoDigests: _digests, ...config } = structuredClone(image);
    access.registry.store.put(this.ref.path, tag, manifest.digest, { image: config, layers, size: manifest.size });
    this.out.push({ status: `${tag}: digest: ${manifest.digest} size: ${manifest.size}` });
    this.out.push({ progressDetail: {}, aux: { Tag: tag, Digest: manifest.digest, Size: manifest.size } });
    const digestRef = `${this.name}@${manifest.digest}`;
    if (!image.RepoDigests.includes(digestRef)) {
      image.RepoDigests.push(digestRef);
      this.images.put(image);
    }
  }

  /** pushDescriptor.Upload: exists already, mount from another repository, or upload. */
  private async upload(access: Access, diffId: string, size: number): Promise<CatalogLayer> {
    // getMaxMountAndExistenceCheckAttempts: the bigger the layer, the harder the daemon tries.
    const [maxMounts, maxChecks, checkOthers] = size > 10 * 1024 * 1024 ? [4, 3, true] : size > 100 * 1024 ? [3, 1, false] : [1, 1, false];
    const known = this.metadata.get(diffId);
    const checked = new Set<string>();
    if (known.length > 0) {
      const found = this.existing(access, diffId, size, known, true, 1, checked);
      if (found) return found;
    }
    for (const candidate of this.mountCandidates(known).slice(0, maxMounts)) {
      const source = repositoryPath(candidate.SourceRepository);
      if (access.writable && access.readable(source) && remoteHasBlob(access.registry, source, candidate.Digest)) {
        this.progress(diffId, `Mounted from ${source}`);
        this.metadata.add(diffId, { Digest: candidate.Digest, SourceRepository: this.repository });
        return this.layer(diffId, size, candidate.Digest);
      }
    }
    if (maxChecks - checked.size > 0) {
      const found = this.existing(access, diffId, size, known, checkOthers, maxChecks - checked.size, checked);
      if (found) return found;
    }
    if (!access.writable) throw new PushError(access.rejected ? incorrectCredentials : denied);
    // A graphdriver daemon compresses the layer again: the blob gets a digest of its own.
    const digest = sha256Digest(`gzip|${diffId}`);
    await this.transfer(diffId, size);
    this.progress(diffId, "Pushed");
    this.metadata.add(diffId, { Digest: digest, SourceRepository: this.repository });
    return this.layer(diffId, size, digest);
  }

  /** layerAlreadyExists: asks the target repository for the blob digests the layer has had. */
  private existing(
    access: Access,
    diffId: string,
    size: number,
    known: V2Metadata[],
    checkOthers: boolean,
    max: number,
    checked: Set<string>,
  ): CatalogLayer | undefined {
    const candidates = this.byLikeness(known.filter((m) => checkOthers || m.SourceRepository === this.repository));
    const digests = [...new Set(candidates.map((m) => m.Digest))].filter((d) => !checked.has(d)).slice(0, max);
    for (const digest of digests) {
      checked.add(digest);
      if (access.readable(this.ref.path) && remoteHasBlob(access.registry, this.ref.path, digest)) {
        this.metadata.add(diffId, { Digest: digest, SourceRepository: this.repository });
        this.progress(diffId, "Layer already exists");
        return this.layer(diffId, size, digest);
      }
    }
    return undefined;
  }

  /** Repositories of the same registry that had the blob, best first (the target itself excluded). */
  private mountCandidates(known: V2Metadata[]): V2Metadata[] {
    return this.byLikeness(known.filter((m) => repositoryDomain(m.SourceRepository) === this.ref.domain && m.SourceRepository !== this.repository));
  }

  /** Newest first, then by how many leading path components match the target's. */
  private byLikeness(entries: V2Metadata[]): V2Metadata[] {
    const target = this.repository.split("/");
    const matching = (name: string) => {
      const parts = name.split("/");
      let i = 0;
      while (i < parts.length && i < target.length && parts[i] === target[i]) i++;
      return i;
    };
    return [...entries].reverse().sort((a, b) => matching(b.SourceRepository) - matching(a.SourceRepository));
  }

  private layer(diffId: string, size: number, digest: string): CatalogLayer {
    return { diffId, size, compressedSize: compressedSize(this.lookup(diffId), size), digest };
  }

  private progress(diffId: string, status: string): void {
    this.out.push({ status, progressDetail: {}, id: diffId.slice(7, 19) });
  }

  /** "Pushing" with the uncompressed byte counts, as the progress reader over the layer reports them. */
  private async transfer(diffId: string, total: number): Promise<void> {
    const bandwidth = this.options.bandwidth;
    if (bandwidth <= 0 || total <= 0) return;
    const steps = Math.max(1, Math.min(10, Math.ceil(total / 500_000)));
    const stepMs = (total / bandwidth / steps) * 1000;
    for (let step = 1; step <= steps; step++) {
      await new Promise<void>((resolve) => this.ctx.clock.setTimer(stepMs, resolve));
      const current = Math.round((total * step) / steps);
      const filled = Math.min(50, Math.floor(Math.floor((current / total) * 100) / 2));
      const bar = `[${"=".repeat(filled)}>${" ".repeat(50 - filled)}] `;
      this.out.push({ status: "Pushing", progressDetail: { current, total }, progress: `${bar}${humanSize(current).padStart(8)}/${humanSize(total)}`, id: diffId.slice(7, 19) });
    }
  }
}
