import { Handle, Position } from "@xyflow/react";
import type { NodeProps } from "@xyflow/react";
import type { JSX } from "react";
import type { VolumeNode as VolumeNodeModel } from "./graph-model.js";

export function VolumeNode({ data }: NodeProps<VolumeNodeModel>): JSX.Element {
  return (
    <div className="graph-node graph-volume" data-testid="graph-node" data-kind="volume" data-name={data.name}>
      <Handle type="source" position={Position.Top} isConnectable={false} />
      <span aria-hidden="true">▤</span> <span className="graph-volume-name">{data.name}</span>
    </div>
  );
}
