// Where a reference's domain leads: Docker Hub (the official catalog plus what learners push),
// or a registry container reached through a published port on localhost. Anything else fails
// the way dockerd's HTTP client fails to reach it.
import type { ContainerRecord } from "../containers/container-record.js";
import type { EngineContext } from "../engine-context.js";
import { systemError } from "../errors.js";
import { catalogRepository, lookupCatalog, lookupCatalogByDigest, type CatalogImage } from "../images/index.js";
import type { VolumeRecord } from "../volumes/volume-service.js";
import { isHubHost } from "./docker-hub.js";
import { RegistryStore, registryKeys } from "./registry-store.js";

export interface RemoteRegistry {
  /** The reference domain: "docker.io" or "localhost:5000". */
  domain: string;
  hub: boolean;
  store: RegistryStore;
  /** The registry container serving it (not for the Hub). */
  container?: ContainerRecord;
}

/** A manifest a registry serves, in the catalog's shape so a pull can stream it. */
export type RemoteImage = CatalogImage;

const registryDataPath = "/var/lib/registry";
const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

function splitHost(domain: string): { host: string; port: string | undefined } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(domain);
  return { host: match?.[1] ?? domain, port: match?.[2] };
}

/**
 * dockerd tries https first; for localhost (an insecure registry by default, 127.0.0.0/8) it
 * falls back to plain http and reports that last attempt. Go dials ::1 first for "localhost".
 */
export function unreachableMessage(domain: string, path = "/v2/"): string {
  const { host, port } = splitHost(domain);
  if (loopbackHosts.has(host)) {
    const address = host === "localhost" ? "[::1]" : host;
    return `Get "http://${domain}${path}": dial tcp ${address}:${port ?? "80"}: connect: connection refused`;
  }
  return `Get "https://${domain}${path}": dial tcp: lookup ${host}: no such host`;
}

function isRegistryProcess(c: ContainerRecord): boolean {
  const argv = [c.Path, ...c.Args];
  const base = (argv[0] ?? "").slice((argv[0] ?? "").lastIndexOf("/") + 1);
  if (base === "registry") return true;
  const config = argv[1] ?? "";
  return (base === "entrypoint.sh" || base === "docker-entrypoint.sh") && /^\/etc\/(distribution|docker\/registry)\//.test(config);
}

/** A running registry container with its port 5000 published on `port` of the host's loopback. */
function registryContainer(ctx: EngineContext, port: string): ContainerRecord | undefined {
  const reachable = ["", "0.0.0.0", "::", "127.0.0.1", "::1"];
  return ctx.store
    .values<ContainerRecord>("container")
    .filter((c) => c.State.Running && !c.State.Paused && isRegistryProcess(c))
    .find((c) => (c.Ports["5000/tcp"] ?? []).some((b) => b.HostPort === port && reachable.includes(b.HostIp)));
}

/** Where a registry container keeps its data: the volume or bind at /var/lib/registry, else itself. */
export function storageKey(c: ContainerRecord): string {
  const mount = c.Mounts.find((m) => m.Destination === registryDataPath);
  if (mount?.Type === "volume" && mount.Name) return `volume:${mount.Name}`;
  if (mount?.Type === "bind") return `bind:${mount.Source}`;
  return `container:${c.Id}`;
}

/** Forgets registry storage whose volume or container is gone (a new one of the same name starts empty). */
function sweep(ctx: EngineContext): void {
  for (const key of registryKeys(ctx)) {
    const [kind, ...rest] = key.split(":");
    const name = rest.join(":");
    const gone =
      (kind === "volume" && !ctx.store.get<VolumeRecord>("volume", name)) ||
      (kind === "container" && !ctx.store.get<ContainerRecord>("container", name));
    if (gone) ctx.store.remove("registry", key);
  }
}

/** The registry a domain names, or dockerd's connection error (500) when nothing answers there. */
export function connectRegistry(ctx: EngineContext, domain: string, path = "/v2/"): RemoteRegistry {
  if (isHubHost(domain)) return { domain: "docker.io", hub: true, store: new RegistryStore(ctx, "docker.io") };
  const { host, port } = splitHost(domain);
  const container = loopbackHosts.has(host) ? registryContainer(ctx, port ?? "80") : undefined;
  if (!container) throw systemError(unreachableMessage(domain, path));
  sweep(ctx);
  return { domain, hub: false, store: new RegistryStore(ctx, storageKey(container)), container };
}

/** The image a tag or digest of a repository points at, if the registry has it. */
export function remoteImage(registry: RemoteRegistry, path: string, reference: { tag?: string; digest?: string }): RemoteImage | undefined {
  if (registry.hub && path.startsWith("library/")) {
    return reference.digest ? lookupCatalogByDigest(path, reference.digest) : lookupCatalog(path, reference.tag ?? "latest");
  }
  const found = registry.store.manifest(path, reference);
  if (!found) return undefined;
  return { manifestDigest: found.digest, image: structuredClone(found.manifest.image), layers: structuredClone(found.manifest.layers) };
}

/** Whether a repository exists (the Hub answers "pull access denied" for ones that do not). */
export function remoteRepositoryExists(registry: RemoteRegistry, path: string): boolean {
  if (registry.hub && path.startsWith("library/")) return catalogRepository(path) !== undefined;
  return registry.store.repository(path) !== undefined;
}

/** Whether a repository in the registry has a blob (per-repository, as registries answer HEAD). */
export function remoteHasBlob(registry: RemoteRegistry, path: string, digest: string): boolean {
  if (registry.hub && path.startsWith("library/")) return officialBlobs(path).has(digest);
  return registry.store.hasBlob(path, digest);
}

const blobsByRepository = new Map<string, Set<string>>();

/** The blob digests of every tag of an official repository, computed once per repository. */
function officialBlobs(path: string): Set<string> {
  let blobs = blobsByRepository.get(path);
  if (!blobs) {
    const tags = catalogRepository(path)?.tags ?? [];
    blobs = new Set(tags.flatMap((tag) => lookupCatalog(path, tag)?.layers.map((l) => l.digest) ?? []));
    blobsByRepository.set(path, blobs);
  }
  return blobs;
}
