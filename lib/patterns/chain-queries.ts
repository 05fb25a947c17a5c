import "server-only";
import { prisma } from "@/lib/db";
import { PUBLIC_EVENT } from "@/lib/events/queries";
import type { ResolvedFilters } from "@/lib/timeline/resolve";
import { timelineEventIds } from "@/lib/timeline/view";
import {
  byTime,
  groupChains,
  rankChains,
  summarizeChain,
  type ChainOrder,
  type ChainRelation,
  type ChainSide,
  type ChainStep,
  type ChainSummary,
} from "@/lib/patterns/chains";

/** Most steps the picture of /chains/:id draws (the nearest to its event). */
export const CHAIN_PAGE_LIMIT = 300;
/** Most steps an event page's picture draws; the whole chain is one link away. */
export const CHAIN_PREVIEW_LIMIT = 40;
/** How far a chain is counted for "showing N of M"; beyond it, "more than M". */
export const CHAIN_COUNT_LIMIT = 1000;
/** Most chains /chains lists. */
export const CHAIN_LIST_LIMIT = 100;

export type ChainAround = {
  /** The event the chain was read from. */
  centre: number;
  steps: ChainStep[];
  relations: ChainRelation[];
  /** Public events in the whole chain, counted up to CHAIN_COUNT_LIMIT. */
  total: number;
  /** The count stopped at CHAIN_COUNT_LIMIT: the chain is larger. */
  countCapped: boolean;
  /** Steps were left out of `steps` (they are further from the centre). */
  truncated: boolean;
  /** The step furthest from the centre that is shown: where to continue a cut chain from. */
  furthest: number;
};

// Ids per read: few round trips, well under both engines' bound-parameter limits.
const CHUNK = 2000;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * The public events connected to an event by relations, in either direction, nearest first
 * (breadth first), at most `limit`. One recursive query instead of a round trip per step:
 * at a million events a 200-step chain walked step by step took seconds. Standard SQL that
 * SQLite and PostgreSQL both run unchanged (so it needs nothing from lib/db/engine.ts);
 * UNION (not UNION ALL) ends cycles; the outer LIMIT stops the walk early on both engines.
 * Empty when the start event itself is not public.
 */
