import type { JSX } from "react";
import { takeOver } from "./session.js";
import { usePlayground } from "./store.js";

interface Screen {
  title: string;
  body: string;
  action: { label: string; run(): void };
}

function screenFor(status: string, error: string | null): Screen | null {
  switch (status) {
    case "not-owner":
      return {
        title: "The playground is open in another tab",
        body:
          "Only one tab can run the playground at a time, so your work is never overwritten. " +
          "Use it here, and the other tab will stop.",
        action: { label: "Use it here", run: takeOver },
      };
    case "taken-over":
      return {
        title: "The playground was opened in another tab",
        body: "This tab has stopped so the two do not overwrite each other. Everything you did here is saved.",
        action: { label: "Take it back", run: takeOver },
      };
    case "version-mismatch":
      return {
        title: "The playground needs a reload",
        body: error ?? "This page and its engine are different versions.",
        action: { label: "Reload", run: () => location.reload() },
      };
    case "fatal":
      return {
        title: "The engine stopped",
        body: error ?? "Something went wrong inside the engine.",
        action: { label: "Reload", run: () => location.reload() },
      };
    default:
      return null;
  }
}

/** Covers the app when this tab cannot run the playground, and says what to do about it. */
export function BlockingScreen(): JSX.Element | null {
  const status = usePlayground((s) => s.status);
  const error = usePlayground((s) => s.error);
  const screen = screenFor(status, error);
  if (!screen) return null;
  return (
    <div className="blocking" data-testid="blocking-screen" data-status={status}>
      <div
        className="blocking-card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="blocking-title"
        aria-describedby="blocking-body"
      >
        <h2 id="blocking-title">{screen.title}</h2>
        <p id="blocking-body">{screen.body}</p>
        <button type="button" className="button primary" autoFocus onClick={screen.action.run}>
          {screen.action.label}
        </button>
      </div>
    </div>
  );
}
