// The built-in registry: Docker Hub's official images as they stood in late 2025. Nothing is
// hashed until an image is looked up; each image is then computed once and memoized.

import type { Layer } from "../fs/layer.js";
import { buildCatalogImage, catalogLayerFiles } from "./catalog-build.js";
import type { CatalogImage } from "./catalog-build.js";
import { databaseRepositories } from "./catalog-databases.js";
import { nodeRepository } from "./catalog-node.js";
import { osRepositories } from "./catalog-os.js";
import { postgresRepository } from "./catalog-postgres.js";
import { pythonRepository } from "./catalog-python.js";
import type { ImageSpec, RepositorySpec } from "./catalog-spec.js";
import { webRepositories } from "./catalog-web.js";

export type { CatalogImage, CatalogLayer } from "./catalog-build.js";

export interface CatalogRepository {
  /** Full path on Docker Hub, e.g. "library/alpine". */
  name: string;
  /** What users type, e.g. "alpine". */
  shortName: string;
  description: string;
  stars: number;
  official: boolean;
  tags: string[];
}

interface IndexedRepository {
  spec: RepositorySpec;
  byTag: Map<string, ImageSpec>;
}

let index: Map<string, IndexedRepository> | undefined;

function repositoryIndex(): Map<string, IndexedRepository> {
  if (index) return index;
  const specs = [
    ...osRepositories,
    ...webRepositories,
    ...databaseRepositories,
    postgresRepository,
    nodeRepository,
    pythonRepository,
  ].sort((a, b) => (a.shortName < b.shortName ? -1 : 1));
  index = new Map();
  for (const spec of specs) {
    const byTag = new Map<string, ImageSpec>();
    for (const image of spec.images) for (const tag of image.tags) byTag.set(tag, image.spec);
    index.set(spec.shortName, { spec, byTag });
  }
  return index;
}

/** "alpine", "library/alpine" and "docker.io/library/alpine" all name the official alpine. */
function findRepository(repository: string): IndexedRepository | undefined {
  let path = repository;
  for (const host of ["docker.io/", "index.docker.io/", "registry-1.docker.io/"]) {
    if (path.startsWith(host)) path = path.slice(host.length);
  }
  if (path.startsWith("library/")) path = path.slice("library/".length);
  return path.includes("/") ? undefined : repositoryIndex().get(path);
}

// Callers get their own copy: the memoized image must not change under a later lookup.
function copyOf(image: CatalogImage): CatalogImage {
  return JSON.parse(JSON.stringify(image)) as CatalogImage;
}

/** The image a tag of an official repository points at, or undefined if there is none. */
export function lookupCatalog(repository: string, tag: string): CatalogImage | undefined {
  const spec = findRepository(repository)?.byTag.get(tag);
  return spec ? copyOf(buildCatalogImage(spec)) : undefined;
}

/** The image of a repository whose manifest digest is `digest` ("sha256:..."), as in `alpine@sha256:...`. */
export function lookupCatalogByDigest(repository: string, digest: string): CatalogImage | undefined {
  const found = findRepository(repository);
  if (!found) return undefined;
  for (const { spec } of found.spec.images) {
    const image = buildCatalogImage(spec);
    if (image.manifestDigest === digest) return copyOf(image);
  }
  return undefined;
}

function describe({ spec }: IndexedRepository): CatalogRepository {
  return {
    name: `library/${spec.shortName}`,
    shortName: spec.shortName,
    description: spec.description,
    stars: spec.stars,
    official: true,
    tags: spec.images.flatMap((image) => image.tags),
  };
}

export function catalogRepository(name: string): CatalogRepository | undefined {
  const found = findRepository(name);
  return found ? describe(found) : undefined;
}

/** Every repository, by name. */
export function catalogRepositories(): CatalogRepository[] {
  return [...repositoryIndex().values()].map(describe);
}

let everyImageBuilt = false;

/**
 * The files of a catalog layer by diff id. Layers are registered as their images are built, so
 * after a restart (images restored from records) the catalog is built once to find them.
 */
export function catalogLayer(diffId: string): Layer | undefined {
  const found = catalogLayerFiles(diffId);
  if (found || everyImageBuilt) return found;
  everyImageBuilt = true;
  for (const { spec } of repositoryIndex().values()) for (const image of spec.images) buildCatalogImage(image.spec);
  return catalogLayerFiles(diffId);
}
