"use server";

import type { ReactNode } from "react";
import { Timeline } from "@/components/timeline/timeline";
import { monthKeyOf } from "@/lib/timeline/group";
import { timelineHref } from "@/lib/timeline/links";
import { loadTimelinePage } from "@/lib/timeline/page-data";

/**
 * The next page of the timeline as rendered cards, for the "Load more" button: the same
 * query string the plain link carries, so both paths show exactly the same events. `after`
 * is the month key the page so far ends in, so a page that continues that month does not
 * repeat its year and month headings; `lastKey` is this page's, for the next call.
 */
export async function loadMoreEvents(
  search: string,
  after: string | null = null,
): Promise<{ content: ReactNode; next: string | null; count: number; lastKey: string | null }> {
  const data = await loadTimelinePage(search);
  const cursor = new URLSearchParams(search).get("cursor") ?? "start";
  const after_ = typeof after === "string" && /^\d{4}(-\d{2})?$/.test(after) ? after : null;
  const last = data.view.events.at(-1);
  return {
    content: <Timeline events={data.view.events} after={after_} idPrefix={`p${cursor.replace(/[^\w-]/g, "")}-`} />,
    next: data.view.nextCursor ? timelineHref(data.filters, { cursor: data.view.nextCursor }) : null,
    count: data.view.events.length,
    lastKey: last ? monthKeyOf(last) : after_,
  };
}