async function connectedIds(id: number, limit: number): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    WITH RECURSIVE chain(id) AS (
      SELECT s."id" FROM "Event" s WHERE s."id" = CAST(${id} AS INTEGER) AND s."status" = ${PUBLIC_EVENT.status} AND s."deletedAt" IS NULL
      UNION
      SELECT CASE WHEN r."fromId" = chain.id THEN r."toId" ELSE r."fromId" END
      FROM chain
      JOIN "EventRelation" r ON r."fromId" = chain.id OR r."toId" = chain.id
      JOIN "Event" e ON e."id" = CASE WHEN r."fromId" = chain.id THEN r."toId" ELSE r."fromId" END
      WHERE e."status" = ${PUBLIC_EVENT.status} AND e."deletedAt" IS NULL
    )
    SELECT id FROM chain LIMIT ${limit}`;
  return rows.map((r) => Number(r.id));
}

const sideOf = (a: { name: string; slug: string; isoCode: string | null }): ChainSide => ({
  name: a.name,
  value: a.isoCode ? a.isoCode.toLowerCase() : a.slug,
  isoCode: a.isoCode,
});

/** Steps (with initiators and targets) for public event ids, oldest first. */
async function stepsFor(ids: number[]): Promise<ChainStep[]> {
  const steps: ChainStep[] = [];
  for (const chunk of chunks(ids)) {
    const rows = await prisma.event.findMany({
      where: { id: { in: chunk } },
      select: {
        id: true,
        title: true,
        datePrecision: true,
        dateStart: true,
        type: true,
        status: true,
        deletedAt: true,
        participants: {
          orderBy: [{ role: "asc" }, { position: "asc" }],
          select: { role: true, actor: { select: { name: true, slug: true, isoCode: true } } },
        },
      },
    });
    for (const row of rows) {
      if (row.status !== PUBLIC_EVENT.status || row.deletedAt !== null) continue;
      steps.push({
        id: row.id,
        title: row.title,
        datePrecision: row.datePrecision,
        dateStart: row.dateStart,
        type: row.type,
        initiators: row.participants.filter((p) => p.role === "initiator").map((p) => sideOf(p.actor)),
        targets: row.participants.filter((p) => p.role === "target").map((p) => sideOf(p.actor)),
      });
    }
  }
  return steps.sort(byTime);
}

/** The relations with both ends among the ids (read by the from side, which is indexed). */
async function relationsAmong(ids: number[]): Promise<ChainRelation[]> {
  const inside = new Set(ids);
  const out: ChainRelation[] = [];
  for (const chunk of chunks(ids)) {
    const rows = await prisma.eventRelation.findMany({ where: { fromId: { in: chunk } }, select: { fromId: true, toId: true, kind: true } });
    for (const r of rows) if (inside.has(r.toId)) out.push(r);
  }
  return out;
}

/**
 * The chain an event belongs to, around it: its nearest `limit` steps and their relations,
 * with the size of the whole chain. Null when the event is not public. A chain of one
 * step (no public relations) has `total` 1.
 */
export async function getChainAround(id: number, limit: number = CHAIN_PAGE_LIMIT): Promise<ChainAround | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const bounded = Math.min(Math.max(1, Math.floor(limit)), CHAIN_COUNT_LIMIT);
  const connected = await connectedIds(id, CHAIN_COUNT_LIMIT + 1);
  if (connected.length === 0) return null;
  const countCapped = connected.length > CHAIN_COUNT_LIMIT;
  const ids = connected.slice(0, bounded);
  const [steps, relations] = await Promise.all([stepsFor(ids), relationsAmong(ids)]);
  return {
    centre: id,
    steps,
    relations,
    total: Math.min(connected.length, CHAIN_COUNT_LIMIT),
    countCapped,
    truncated: connected.length > ids.length,
    furthest: ids.at(-1) ?? id,
  };
}

export type ViewChains = {
  /** The view's chains, ranked, at most CHAIN_LIST_LIMIT. */
  chains: ChainSummary[];
  /** How many chains the view has. */
  count: number;
  /** Events of the view that belong to one of its chains. */
  linkedEvents: number;
  /** Events in the view. */
  total: number;
  /** The view had more events than a pattern view reads (PATTERN_EVENT_LIMIT). */
  truncated: boolean;
};

/**
 * The chains of a view: its events (the facet index gives the ids, so the view is exactly
 * the timeline's) grouped by the relations between them. A relation to an event outside
 * the view does not count, so a filter on a period or a type cuts chains to that period
 * or type; the chain's own page shows it whole.
 */
export async function listViewChains(filters: ResolvedFilters, order: ChainOrder): Promise<ViewChains> {
  const { ids, total } = await timelineEventIds(filters);
  const relations = await relationsAmong(ids);
  const groups = groupChains(ids, relations);
  const linked = groups.flat();
  const steps = await stepsFor(linked);
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const chainOf = new Map<number, number>();
  groups.forEach((g, i) => g.forEach((id) => chainOf.set(id, i)));
  const relationsByChain = groups.map((): ChainRelation[] => []);
  for (const r of relations) {
    const index = chainOf.get(r.fromId);
    if (index !== undefined) relationsByChain[index]?.push(r);
  }
  const summaries = groups.flatMap((g, i) => {
    const chainSteps = g.flatMap((id) => stepById.get(id) ?? []);
    return chainSteps.length > 1 ? [summarizeChain(chainSteps, relationsByChain[i] ?? [])] : [];
  });
  return {
    chains: rankChains(summaries, order).slice(0, CHAIN_LIST_LIMIT),
    count: summaries.length,
    linkedEvents: linked.length,
    total,
    truncated: ids.length < total,
  };
}
