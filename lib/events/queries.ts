import "server-only";
import { prisma } from "@/lib/db";
import { engineOf } from "@/lib/db/engine";
import type { Prisma } from "@/lib/db/client";

/**
 * The event page's reads (one public event, its chain) and the cards every list of events
 * shows. The timeline's own read path is lib/timeline/ (read.ts, view.ts).
 */

/** Published and not in the trash: what the public (and the public exports) may see. */
export const PUBLIC_EVENT = { status: "published", deletedAt: null } satisfies Prisma.EventWhereInput;

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

/** The row-level form of PUBLIC_EVENT. */
export function isPublicRow(e: { status: string; deletedAt: Date | null }): boolean {
  return e.status === PUBLIC_EVENT.status && e.deletedAt === null;
}

const { relationsFrom: _relationsFrom, _count: _relationCount, ...cardCoreSelect } = eventCardSelect;

/**
 * Card data for ids, in the order given, in the shape of eventCardSelect. The relations are
 * read by their own indexed queries: as nested relation filters ("to: PUBLIC_EVENT") Prisma
 * checks them against every public event, which grows with the table (0004).
 */
export async function cardsFor(ids: number[]): Promise<EventCardRow[]> {
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

/** The largest id an Int column holds: a larger id in a URL is no event (not a database error). */
const MAX_ID = 2_147_483_647;

/**
 * One public event with everything about it, or null when it does not exist or is not
 * public: one prepared statement through the engine (Engine.eventPage; issue 15). Through
 * Prisma this was seven queries, each compiled per request, which took most of the page's
 * CPU under load. tests/integration/queries.test.ts holds it equal to the Prisma select
 * `eventDetailSelect` describes.
 */
export async function getPublicEvent(id: number): Promise<PublicEventDetail | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) return null;
  const event: PublicEventDetail | null = await engineOf(prisma).eventPage(id);
  return event;
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
