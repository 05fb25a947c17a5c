import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { PUBLIC_EVENT, type ResolvedFilters } from "@/lib/events/filter-query";
import { eventTypeInfo } from "@/lib/events/vocabulary";
import type { IndexQuery, IndexResult } from "@/lib/timeline/facet-index";
import { currentFacetIndex } from "@/lib/timeline/facet-store";
import { encodeCursor, type TimelineCursor } from "@/lib/timeline/cursor";
import { EMPTY_FILTERS } from "@/lib/timeline/filters";

export { PUBLIC_EVENT };

const actorSelect = { select: { id: true, name: true, slug: true, isoCode: true, kind: true } } as const;

/** The fields a timeline card shows; explicit so no column is read that the page does not use. */
export const eventCardSelect = {
  id: true,
  title: true,
  summary: true,
  datePrecision: true,
  dateStart: true,
  endDate: true,
  type: true,
  legalBasis: true,
  location: true,
  participants: { orderBy: [{ role: "asc" }, { position: "asc" }], select: { role: true, actor: actorSelect } },
  tags: { select: { tag: { select: { name: true, slug: true } } } },
  sources: { orderBy: { position: "asc" }, select: { url: true, title: true, publisher: true } },
  relationsFrom: {
    where: { to: PUBLIC_EVENT },
    select: { kind: true, to: { select: { id: true, title: true, datePrecision: true, dateStart: true } } },
  },
  _count: { select: { relationsTo: { where: { kind: "responds-to", from: PUBLIC_EVENT } } } },
} satisfies Prisma.EventSelect;

export type EventCardRow = Prisma.EventGetPayload<{ select: typeof eventCardSelect }>;

export type TimelinePage = { events: EventCardRow[]; nextCursor: string | null };

export const NO_FILTERS: ResolvedFilters = {
  ...EMPTY_FILTERS,
  actorIds: [],
  initiatorIds: [],
  targetIds: [],
  tagIds: [],
  searchIds: null,
};

function indexQueryFor(filters: ResolvedFilters): IndexQuery {
  return {
    from: filters.from?.start ?? null,
    to: filters.to?.end ?? null,
    types: filters.types,
    actorIds: filters.actorIds,
    initiatorIds: filters.initiatorIds,
    targetIds: filters.targetIds,
    tagIds: filters.tagIds,
    bases: filters.bases,
    searchIds: filters.searchIds,
  };
}

/** The row-level form of PUBLIC_EVENT. */
function isPublicRow(e: { status: string; deletedAt: Date | null }): boolean {
  return e.status === PUBLIC_EVENT.status && e.deletedAt === null;
}

const { relationsFrom: _relationsFrom, _count: _relationCount, ...cardCoreSelect } = eventCardSelect;

/**
 * Card data for ids, in the order given, in the shape of eventCardSelect. The relations are
 * read by their own indexed queries: as nested relation filters ("to: PUBLIC_EVENT") Prisma
 * checks them against every public event, which grows with the table (0004).
 */
