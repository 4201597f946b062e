import { useState } from "react";
import type { JSX } from "react";
import { setScreenReaderMode, useScreenReaderMode } from "./preferences.js";
import { ResetDialog } from "./ResetDialog.js";
import type { ConnectionStatus } from "./store.js";
import { resetPlayground } from "./session.js";
import { usePlayground } from "./store.js";

const statusText: Record<ConnectionStatus, string> = {
  connecting: "Starting engine…",
  ready: "Engine running",
  "version-mismatch": "Version mismatch",
  fatal: "Engine stopped",
  "not-owner": "Open in another tab",
  "taken-over": "Open in another tab",
};

export function TopBar(): JSX.Element {
  const status = usePlayground((s) => s.status);
  const [confirming, setConfirming] = useState(false);
  const screenReader = useScreenReaderMode();
  return (
    <header className="topbar">
      <h1 className="topbar-title">
        <span className="topbar-logo" aria-hidden="true">
          ▣
        </span>
        Docker Playground
      </h1>
      <span
        className={`engine-status status-${status}`}
        data-testid="engine-status"
        data-status={status}
        aria-live="polite"
      >
        <span className="engine-status-dot" aria-hidden="true" />
        {statusText[status]}
      </span>
      <label className="topbar-toggle">
        <input type="checkbox" checked={screenReader} onChange={(e) => setScreenReaderMode(e.currentTarget.checked)} />
        Screen reader mode
      </label>
      <button
        type="button"
        className="button"
        disabled={status !== "ready"}
        onClick={() => setConfirming(true)}
      >
        Reset playground
      </button>
      <ResetDialog open={confirming} onConfirm={resetPlayground} onClose={() => setConfirming(false)} />
    </header>
  );
}
