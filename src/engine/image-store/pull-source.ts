// What a pull fetches and from where: the manifest a reference names in its registry, or the
// error dockerd answers (HTTP 404 or 500) before any progress is streamed.
import type { EngineContext } from "../engine-context.js";
import { notFound } from "../errors.js";
import type { CatalogLayer } from "../images/index.js";
import { DistributionMetadata } from "./distribution-metadata.js";
import { connectRegistry, remoteImage, remoteRepositoryExists, type RemoteImage } from "./registries.js";
import { familiarName, type ImageReference } from "./reference.js";

export function resolvePullSource(ctx: EngineContext, ref: ImageReference): RemoteImage {
  const registry = connectRegistry(ctx, ref.domain);
  const found = remoteImage(registry, ref.path, ref);
  if (found) return found;
  const name = familiarName(ref);
  const manifestUnknown = `not found: manifest unknown: manifest unknown`;
  // A registry container answers MANIFEST_UNKNOWN even for a repository it never had; the Hub
  // hides repositories that do not exist behind "pull access denied".
  if (!registry.hub || remoteRepositoryExists(registry, ref.path)) {
    throw notFound(`manifest for ${ref.digest ? `${name}@${ref.digest}` : `${name}:${ref.tag ?? "latest"}`} ${manifestUnknown}`);
  }
  throw notFound(
    `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
  );
}

/** After a pull, the daemon remembers each layer's blob and the repository it came from. */
export function rememberPulledLayers(ctx: EngineContext, ref: ImageReference, layers: CatalogLayer[]): void {
  const metadata = new DistributionMetadata(ctx);
  const repository = `${ref.domain}/${ref.path}`;
  for (const layer of layers) metadata.add(layer.diffId, { Digest: layer.digest, SourceRepository: repository });
}
