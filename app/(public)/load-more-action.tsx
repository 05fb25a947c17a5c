"use server";

import type { ReactNode } from "react";
import { Timeline } from "@/components/timeline/timeline";
import { timelineHref } from "@/lib/timeline/links";
import { loadTimelinePage } from "@/lib/timeline/page-data";

/**
 * The next page of the timeline as rendered cards, for the "Load more" button: the same
 * query string the plain link carries, so both paths show exactly the same events.
 */
export async function loadMoreEvents(search: string): Promise<{ content: ReactNode; next: string | null; count: number }> {
  const data = await loadTimelinePage(search);
  const cursor = new URLSearchParams(search).get("cursor") ?? "start";
  return {
    content: <Timeline events={data.view.events} idPrefix={`p${cursor.replace(/[^\w-]/g, "")}-`} />,
    next: data.view.nextCursor ? timelineHref(data.filters, { cursor: data.view.nextCursor }) : null,
    count: data.view.events.length,
  };
}