async function cardsFor(ids: number[]): Promise<EventCardRow[]> {
  if (ids.length === 0) return [];
  const [rows, outgoing, answers] = await Promise.all([
    // By id alone: with "status = ? AND deletedAt IS NULL" beside "id IN (...)" SQLite may
    // prefer the status index and walk every public event. Visibility is checked below.
    prisma.event.findMany({ where: { id: { in: ids } }, select: { ...cardCoreSelect, status: true, deletedAt: true } }),
    prisma.eventRelation.findMany({
      where: { fromId: { in: ids } },
      select: {
        fromId: true,
        kind: true,
        to: { select: { id: true, title: true, datePrecision: true, dateStart: true, status: true, deletedAt: true } },
      },
    }),
    prisma.eventRelation.findMany({
      where: { toId: { in: ids }, kind: "responds-to" },
      select: { toId: true, from: { select: { status: true, deletedAt: true } } },
    }),
  ]);
  const isPublic = isPublicRow;
  const byId = new Map(
    rows.filter(isPublic).map(({ status: _status, deletedAt: _deletedAt, ...row }) => [
      row.id,
      {
        ...row,
        relationsFrom: outgoing
          .filter((r) => r.fromId === row.id && isPublic(r.to))
          .map(({ kind, to: { id, title, datePrecision, dateStart } }) => ({ kind, to: { id, title, datePrecision, dateStart } })),
        _count: { relationsTo: answers.filter((r) => r.toId === row.id && isPublic(r.from)).length },
      } satisfies EventCardRow,
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

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
  return (await currentFacetIndex()).query(indexQueryFor(filters)).total;
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
  const index = await currentFacetIndex();
  lap("index");
  const result = index.page(indexQueryFor(filters), { sort: filters.sort, cursor: options.cursor ?? null, limit });
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

export const eventDetailSelect = {
  ...eventCardSelect,
  dateEnd: true,
  updatedAt: true,
  createdAt: true,
  measures: { select: { measure: true } },
  sources: {
    orderBy: { position: "asc" },
    select: { url: true, title: true, publisher: true, publishedOn: true, archiveUrl: true },
  },
  relationsTo: {
    where: { from: PUBLIC_EVENT },
    orderBy: { from: { dateStart: "asc" } },
    select: { kind: true, from: { select: { id: true, title: true, datePrecision: true, dateStart: true } } },
  },
} satisfies Prisma.EventSelect;

export type EventDetail = Prisma.EventGetPayload<{ select: typeof eventDetailSelect }>;
/**
 * The public page's event: `lastEditedAt` is when a person last changed it (its latest
 * revision by a user), null for an event only loaded or imported by a script, such as the
 * example data, whose `updatedAt` is just when it was loaded.
 */
export type PublicEventDetail = EventDetail & { lastEditedAt: Date | null };

const { relationsFrom: _detailFrom, relationsTo: _detailTo, _count: _detailCount, ...detailCoreSelect } = eventDetailSelect;
const relatedEventSelect = {
  select: { id: true, title: true, datePrecision: true, dateStart: true, status: true, deletedAt: true },
} as const;

/**
 * One public event with everything about it, or null when it does not exist or is not
 * public. Read by id, with visibility checked on the rows, for the reason given at cardsFor:
 * with the conditions in SQL this took seconds at a million events.
 */
export async function getPublicEvent(id: number): Promise<PublicEventDetail | null> {
  const row = await prisma.event.findUnique({ where: { id }, select: { ...detailCoreSelect, status: true, deletedAt: true } });
  if (!row || !isPublicRow(row)) return null;
  const [outgoing, incoming, edit] = await Promise.all([
    prisma.eventRelation.findMany({ where: { fromId: id }, select: { kind: true, to: relatedEventSelect } }),
    prisma.eventRelation.findMany({
      where: { toId: id },
      orderBy: { from: { dateStart: "asc" } },
      select: { kind: true, from: relatedEventSelect },
    }),
    prisma.eventRevision.findFirst({
      where: { eventId: id, userId: { not: null } },
      orderBy: { id: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const strip = ({ status: _status, deletedAt: _deletedAt, ...event }: { status: string; deletedAt: Date | null } & ChainEventRef) => event;
  const { status: _status, deletedAt: _deletedAt, ...event } = row;
  const answers = incoming.filter((r) => isPublicRow(r.from));
  const detail = {
    ...event,
    relationsFrom: outgoing.filter((r) => isPublicRow(r.to)).map((r) => ({ kind: r.kind, to: strip(r.to) })),
    relationsTo: answers.map((r) => ({ kind: r.kind, from: strip(r.from) })),
    _count: { relationsTo: answers.filter((r) => r.kind === "responds-to").length },
  } satisfies EventDetail;
  return { ...detail, lastEditedAt: edit?.createdAt ?? null };
}

type ChainEventRef = { id: number; title: string; datePrecision: string; dateStart: string };

export type ChainLink = { kind: string; fromId: number; toId: number };
export type ChainEvent = { id: number; title: string; datePrecision: string; dateStart: string; type: string };
export type EventChain = { events: ChainEvent[]; links: ChainLink[]; truncated: boolean };

const CHAIN_LIMIT = 200;

/**
 * The whole chain an event belongs to: everything it relates to, transitively, and
 * everything that relates to it, transitively, oldest first. Only public events count;
 * a chain larger than CHAIN_LIMIT events is cut and says so.
 */
export async function getEventChain(id: number): Promise<EventChain> {
  const seen = new Set<number>([id]);
  const links = new Map<string, ChainLink>();
  let frontier = [id];
  let truncated = false;
  while (frontier.length > 0) {
    // Visibility is checked on the rows rather than with nested relation filters, which
    // SQLite answers by listing every public event (see cardsFor).
    const visible = { select: { status: true, deletedAt: true } } as const;
    const found = await prisma.eventRelation.findMany({
      where: { OR: [{ fromId: { in: frontier } }, { toId: { in: frontier } }] },
      select: { kind: true, fromId: true, toId: true, from: visible, to: visible },
    });
    const relations = found
      .filter((r) => isPublicRow(r.from) && isPublicRow(r.to))
      .map(({ kind, fromId, toId }) => ({ kind, fromId, toId }));
    const next: number[] = [];
    for (const relation of relations) {
      links.set(`${relation.fromId}:${relation.toId}:${relation.kind}`, relation);
      for (const other of [relation.fromId, relation.toId]) {
        if (seen.has(other)) continue;
        if (seen.size >= CHAIN_LIMIT) {
          truncated = true;
          continue;
        }
        seen.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  const rows = await prisma.event.findMany({
    where: { id: { in: [...seen] } },
    orderBy: [{ dateStart: "asc" }, { id: "asc" }],
    select: { id: true, title: true, datePrecision: true, dateStart: true, type: true, status: true, deletedAt: true },
  });
  const events = rows.filter(isPublicRow).map(({ status: _status, deletedAt: _deletedAt, ...event }) => event);
  const present = new Set(events.map((e) => e.id));
  return {
    events,
    links: [...links.values()].filter((l) => present.has(l.fromId) && present.has(l.toId)),
    truncated,
  };
}

/** Most events a pattern view (matrix, map) reads participants for. */
export const PATTERN_EVENT_LIMIT = 20000;

/**
 * The ids of every event of a view (in timeline order), from the facet index, at most
 * PATTERN_EVENT_LIMIT; `total` is the view's full count.
 */
export async function timelineEventIds(filters: ResolvedFilters): Promise<{ ids: number[]; total: number }> {
  const index = await currentFacetIndex();
  const result = index.page(indexQueryFor(filters), { sort: filters.sort, cursor: null, limit: PATTERN_EVENT_LIMIT });
  return { ids: result.ids, total: result.total };
}
