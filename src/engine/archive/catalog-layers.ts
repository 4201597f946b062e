// Every layer of the built-in registry with its size: a daemon "has" them all (a load never
// needs their tarballs), and a loaded image's size counts them as the catalog does.
import { catalogRepositories, lookupCatalog } from "../images/index.js";

let sizes: Map<string, number> | undefined;

export function catalogLayerSizes(): Map<string, number> {
  if (sizes) return sizes;
  sizes = new Map();
  for (const repo of catalogRepositories()) {
    for (const tag of repo.tags) for (const layer of lookupCatalog(repo.shortName, tag)?.layers ?? []) sizes.set(layer.diffId, layer.size);
  }
  return sizes;
}
