// Small builders for WorldView records, for the UI's unit tests.
import type { ContainerView, ImageView, NetworkView, VolumeView, WorldView } from "../protocol/index.js";

export function container(name: string, overrides: Partial<ContainerView> = {}): ContainerView {
  return {
    id: `${name}-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab`.slice(0, 64),
    name,
    image: "nginx",
    command: "nginx -g 'daemon off;'",
    state: "running",
    status: "Up 2 minutes",
    created: 1_700_000_000,
    ports: [],
    networks: [{ name: "bridge", ipAddress: "172.17.0.2" }],
    mounts: [],
    ...overrides,
  };
}

export function image(tag: string, overrides: Partial<ImageView> = {}): ImageView {
  return { id: `sha256:${tag.length}abcdef0123456789`, tags: [tag], size: 187_654_321, created: 1, ...overrides };
}

export function volume(name: string): VolumeView {
  return { name, driver: "local", mountpoint: `/var/lib/docker/volumes/${name}/_data` };
}

export function network(name: string, subnet = "", overrides: Partial<NetworkView> = {}): NetworkView {
  const driver = name === "host" ? "host" : name === "none" ? "null" : "bridge";
  return { id: `${name}-net-id-0123456789`, name, driver, subnet, gateway: "", ...overrides };
}

/** What a fresh engine has: the three predefined networks and nothing else. */
export function freshWorld(overrides: Partial<WorldView> = {}): WorldView {
  return {
    containers: [],
    images: [],
    volumes: [],
    networks: [network("bridge", "172.17.0.0/16"), network("host"), network("none")],
    ...overrides,
  };
}
