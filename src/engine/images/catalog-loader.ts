// The built-in registry is fetched on first use: its image descriptions and file trees are
// most of the engine's code, and neither the first prompt nor `docker ps` on an empty or
// restored daemon reads them. Whoever may need the catalog awaits loadCatalog() first (the API
// router does, engine.ts for a restore); the lookups below then answer synchronously, as the
// services that call them expect.
import type * as Catalog from "./catalog.js";
import type { CatalogImage, CatalogRepository } from "./catalog.js";
import type { Layer } from "../fs/layer.js";

type CatalogModule = typeof Catalog;

let loaded: CatalogModule | undefined;
let loading: Promise<CatalogModule> | undefined;

export type CatalogState = "unloaded" | "loading" | "loaded";

export function catalogState(): CatalogState {
  return loaded ? "loaded" : loading ? "loading" : "unloaded";
}

/** Fetches the catalog once; a failed fetch (the page went offline) is retried by the next call. */
export function loadCatalog(): Promise<void> {
  if (loaded) return Promise.resolve();
  loading ??= import("./catalog.js").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading.then(() => undefined);
}

function catalog(): CatalogModule {
  // A caller that skipped loadCatalog() is a bug in the engine, not a missing image.
  if (!loaded) throw new Error("image catalog used before loadCatalog() settled");
  return loaded;
}

/** The image a tag of an official repository points at, or undefined if there is none. */
export function lookupCatalog(repository: string, tag: string): CatalogImage | undefined {
  return catalog().lookupCatalog(repository, tag);
}

/** The image of a repository whose manifest digest is `digest` ("sha256:..."). */
export function lookupCatalogByDigest(repository: string, digest: string): CatalogImage | undefined {
  return catalog().lookupCatalogByDigest(repository, digest);
}

export function catalogRepository(name: string): CatalogRepository | undefined {
  return catalog().catalogRepository(name);
}

export function catalogRepositories(): CatalogRepository[] {
  return catalog().catalogRepositories();
}

/** The files of a catalog layer by diff id. */
export function catalogLayer(diffId: string): Layer | undefined {
  return catalog().catalogLayer(diffId);
}
