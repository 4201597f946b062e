import { Handle, Position } from "@xyflow/react";
import type { NodeProps } from "@xyflow/react";
import type { JSX } from "react";
import type { HostNode as HostNodeModel } from "./graph-model.js";

/** The learner's machine: where published ports open, and where the terminal's shell runs. */
export function HostNode({ data }: NodeProps<HostNodeModel>): JSX.Element {
  return (
    <div className="graph-node graph-host" data-testid="graph-node" data-kind="host" data-name={data.label}>
      <span aria-hidden="true">⌂</span> {data.label}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
