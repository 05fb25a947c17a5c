import "server-only";
import { prisma } from "@/lib/db";
import type { ResolvedFilters } from "@/lib/timeline/resolve";
import { countTimelineEvents, timelineEventIds } from "@/lib/timeline/view";
import { engineOf } from "@/lib/db/engine";
import { buildCalendar } from "@/lib/reach/calendar";
import { conditionalResponse } from "@/lib/reach/conditional";
import { feedUpdated } from "@/lib/reach/feed";
import { describeFilters } from "@/lib/reach/labels";
import { publicOrigin } from "@/lib/reach/origin";
import { resolveMachineQuery, searchOfRequest } from "@/lib/reach/query";

/** Most events a calendar holds: the view's most recent day-dated ones in the timeline's order. */
export const CALENDAR_LIMIT = 300;
const CHUNK = 900;

/**
 * The day-precision events of a view, in the timeline's order, at most `limit`. The view's
 * ids come from the facet index (`timelineEventIds`), so the calendar and the page agree;
 * only the precision is read here, by id, until enough are found.
 */
export async function calendarEventIds(filters: ResolvedFilters, limit = CALENDAR_LIMIT): Promise<{ ids: number[]; truncated: boolean }> {
  const { ids } = await timelineEventIds(filters);
  const found: number[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await prisma.event.findMany({ where: { id: { in: chunk }, datePrecision: "day" }, select: { id: true } });
    const day = new Set(rows.map((r) => r.id));
    for (const id of chunk) {
      if (!day.has(id)) continue;
      if (found.length === limit) return { ids: found, truncated: true };
      found.push(id);
    }
  }
  return { ids: found, truncated: false };
}

/** `/calendar.ics`: the view's day-dated events as all-day events (spans when they have an end). */
export async function calendarResponse(request: Request): Promise<Response> {
  const machine = await resolveMachineQuery(searchOfRequest(request));
  if (!machine.ok) return machine.response;
  const { resolved, filters, query } = machine.value;
  const { ids, truncated } = await calendarEventIds(resolved);
  const [events, total] = await Promise.all([engineOf(prisma).snapshotLoader()(ids, { publicRelationsOnly: true }), countTimelineEvents(resolved)]);
  const body = buildCalendar({
    events,
    origin: publicOrigin(request),
    query,
    description: await describeFilters(filters, total),
    truncated,
    limit: CALENDAR_LIMIT,
  });
  return conditionalResponse(request, body, {
    contentType: "text/calendar; charset=utf-8",
    lastModified: feedUpdated(events),
    headers: { "Content-Disposition": 'inline; filename="demarche.ics"' },
  });
}
