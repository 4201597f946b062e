import type { JSX } from "react";
import type { PanelAction } from "../docker-commands.js";
import { runCommand } from "../session.js";
import { usePlayground } from "../store.js";

interface ActionButtonsProps {
  /** The thing acted on, for screen readers: "Stop web". */
  subject: string;
  actions: PanelAction[];
}

/** Buttons that type their docker command into the terminal; the tooltip shows it beforehand. */
export function ActionButtons({ subject, actions }: ActionButtonsProps): JSX.Element | null {
  const ready = usePlayground((s) => s.status === "ready");
  if (actions.length === 0) return null;
  return (
    <div className="row-actions">
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          className={action.label === "Remove" ? "button small danger" : "button small"}
          title={action.command}
          aria-label={`${action.label} ${subject}`}
          data-command={action.command}
          disabled={!ready}
          onClick={() => runCommand(action.command)}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
