import "server-only";
import { prisma } from "@/lib/db";
import { PUBLIC_EVENT } from "@/lib/events/queries";
import type { ResolvedFilters } from "@/lib/timeline/resolve";
import { NO_FILTERS } from "@/lib/timeline/resolve";
import { countTimelineEvents, PATTERN_EVENT_LIMIT, timelineEventIds } from "@/lib/timeline/view";

/** Entries of a feed: the view's most recently added or changed events. */
export const FEED_LIMIT = 50;

/** Ids per read of (id, updatedAt): well under either engine's bound-parameter limit. */
const CHUNK = 900;

type Stamp = { id: number; updatedAt: Date };
const byChangeDesc = (a: Stamp, b: Stamp) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id;

/**
 * The ids of the `limit` events of a view changed most recently (newest change first, then
 * highest id). Which events belong to the view comes from the timeline's facet index
 * (`timelineEventIds`), so a feed lists the page's events and no others. Two ways to get
 * there, whichever reads fewer rows:
 * - a small view: all its ids from the index, their change times read by id;
 * - a large one: walk the public events by change time (indexed) and keep the view's, by
 *   asking the index which of a batch belong to the view (the batch as `searchIds`, which
 *   the index intersects with everything else).
 */
export async function recentlyChangedIds(filters: ResolvedFilters, limit = FEED_LIMIT): Promise<number[]> {
  const total = await countTimelineEvents(filters);
  if (total === 0) return [];
  const all = await countTimelineEvents(NO_FILTERS);
  // Walking reads about limit * all / total rows; reading the view reads total rows.
  if (total <= PATTERN_EVENT_LIMIT && total * total <= limit * all * 4) return newestOfView(filters, limit);
  return walkByChange(filters, limit, Math.min(5000, Math.max(200, Math.ceil((limit * all * 1.5) / total))));
}

async function newestOfView(filters: ResolvedFilters, limit: number): Promise<number[]> {
  const { ids } = await timelineEventIds(filters);
  const stamps: Stamp[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    stamps.push(...(await prisma.event.findMany({ where: { id: { in: ids.slice(i, i + CHUNK) } }, select: { id: true, updatedAt: true } })));
  }
  return stamps.sort(byChangeDesc).slice(0, limit).map((s) => s.id);
}

async function walkByChange(filters: ResolvedFilters, limit: number, batch: number): Promise<number[]> {
  const found: number[] = [];
  let after: Stamp | null = null;
  for (;;) {
    const rows: Stamp[] = await prisma.event.findMany({
      where: after
        ? { AND: [PUBLIC_EVENT, { OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }] }] }
        : PUBLIC_EVENT,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: batch,
      select: { id: true, updatedAt: true },
    });
    if (rows.length === 0) break;
    const candidates = rows.map((r) => r.id);
    const wanted = filters.searchIds === null ? candidates : intersect(candidates, filters.searchIds);
    if (wanted.length > 0) {
      const { ids } = await timelineEventIds({ ...filters, searchIds: [...wanted].sort((a, b) => a - b) });
      const members = new Set(ids);
      for (const id of candidates) if (members.has(id)) found.push(id);
    }
    if (found.length >= limit || rows.length < batch) break;
    after = rows.at(-1) ?? null;
  }
  return found.slice(0, limit);
}

function intersect(ids: readonly number[], allowed: readonly number[]): number[] {
  const set = new Set(allowed);
  return ids.filter((id) => set.has(id));
}
