import type { WorldChange, WorldView } from "../protocol/index.js";

export const emptyWorld: WorldView = { containers: [], images: [], volumes: [], networks: [] };

/**
 * Puts or removes one record in a list, keeping the other records' order and identity so React
 * re-renders only the rows that changed. A record that is new goes to the end.
 */
function upsert<T>(list: T[], id: string, value: T | null, keyOf: (item: T) => string): T[] {
  const index = list.findIndex((item) => keyOf(item) === id);
  if (value === null) {
    return index === -1 ? list : [...list.slice(0, index), ...list.slice(index + 1)];
  }
  if (index === -1) return [...list, value];
  const next = list.slice();
  next[index] = value;
  return next;
}

/** Applies the worker's deltas to a world view; the input is never mutated. */
export function applyChanges(world: WorldView, changes: readonly WorldChange[]): WorldView {
  let { containers, images, volumes, networks } = world;
  for (const change of changes) {
    switch (change.kind) {
      case "container":
        containers = upsert(containers, change.id, change.value, (c) => c.id);
        break;
      case "image":
        images = upsert(images, change.id, change.value, (i) => i.id);
        break;
      case "volume":
        volumes = upsert(volumes, change.id, change.value, (v) => v.name);
        break;
      case "network":
        networks = upsert(networks, change.id, change.value, (n) => n.id);
        break;
    }
  }
  if (
    containers === world.containers &&
    images === world.images &&
    volumes === world.volumes &&
    networks === world.networks
  ) {
    return world;
  }
  return { containers, images, volumes, networks };
}
