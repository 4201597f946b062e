import "@xyflow/react/dist/style.css";
import "./topology/topology.css";
import { Controls, ReactFlow, ReactFlowProvider, useReactFlow } from "@xyflow/react";
import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import type { JSX } from "react";
import { usePlayground } from "./store.js";
import { ContainerNode } from "./topology/ContainerNode.js";
import { HostNode } from "./topology/HostNode.js";
import { NetworkGroupNode } from "./topology/NetworkGroupNode.js";
import { PortEdge } from "./topology/PortEdge.js";
import { VolumeNode } from "./topology/VolumeNode.js";
import { layoutTopology } from "./topology/graph-layout.js";
import type { Topology } from "./topology/graph-model.js";

// Defined once, outside render: React Flow remounts every node when these objects change.
const nodeTypes: NodeTypes = {
  network: NetworkGroupNode,
  container: ContainerNode,
  host: HostNode,
  volume: VolumeNode,
};
const edgeTypes: EdgeTypes = { port: PortEdge };
const fitOptions = { padding: 0.15, maxZoom: 1 };

/** Keeps the whole picture in view whenever it changes or its pane is resized. */
function useFitOnChange(topology: Topology, pane: HTMLElement | null): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView(fitOptions));
    return () => cancelAnimationFrame(frame);
  }, [topology, fitView]);
  useEffect(() => {
    if (!pane) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView(fitOptions));
    });
    observer.observe(pane);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [pane, fitView]);
}

function Graph(): JSX.Element {
  const world = usePlayground((s) => s.world);
  const topology = useMemo(() => layoutTopology(world), [world]);
  const [pane, setPane] = useState<HTMLDivElement | null>(null);
  useFitOnChange(topology, pane);
  return (
    <div className="topology" data-testid="topology" ref={setPane}>
      <ReactFlow
        nodes={topology.nodes}
        edges={topology.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode="dark"
        fitView
        fitViewOptions={fitOptions}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        minZoom={0.2}
        aria-label="Topology graph"
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** The world as a picture: networks framing their containers, volumes below, ports to the host. */
export function TopologyGraph(): JSX.Element {
  return (
    <ReactFlowProvider>
      <Graph />
    </ReactFlowProvider>
  );
}
