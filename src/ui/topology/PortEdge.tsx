import { BaseEdge, EdgeLabelRenderer, getBezierPath } from "@xyflow/react";
import type { EdgeProps } from "@xyflow/react";
import type { JSX } from "react";
import type { PortEdge as PortEdgeModel } from "./graph-model.js";

/** A published port: host to container, labelled `8080→80/tcp`. */
export function PortEdge(props: EdgeProps<PortEdgeModel>): JSX.Element {
  const [path, labelX, labelY] = getBezierPath(props);
  return (
    <>
      <BaseEdge id={props.id} path={path} className="port-edge-path" />
      <EdgeLabelRenderer>
        <div
          className="port-edge-label nodrag nopan"
          data-testid="port-edge"
          data-container={props.data?.container}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {props.data?.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
