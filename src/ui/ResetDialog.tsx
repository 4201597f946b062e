import { useEffect, useRef } from "react";
import type { JSX } from "react";

interface ResetDialogProps {
  open: boolean;
  onConfirm(): void;
  onClose(): void;
}

/** A native modal dialog: focus trapping, Escape and the backdrop come from the browser. */
export function ResetDialog({ open, onConfirm, onClose }: ResetDialogProps): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="reset-title"
      aria-describedby="reset-description"
      onClose={onClose}
    >
      <h2 id="reset-title">Reset the playground?</h2>
      <p id="reset-description">
        Every container, image, volume and network you created is removed, and the playground starts fresh. This
        cannot be undone.
      </p>
      <div className="dialog-actions">
        {/* The safe choice has the focus, so Enter never wipes the playground by accident. */}
        <button type="button" className="button" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          Reset
        </button>
      </div>
    </dialog>
  );
}
