import type { JSX } from "react";
import { BlockingScreen } from "./BlockingScreen.js";
import { GraphPane } from "./GraphPane.js";
import { ResourcePanels } from "./ResourcePanels.js";
import { RestoreNotice } from "./RestoreNotice.js";
import { Terminal } from "./Terminal.js";
import { TopBar } from "./TopBar.js";
import { usePlayground } from "./store.js";

export function App(): JSX.Element {
  const status = usePlayground((s) => s.status);
  const blocked = status !== "ready" && status !== "connecting";
  return (
    <>
      <div className="app" inert={blocked}>
        <TopBar />
        <RestoreNotice />
        <main className="workspace">
          <div className="terminal-pane">
            {status === "connecting" && (
              <div className="starting" role="status" data-testid="starting">
                Starting engine…
              </div>
            )}
            <Terminal />
          </div>
          <div className="side-pane">
            <ResourcePanels />
            <GraphPane />
          </div>
        </main>
      </div>
      <BlockingScreen />
    </>
  );
}
