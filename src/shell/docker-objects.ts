// The daemon's objects as Tab completion lists them, read through the Docker client (the same
// calls docker's completion makes: container, image, network and volume lists).
import type { DockerClient } from "../client/index.js";
import type { DockerObjects } from "./docker-completion.js";

export function clientObjects(client: () => DockerClient): DockerObjects {
  return {
    containers: async () =>
      (await client().containerList({ all: true })).map((c) => ({
        id: c.Id,
        names: c.Names.map((n) => n.replace(/^\//, "")),
        state: c.State,
        networks: Object.keys(c.NetworkSettings.Networks),
      })),
    images: async () => (await client().imageList()).flatMap((i) => i.RepoTags ?? []).filter((t) => t !== "<none>:<none>"),
    networks: async () => (await client().networkList()).map((n) => n.Name),
    volumes: async () => ((await client().volumeList()).Volumes ?? []).map((v) => v.Name),
  };
}
