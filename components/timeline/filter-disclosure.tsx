import type { ReactNode } from "react";

/**
 * The filter panel in a disclosure, rendered closed: a phone shows the timeline first and
 * opens the panel with the summary, with or without JavaScript. On wide screens
 * (app/globals.css) the summary is hidden and the closed content is shown by styling
 * `::details-content`, so nothing changes after the page loads: no script folds the panel
 * after hydration (that was a layout shift of 0.59 on a phone, issue 15). A server
 * component, so the panel's markup is not repeated as client props.
 */
export function FilterDisclosure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="filters-disclosure">
      <summary>{label}</summary>
      {children}
    </details>
  );
}
