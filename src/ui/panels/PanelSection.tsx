import type { JSX, ReactNode } from "react";

interface PanelSectionProps {
  label: string;
  count: number;
  /** What to say when the list is empty: a hint at the command that fills it. */
  empty: ReactNode;
  children: ReactNode;
}

export function PanelSection({ label, count, empty, children }: PanelSectionProps): JSX.Element {
  const headingId = `panel-${label.toLowerCase()}`;
  return (
    <section className="panel" aria-label={label}>
      <header className="panel-header">
        <h2 id={headingId}>{label}</h2>
        <span className="panel-count" data-testid="panel-count">
          {count}
        </span>
      </header>
      {count === 0 ? (
        <p className="panel-empty">{empty}</p>
      ) : (
        <ul className="panel-rows" aria-labelledby={headingId}>
          {children}
        </ul>
      )}
    </section>
  );
}
