import { Suspense, lazy } from "react";
import type { JSX } from "react";
import { usePlayground } from "./store.js";

// React Flow is the heaviest dependency: it loads after the engine is ready, off the critical path.
const TopologyGraph = lazy(() => import("./TopologyGraph.js").then((m) => ({ default: m.TopologyGraph })));

function Placeholder(): JSX.Element {
  return <div className="graph-placeholder">Loading graph…</div>;
}

export function GraphPane(): JSX.Element {
  const hasWorld = usePlayground((s) => s.hasWorld);
  return (
    <section className="graph-pane" aria-label="Topology">
      <h2 className="pane-title">Topology</h2>
      {hasWorld ? (
        <Suspense fallback={<Placeholder />}>
          <TopologyGraph />
        </Suspense>
      ) : (
        <Placeholder />
      )}
    </section>
  );
}
