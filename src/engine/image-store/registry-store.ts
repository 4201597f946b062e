// What a registry holds: repositories of tagged manifests. One record per registry, so what was
// pushed survives a reload: "docker.io" for the repositories learners push to the Hub, and one
// per registry container's storage ("volume:<name>", "bind:<path>" or "container:<id>").
import type { EngineContext } from "../engine-context.js";
import type { CatalogImage, CatalogLayer } from "../images/index.js";

export interface StoredManifest {
  /** The image config: everything `docker image inspect` shows but the local names. */
  image: CatalogImage["image"];
  /** The manifest's layers, bottom first, with the blob digests and sizes the push gave them. */
  layers: CatalogLayer[];
  /** Bytes of the manifest document: the "size: N" a push reports. */
  size: number;
}

export interface StoredRepository {
  /** Tag → manifest digest. */
  tags: Record<string, string>;
  manifests: Record<string, StoredManifest>;
}

export interface RegistryContent {
  repositories: Record<string, StoredRepository>;
}

export class RegistryStore {
  constructor(
    private readonly ctx: EngineContext,
    /** The record key: "docker.io", "volume:<name>", "bind:<path>" or "container:<id>". */
    readonly key: string,
  ) {}

  private content(): RegistryContent | undefined {
    return this.ctx.store.get<RegistryContent>("registry", this.key);
  }

  repository(path: string): StoredRepository | undefined {
    return this.content()?.repositories[path];
  }

  repositoryNames(): string[] {
    return Object.keys(this.content()?.repositories ?? {}).sort();
  }

  /** The manifest a tag or a digest names in a repository. */
  manifest(path: string, reference: { tag?: string; digest?: string }): { digest: string; manifest: StoredManifest } | undefined {
    const repo = this.repository(path);
    if (!repo) return undefined;
    const digest = reference.digest ?? repo.tags[reference.tag ?? "latest"];
    const manifest = digest ? repo.manifests[digest] : undefined;
    return digest && manifest ? { digest, manifest } : undefined;
  }

  /** Whether a blob is linked into a repository (a registry answers blob HEADs per repository). */
  hasBlob(path: string, digest: string): boolean {
    const repo = this.repository(path);
    return repo !== undefined && Object.values(repo.manifests).some((m) => m.layers.some((l) => l.digest === digest));
  }

  /** Stores a manifest and points a tag at it. */
  put(path: string, tag: string, digest: string, manifest: StoredManifest): void {
    const content = this.content() ?? { repositories: {} };
    const repo = (content.repositories[path] ??= { tags: {}, manifests: {} });
    repo.manifests[digest] = manifest;
    repo.tags[tag] = digest;
    this.ctx.store.put("registry", this.key, content);
  }

  /** Every layer this registry holds, for sizes of layers the catalog does not know. */
  layers(): CatalogLayer[] {
    const repos = Object.values(this.content()?.repositories ?? {});
    return repos.flatMap((r) => Object.values(r.manifests).flatMap((m) => m.layers));
  }
}

/** The keys of every registry that holds something. */
export function registryKeys(ctx: EngineContext): string[] {
  return ctx.store.keys("registry");
}
