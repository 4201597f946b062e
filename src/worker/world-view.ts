// The UI's view of the engine, computed here from the Engine API (the UI never computes it),
// and the per-record changes between two views.
import type { DockerClient } from "../client/index.js";
import type { ContainerView, ImageView, NetworkView, VolumeView, WorldChange, WorldView } from "../protocol/index.js";

export async function readWorld(client: DockerClient): Promise<WorldView> {
  const [containers, images, volumes, networks] = await Promise.all([
    client.containerList({ all: true }),
    client.imageList(),
    client.volumeList(),
    client.networkList(),
  ]);
  return {
    containers: containers.map(
      (c): ContainerView => ({
        id: c.Id,
        name: (c.Names[0] ?? "").replace(/^\//, ""),
        image: c.Image,
        command: c.Command,
        state: c.State,
        status: c.Status,
        created: c.Created,
        ports: c.Ports.filter((p) => p.PublicPort !== undefined).map((p) => ({
          hostIp: p.IP ?? "",
          hostPort: p.PublicPort ?? 0,
          containerPort: p.PrivatePort,
          protocol: p.Type,
        })),
        networks: Object.entries(c.NetworkSettings.Networks).map(([name, e]) => ({ name, ipAddress: e.IPAddress })),
        mounts: c.Mounts.map((m) => ({ type: m.Type, name: m.Name ?? m.Source, destination: m.Destination })),
      }),
    ),
    images: images.map((i): ImageView => ({ id: i.Id, tags: i.RepoTags, size: i.Size, created: i.Created })),
    volumes: (volumes.Volumes ?? []).map((v): VolumeView => ({ name: v.Name, driver: v.Driver, mountpoint: v.Mountpoint })),
    networks: networks.map(
      (n): NetworkView => ({
        id: n.Id,
        name: n.Name,
        driver: n.Driver,
        subnet: n.IPAM.Config[0]?.Subnet ?? "",
        gateway: n.IPAM.Config[0]?.Gateway ?? "",
      }),
    ),
  };
}

function diffKind<K extends WorldChange["kind"], T>(kind: K, before: T[], after: T[], key: (item: T) => string): WorldChange[] {
  const old = new Map(before.map((item) => [key(item), JSON.stringify(item)]));
  const changes: WorldChange[] = [];
  const seen = new Set<string>();
  for (const item of after) {
    const id = key(item);
    seen.add(id);
    if (old.get(id) !== JSON.stringify(item)) changes.push({ kind, id, value: item } as WorldChange);
  }
  for (const id of old.keys()) if (!seen.has(id)) changes.push({ kind, id, value: null } as WorldChange);
  return changes;
}

export function diffWorld(before: WorldView, after: WorldView): WorldChange[] {
  return [
    ...diffKind("container", before.containers, after.containers, (c) => c.id),
    ...diffKind("image", before.images, after.images, (i) => i.id),
    ...diffKind("volume", before.volumes, after.volumes, (v) => v.name),
    ...diffKind("network", before.networks, after.networks, (n) => n.id),
  ];
}
