// What the daemon remembers about where its layers came from (moby's V2MetadataService): for
// each diff id, the blob digests it has had in registries and the repository each was seen in.
// A push uses it to answer "Layer already exists" or to mount the blob from another repository
// ("Mounted from library/alpine") instead of uploading it again.
import type { EngineContext } from "../engine-context.js";

export interface V2Metadata {
  Digest: string;
  /** Full repository name, e.g. "docker.io/library/alpine" or "localhost:5000/app". */
  SourceRepository: string;
}

interface MetadataRecord {
  entries: V2Metadata[];
}

export class DistributionMetadata {
  constructor(private readonly ctx: EngineContext) {}

  /** Oldest first, as moby keeps them. */
  get(diffId: string): V2Metadata[] {
    return this.ctx.store.get<MetadataRecord>("distribution", diffId)?.entries ?? [];
  }

  /** Adds (or refreshes, moving to newest) one association. */
  add(diffId: string, entry: V2Metadata): void {
    const others = this.get(diffId).filter((e) => e.Digest !== entry.Digest || e.SourceRepository !== entry.SourceRepository);
    // moby caps the list so that it does not grow without bound.
    this.ctx.store.put("distribution", diffId, { entries: [...others, entry].slice(-50) });
  }

  remove(diffId: string, entry: V2Metadata): void {
    const kept = this.get(diffId).filter((e) => e.Digest !== entry.Digest || e.SourceRepository !== entry.SourceRepository);
    if (kept.length > 0) this.ctx.store.put("distribution", diffId, { entries: kept });
    else this.ctx.store.remove("distribution", diffId);
  }
}

/** reference.Domain of a full repository name ("docker.io/library/alpine" → "docker.io"). */
export function repositoryDomain(name: string): string {
  return name.slice(0, name.indexOf("/"));
}

/** reference.Path: the name within its registry ("docker.io/library/alpine" → "library/alpine"). */
export function repositoryPath(name: string): string {
  return name.slice(name.indexOf("/") + 1);
}
