import { Handle, Position } from "@xyflow/react";
import type { NodeProps } from "@xyflow/react";
import type { JSX } from "react";
import type { NetworkNode } from "./graph-model.js";

/** A network, drawn as a frame around the containers whose first network it is. */
export function NetworkGroupNode({ data }: NodeProps<NetworkNode>): JSX.Element {
  return (
    <div className="graph-node graph-network" data-testid="graph-node" data-kind="network" data-name={data.name}>
      <Handle type="target" position={Position.Left} id="left" isConnectable={false} />
      <Handle type="target" position={Position.Right} id="right" isConnectable={false} />
      <div className="graph-network-title">{data.name}</div>
      <div className="graph-network-meta">{data.subnet || data.driver}</div>
    </div>
  );
}
