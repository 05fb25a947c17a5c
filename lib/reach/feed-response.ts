import "server-only";
import { prisma } from "@/lib/db";
import { countTimelineEvents } from "@/lib/timeline/view";
import { engineOf } from "@/lib/db/engine";
import { conditionalResponse } from "@/lib/reach/conditional";
import { atomFeed, feedUpdated, jsonFeed, type FeedFormat } from "@/lib/reach/feed";
import { describeFilters } from "@/lib/reach/labels";
import { publicOrigin } from "@/lib/reach/origin";
import { resolveMachineQuery, searchOfRequest } from "@/lib/reach/query";
import { recentlyChangedIds } from "@/lib/reach/recent";

const CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/** `/feed.atom` and `/feed.json`: the view's 50 most recently added or changed events. */
export async function feedResponse(request: Request, format: FeedFormat): Promise<Response> {
  const machine = await resolveMachineQuery(searchOfRequest(request));
  if (!machine.ok) return machine.response;
  const { resolved, filters, query } = machine.value;
  const ids = await recentlyChangedIds(resolved);
  const [events, total] = await Promise.all([
    engineOf(prisma).snapshotLoader()(ids, { publicRelationsOnly: true }),
    countTimelineEvents(resolved),
  ]);
  const input = { events, origin: publicOrigin(request), query, description: await describeFilters(filters, total) };
  const body = format === "atom" ? atomFeed(input) : jsonFeed(input);
  return conditionalResponse(request, body, { contentType: CONTENT_TYPES[format], lastModified: feedUpdated(events) });
}
