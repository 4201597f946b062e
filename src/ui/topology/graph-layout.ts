// A deterministic grid: the host on top, one column per network with its containers stacked
// inside, volumes in a row underneath. The same world always gives the same picture, and a
// new container only adds to the bottom of its column.
import type { ContainerView, NetworkView, WorldView } from "../../protocol/index.js";
import { portEdgeLabel, publishedPorts } from "../port-format.js";
import { containerName } from "../resource-format.js";
import { orderContainers, orderNetworks } from "../world-order.js";
import { HOST_NODE_ID, containerNodeId, networkNodeId, volumeNodeId } from "./graph-model.js";
import type { Topology, TopologyEdge, TopologyNode } from "./graph-model.js";

export const size = {
  container: { width: 180, height: 52 },
  host: { width: 160, height: 48 },
  volume: { width: 160, height: 44 },
  networkPadding: 16,
  networkHeader: 48,
  rowGap: 12,
  columnGap: 48,
  // Room between rows for the port labels and mount edges.
  bandGap: 88,
};

const columnWidth = size.container.width + 2 * size.networkPadding;

/** bridge first (where docker run puts containers), user networks by name, then host and none. */
function graphNetworks(networks: readonly NetworkView[], used: ReadonlySet<string>): NetworkView[] {
  const ranks: Record<string, number> = { bridge: 0, host: 2, none: 3 };
  const rank = (n: NetworkView): number => ranks[n.name] ?? 1;
  // host and none are always there in Docker; drawn only when something uses them.
  const shown = networks.filter((n) => (n.name !== "host" && n.name !== "none") || used.has(n.name));
  return orderNetworks(shown).sort((a, b) => rank(a) - rank(b));
}

function columnHeight(members: number): number {
  const rows = Math.max(members, 1);
  return size.networkHeader + rows * (size.container.height + size.rowGap) - size.rowGap + size.networkPadding;
}

function containerNode(c: ContainerView, x: number, y: number, parentId?: string): TopologyNode {
  const node: TopologyNode = {
    id: containerNodeId(c.id),
    type: "container",
    position: { x, y },
    width: size.container.width,
    height: size.container.height,
    data: { name: containerName(c), image: c.image, state: c.state },
  };
  return parentId === undefined ? node : { ...node, parentId };
}

export function layoutTopology(world: WorldView): Topology {
  // Oldest first, so a new container lands at the bottom and nothing above it moves.
  const containers = orderContainers(world.containers).reverse();
  const used = new Set(containers.flatMap((c) => c.networks.map((n) => n.name)));
  const networks = graphNetworks(world.networks, used);
  const byName = new Map(networks.map((n) => [n.name, n]));
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const top = size.host.height + size.bandGap;

  const members = new Map<string, ContainerView[]>(networks.map((n) => [n.id, []]));
  const loose: ContainerView[] = [];
  for (const c of containers) {
    const attached = c.networks.map((n) => byName.get(n.name)).filter((n) => n !== undefined);
    const primary = attached[0];
    if (primary) members.get(primary.id)?.push(c);
    else loose.push(c);
    for (const other of attached.slice(1)) {
      // Leave the container on the side facing the other network's column.
      const rightward = primary !== undefined && networks.indexOf(other) > networks.indexOf(primary);
      edges.push({
        id: `link:${c.id}:${other.id}`,
        source: containerNodeId(c.id),
        sourceHandle: rightward ? "right" : "left",
        target: networkNodeId(other.id),
        targetHandle: rightward ? "left" : "right",
        className: "network-edge",
      });
    }
  }

  let x = 0;
  let bottom = top;
  networks.forEach((network) => {
    const inside = members.get(network.id) ?? [];
    const height = columnHeight(inside.length);
    const id = networkNodeId(network.id);
    nodes.push({
      id,
      type: "network",
      position: { x, y: top },
      width: columnWidth,
      height,
      data: { name: network.name, subnet: network.subnet, driver: network.driver },
    });
    inside.forEach((c, row) => {
      const y = size.networkHeader + row * (size.container.height + size.rowGap);
      nodes.push(containerNode(c, size.networkPadding, y, id));
    });
    bottom = Math.max(bottom, top + height);
    x += columnWidth + size.columnGap;
  });
  // Containers on no network we know of (e.g. mid-removal) get a column of their own, unframed.
  loose.forEach((c, row) => {
    const y = top + size.networkHeader + row * (size.container.height + size.rowGap);
    nodes.push(containerNode(c, x + size.networkPadding, y));
    bottom = Math.max(bottom, y + size.container.height);
  });
  const width = loose.length > 0 ? x + columnWidth : Math.max(x - size.columnGap, columnWidth);

  nodes.unshift({
    id: HOST_NODE_ID,
    type: "host",
    position: { x: (width - size.host.width) / 2, y: 0 },
    width: size.host.width,
    height: size.host.height,
    data: { label: "host" },
  });

  for (const c of containers) {
    for (const port of publishedPorts(c.ports)) {
      const label = portEdgeLabel(port);
      edges.push({
        id: `port:${c.id}:${label}`,
        type: "port",
        source: HOST_NODE_ID,
        target: containerNodeId(c.id),
        targetHandle: "top",
        data: { label, container: containerName(c) },
      });
    }
  }

  const volumeNames = new Set(world.volumes.map((v) => v.name).sort());
  for (const c of containers) {
    for (const m of c.mounts) if (m.type === "volume") volumeNames.add(m.name);
  }
  [...volumeNames].forEach((name, i) => {
    nodes.push({
      id: volumeNodeId(name),
      type: "volume",
      position: { x: i * (size.volume.width + 32), y: bottom + size.bandGap },
      width: size.volume.width,
      height: size.volume.height,
      data: { name },
    });
  });
  for (const c of containers) {
    for (const m of c.mounts) {
      if (m.type !== "volume") continue;
      edges.push({
        id: `mount:${c.id}:${m.name}:${m.destination}`,
        source: volumeNodeId(m.name),
        target: containerNodeId(c.id),
        targetHandle: "bottom",
        className: "mount-edge",
      });
    }
  }
  return { nodes, edges };
}
