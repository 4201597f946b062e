// The order the panels and the graph list things in, matching the CLI's list commands.
import type { ContainerView, ImageView, NetworkView, VolumeView } from "../protocol/index.js";
import { containerName } from "./resource-format.js";

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** docker ps: newest first; the name breaks ties so the order never flickers. */
export function orderContainers(containers: readonly ContainerView[]): ContainerView[] {
  return [...containers].sort((a, b) => b.created - a.created || byName(containerName(a), containerName(b)));
}

/** docker images: newest first. */
export function orderImages(images: readonly ImageView[]): ImageView[] {
  return [...images].sort((a, b) => b.created - a.created || byName(a.id, b.id));
}

/** docker volume ls: by name. */
export function orderVolumes(volumes: readonly VolumeView[]): VolumeView[] {
  return [...volumes].sort((a, b) => byName(a.name, b.name));
}

/** docker network ls: by name. */
export function orderNetworks(networks: readonly NetworkView[]): NetworkView[] {
  return [...networks].sort((a, b) => byName(a.name, b.name));
}
