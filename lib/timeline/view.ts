import "server-only";
import { prisma } from "@/lib/db";
import { cardsFor, type EventCardRow } from "@/lib/events/queries";
import { eventTypeInfo } from "@/lib/events/vocabulary";
import { encodeCursor, type TimelineCursor } from "@/lib/timeline/cursor";
import type { IndexResult } from "@/lib/timeline/facet-index";
import { readTimeline, timelineCounts } from "@/lib/timeline/read";
import { NO_FILTERS, type ResolvedFilters } from "@/lib/timeline/resolve";

/**
 * The timeline's view for a set of resolved filters: the page of cards, the total, the
 * facets and the chart, all from `readTimeline` (lib/timeline/read.ts); only the page's own
 * cards and the facets' labels are read from the tables.
 */

export type TimelinePage = { events: EventCardRow[]; nextCursor: string | null };

/**
 * One page of the public timeline for a set of filters, by keyset on (dateStart, id): the
 * cost of a page does not grow with how far the reader has scrolled. Which events match
 * comes from the facet index; only the page's own rows are read from the tables.
 */
export async function listTimelineEvents(
  options: { filters?: ResolvedFilters; cursor?: TimelineCursor | null; limit?: number } = {},
): Promise<TimelinePage> {
  const view = await getTimelineView(options);
  return { events: view.events, nextCursor: view.nextCursor };
}

export async function countTimelineEvents(filters: ResolvedFilters = NO_FILTERS): Promise<number> {
  return (await timelineCounts(prisma, filters)).total;
}

export type FacetName = "type" | "initiator" | "target" | "actor" | "tag" | "basis";

export type FacetOption = {
  /** The value as it appears in the URL. */
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** ISO code of a state, for its flag. */
  isoCode?: string | null;
  /** An actor's slug, which URLs may use instead of the ISO code. */
  slug?: string;
};

export type TimelineFacets = Record<FacetName, FacetOption[]>;

export type TimelineView = TimelinePage & {
  total: number;
  facets: TimelineFacets;
  chart: IndexResult["chart"];
};

/** Where getTimelineView spent its time (ms), for the benchmark. */
export type TimelineTimings = {
  /** Checking (and, after a change, rebuilding) the facet index. */
  index: number;
  /** Total, facet counts, chart and page selection in the index. */
  counts: number;
  /** Reading the page's cards and the facet labels from the database. */
  database: number;
};

/** Options listed per facet (most frequent first); selected options are always listed. */
export const FACET_OPTION_LIMIT = 40;

/**
 * Everything the timeline page shows for a set of filters: the page of events, the total,
 * the facet counts (each under the other active filters) and the activity chart.
 */
export async function getTimelineView(
  options: { filters?: ResolvedFilters; cursor?: TimelineCursor | null; limit?: number; timings?: TimelineTimings } = {},
): Promise<TimelineView> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const filters = options.filters ?? NO_FILTERS;
  let mark = performance.now();
  const lap = (key: keyof TimelineTimings) => {
    const now = performance.now();
    if (options.timings) options.timings[key] += now - mark;
    mark = now;
  };
  const result = await readTimeline(prisma, filters, { cursor: options.cursor ?? null, limit }, () => lap("index"));
  lap("counts");
  // The cards and the facet labels are independent reads: on PostgreSQL they overlap.
  const [events, facets] = await Promise.all([cardsFor(result.ids), labelFacets(filters, result.facets)]);
  lap("database");
  const last = events.at(-1);
  return {
    events,
    nextCursor: result.hasMore && last ? encodeCursor({ dateStart: last.dateStart, id: last.id }) : null,
    total: result.total,
    facets,
    chart: result.chart,
  };
}

async function labelFacets(filters: ResolvedFilters, raw: IndexResult["facets"]): Promise<TimelineFacets> {
  const pick = <K>(list: { key: K; count: number }[], selected: K[]) => {
    const shown = list.slice(0, FACET_OPTION_LIMIT);
    for (const key of selected) if (!shown.some((e) => e.key === key)) shown.push({ key, count: list.find((e) => e.key === key)?.count ?? 0 });
    return shown;
  };
  const actorLists = {
    initiator: pick(raw.initiator, filters.initiatorIds),
    target: pick(raw.target, filters.targetIds),
    actor: pick(raw.actor, filters.actorIds),
  };
  const tagList = pick(raw.tag, filters.tagIds);
  const actorIds = [...new Set(Object.values(actorLists).flatMap((l) => l.map((e) => e.key)))];
  const [actors, tags] = await Promise.all([
    actorIds.length === 0
      ? []
      : prisma.actor.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, slug: true, isoCode: true } }),
    tagList.length === 0
      ? []
      : prisma.tag.findMany({ where: { id: { in: tagList.map((e) => e.key) } }, select: { id: true, name: true, slug: true } }),
  ]);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const actorOptions = (list: { key: number; count: number }[], selected: number[]): FacetOption[] =>
    list.flatMap(({ key, count }) => {
      const actor = actorById.get(key);
      if (!actor) return [];
      // States are referred to by ISO code in URLs (initiator=us), everything else by slug.
      const value = actor.isoCode ? actor.isoCode.toLowerCase() : actor.slug;
      return [{ value, label: actor.name, count, selected: selected.includes(key), isoCode: actor.isoCode, slug: actor.slug }];
    });
  return {
    type: pick(raw.types, filters.types).map(({ key, count }) => ({
      value: key,
      label: eventTypeInfo(key).label,
      count,
      selected: (filters.types as string[]).includes(key),
    })),
    initiator: actorOptions(actorLists.initiator, filters.initiatorIds),
    target: actorOptions(actorLists.target, filters.targetIds),
    actor: actorOptions(actorLists.actor, filters.actorIds),
    tag: tagList.flatMap(({ key, count }) => {
      const tag = tagById.get(key);
      return tag ? [{ value: tag.slug, label: tag.name, count, selected: filters.tagIds.includes(key) }] : [];
    }),
    basis: pick(raw.basis, filters.bases).map(({ key, count }) => ({
      value: key,
      label: key,
      count,
      selected: filters.bases.includes(key),
    })),
  };
}

/** Most events a pattern view (matrix, map) reads participants for. */
export const PATTERN_EVENT_LIMIT = 20000;

/**
 * The ids of every event of a view (in timeline order), from the facet index, at most
 * PATTERN_EVENT_LIMIT; `total` is the view's full count.
 */
export async function timelineEventIds(filters: ResolvedFilters): Promise<{ ids: number[]; total: number }> {
  const result = await readTimeline(prisma, filters, { cursor: null, limit: PATTERN_EVENT_LIMIT });
  return { ids: result.ids, total: result.total };
}
