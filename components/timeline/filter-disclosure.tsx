"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** The width below which the filters sit above the timeline (matches app/globals.css). */
const NARROW = "(max-width: 52rem)";

/**
 * The filter panel in a disclosure: open when rendered (so it works without JavaScript), and
 * folded on narrow screens once JavaScript runs, so a phone shows the timeline first. On
 * wide screens the summary is hidden and the panel always shows.
 */
export function FilterDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(NARROW).matches) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} className="filters-disclosure" open>
      <summary>{label}</summary>
      {children}
    </details>
  );
}
