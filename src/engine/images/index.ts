// Images: the record the engine stores, and the built-in catalog that pulls come from.

export type { HealthConfig, HistoryEntry, ImageConfig, ImageRecord } from "./image-record.js";
export { catalogRepositories, catalogRepository, lookupCatalog, lookupCatalogByDigest, catalogLayer } from "./catalog.js";
export type { CatalogImage, CatalogLayer, CatalogRepository } from "./catalog.js";
