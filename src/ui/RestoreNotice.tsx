import type { JSX } from "react";
import { usePlayground } from "./store.js";

/** Says, without blocking anything, that the saved playground could not be brought back. */
export function RestoreNotice(): JSX.Element | null {
  const notice = usePlayground((s) => s.restoreNotice);
  const dismiss = usePlayground((s) => s.dismissRestoreNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="status" data-testid="restore-notice">
      <span>{notice}</span>
      <button type="button" className="button small" aria-label="Dismiss notice" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
