import "server-only";
import { decodeCursor } from "@/lib/timeline/cursor";
import { getEventChain, getPublicEvent } from "@/lib/events/queries";
import { getTimelineView, type FacetOption } from "@/lib/timeline/view";
import { describeView } from "@/lib/timeline/links";
import { resolveTimelineQuery } from "@/lib/timeline/page-data";
import type { TimelineEmbedModel } from "@/lib/embed/render";

/** Events per embed page: a column of cards that reads in a 600 px frame and stays small. */
export const EMBED_PAGE_SIZE = 20;

/**
 * An embed of a timeline view, read exactly as the timeline page reads it (one filter
 * parser, one resolver, one read path), so that the embed lists the page's events in the
 * page's order, EMBED_PAGE_SIZE at a time.
 */
export async function loadTimelineEmbed(search: string, origin: string): Promise<TimelineEmbedModel> {
  const { params, resolved, filters, query, problems } = await resolveTimelineQuery(search);
  const rawCursor = params.get("cursor");
  const cursor = decodeCursor(rawCursor);
  const view = await getTimelineView({ filters: resolved, cursor, limit: EMBED_PAGE_SIZE });
  const labelFor = (param: string, value: string) => {
    const options = (view.facets as Record<string, FacetOption[] | undefined>)[param] ?? [];
    return options.find((o) => o.value === value || o.slug === value)?.label ?? value;
  };
  const next = new URLSearchParams(query);
  if (view.nextCursor) next.set("cursor", view.nextCursor);
  return {
    origin,
    summary: describeView(filters, view.total, labelFor),
    query,
    problems: rawCursor !== null && cursor === null
      ? [...problems, { param: "cursor", value: rawCursor, message: "The page position in this link is not valid; showing the first page." }]
      : problems,
    events: view.events,
    nextHref: view.nextCursor ? `/embed?${next.toString()}` : null,
    continued: cursor !== null,
  };
}

/** One public event and its chain, or null (unknown, draft or deleted). */
export async function loadEventEmbed(id: number) {
  const event = await getPublicEvent(id);
  if (!event) return null;
  return { event, chain: await getEventChain(id) };
}
