import { Handle, Position } from "@xyflow/react";
import type { NodeProps } from "@xyflow/react";
import type { JSX } from "react";
import { stateTone } from "../resource-format.js";
import type { ContainerNode as ContainerNodeModel } from "./graph-model.js";

export function ContainerNode({ data }: NodeProps<ContainerNodeModel>): JSX.Element {
  return (
    <div
      className={`graph-node graph-container tone-${stateTone(data.state)}`}
      data-testid="graph-node"
      data-kind="container"
      data-name={data.name}
      data-state={data.state}
      title={`${data.name} (${data.image}): ${data.state}`}
    >
      <Handle type="target" position={Position.Top} id="top" isConnectable={false} />
      <Handle type="target" position={Position.Bottom} id="bottom" isConnectable={false} />
      <Handle type="source" position={Position.Left} id="left" isConnectable={false} />
      <Handle type="source" position={Position.Right} id="right" isConnectable={false} />
      <span className="graph-state-dot" aria-hidden="true" />
      <span className="graph-container-text">
        <span className="graph-container-name">{data.name}</span>
        <span className="graph-container-image">{data.image}</span>
      </span>
    </div>
  );
}
