// Images: the record the engine stores, and the built-in catalog that pulls come from. The
// catalog is fetched on first use (catalog-loader.ts): await loadCatalog() before a lookup.

export type { HealthConfig, HistoryEntry, ImageConfig, ImageRecord } from "./image-record.js";
export {
  catalogLayer,
  catalogRepositories,
  catalogRepository,
  catalogState,
  loadCatalog,
  lookupCatalog,
  lookupCatalogByDigest,
  type CatalogState,
} from "./catalog-loader.js";
export type { CatalogImage, CatalogLayer, CatalogRepository } from "./catalog.js";
