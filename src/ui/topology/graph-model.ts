import type { Edge, Node } from "@xyflow/react";

// React Flow wants node data as plain records, hence type aliases rather than interfaces.
export type NetworkNodeData = { name: string; subnet: string; driver: string };
export type ContainerNodeData = { name: string; image: string; state: string };
export type HostNodeData = { label: string };
export type VolumeNodeData = { name: string };

export type NetworkNode = Node<NetworkNodeData, "network">;
export type ContainerNode = Node<ContainerNodeData, "container">;
export type HostNode = Node<HostNodeData, "host">;
export type VolumeNode = Node<VolumeNodeData, "volume">;
export type TopologyNode = NetworkNode | ContainerNode | HostNode | VolumeNode;

export type PortEdgeData = { label: string; container: string };
export type PortEdge = Edge<PortEdgeData, "port">;
/** Container to a second network, or volume to the container that mounts it. */
export type LinkEdge = Edge<Record<string, never>, "default">;
export type TopologyEdge = PortEdge | LinkEdge;

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

export const HOST_NODE_ID = "host";
export const networkNodeId = (id: string): string => `network:${id}`;
export const containerNodeId = (id: string): string => `container:${id}`;
export const volumeNodeId = (name: string): string => `volume:${name}`;
