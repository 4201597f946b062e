import { Suspense, lazy, useEffect, useState } from "react";
import type { JSX } from "react";
import { PreviewPane } from "./PreviewPane.js";
import { usePlayground } from "./store.js";

// React Flow is the heaviest dependency: it loads once the terminal has drawn its first
// prompt, off the critical path.
const TopologyGraph = lazy(() => import("./TopologyGraph.js").then((m) => ({ default: m.TopologyGraph })));

/** True a moment after `active` turns true: long enough for the terminal's first prompt to paint. */
function useAfterFirstPaint(active: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!active || after) return;
    const timer = window.setTimeout(() => setAfter(true), 600);
    return () => window.clearTimeout(timer);
  }, [active, after]);
  return after;
}

function Placeholder(): JSX.Element {
  return <div className="graph-placeholder">Loading graph…</div>;
}

type Tab = "topology" | "preview";

export function GraphPane(): JSX.Element {
  const hasWorld = useAfterFirstPaint(usePlayground((s) => s.hasWorld));
  const [tab, setTab] = useState<Tab>("topology");
  return (
    <section className="graph-pane" aria-label={tab === "topology" ? "Topology" : "Preview"}>
      <div className="pane-tabs" role="tablist">
        {(["topology", "preview"] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={`pane-tab${tab === t ? " active" : ""}`} onClick={() => setTab(t)} data-testid={`tab-${t}`}>
            {t === "topology" ? "Topology" : "Preview"}
          </button>
        ))}
      </div>
      {tab === "preview" ? (
        <PreviewPane />
      ) : hasWorld ? (
        <Suspense fallback={<Placeholder />}>
          <TopologyGraph />
        </Suspense>
      ) : (
        <Placeholder />
      )}
    </section>
  );
}
