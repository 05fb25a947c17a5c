import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { afterCursor, eventOrderBy, eventWhereForFilters, PUBLIC_EVENT, type ResolvedFilters } from "@/lib/events/filter-query";
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

export const NO_FILTERS: ResolvedFilters = { ...EMPTY_FILTERS, actorIds: [], initiatorIds: [], targetIds: [], tagIds: [] };

/**
 * One page of the public timeline for a set of filters, by keyset on (dateStart, id): the
 * cost of a page does not grow with how far the reader has scrolled.
 */
export async function listTimelineEvents(
  options: { filters?: ResolvedFilters; cursor?: TimelineCursor | null; limit?: number } = {},
): Promise<TimelinePage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const filters = options.filters ?? NO_FILTERS;
  const where = eventWhereForFilters(filters);
  const rows = await prisma.event.findMany({
    where: options.cursor ? { AND: [where, afterCursor(options.cursor, filters.sort)] } : where,
    orderBy: eventOrderBy(filters.sort),
    take: limit + 1,
    select: eventCardSelect,
  });
  const events = rows.slice(0, limit);
  const last = events.at(-1);
  return {
    events,
    nextCursor: rows.length > limit && last ? encodeCursor({ dateStart: last.dateStart, id: last.id }) : null,
  };
}

export async function countTimelineEvents(filters: ResolvedFilters = NO_FILTERS): Promise<number> {
  return prisma.event.count({ where: eventWhereForFilters(filters) });
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

/** One public event with everything about it, or null when it does not exist or is not public. */
export async function getPublicEvent(id: number): Promise<EventDetail | null> {
  return prisma.event.findFirst({ where: { id, ...PUBLIC_EVENT }, select: eventDetailSelect });
}

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
    const relations = await prisma.eventRelation.findMany({
      where: {
        OR: [
          { fromId: { in: frontier }, to: PUBLIC_EVENT },
          { toId: { in: frontier }, from: PUBLIC_EVENT },
        ],
      },
      select: { kind: true, fromId: true, toId: true },
    });
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
  const events = await prisma.event.findMany({
    where: { id: { in: [...seen] }, ...PUBLIC_EVENT },
    orderBy: [{ dateStart: "asc" }, { id: "asc" }],
    select: { id: true, title: true, datePrecision: true, dateStart: true, type: true },
  });
  const present = new Set(events.map((e) => e.id));
  return {
    events,
    links: [...links.values()].filter((l) => present.has(l.fromId) && present.has(l.toId)),
    truncated,
  };
}
