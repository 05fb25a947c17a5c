import type { Db } from "@/lib/db/client";
import type { IndexCursor, IndexQuery } from "@/lib/timeline/facet-index";
import { currentFacetIndex } from "@/lib/timeline/facet-store";
import type { ResolvedFilters } from "@/lib/timeline/resolve";

/**
 * The one read of the timeline's matches: which public events a set of resolved filters
 * selects, in the timeline's order, with the counts, facets and chart, from the facet index
 * of `db`'s database. The page, the matrix and map, and the public exports all take their
 * ids from here, so they agree by construction (docs/filters.md).
 */
export async function readTimeline(
  db: Db,
  filters: ResolvedFilters,
  options: { cursor: IndexCursor | null; limit: number },
  /** Called once the index is current, before the query runs (the benchmark times the two apart). */
  onIndexReady?: () => void,
) {
  const index = await currentFacetIndex(db);
  onIndexReady?.();
  return index.page(indexQueryFor(filters), { sort: filters.sort, cursor: options.cursor, limit: options.limit });
}

/** The counts, facets and chart of `readTimeline` without a page. */
export async function timelineCounts(db: Db, filters: ResolvedFilters) {
  return (await currentFacetIndex(db)).query(indexQueryFor(filters));
}

/**
 * Every id `readTimeline` selects, in `batchSize` slices, for the public exports. The ids
 * come from one state of the index, taken when the export starts, so a write during a long
 * export cannot make a batch skip or repeat an event.
 */
export async function* timelineIdBatches(db: Db, filters: ResolvedFilters, batchSize: number): AsyncGenerator<number[]> {
  const index = await currentFacetIndex(db);
  const { ids } = index.page(indexQueryFor(filters), { sort: filters.sort, cursor: null, limit: Number.MAX_SAFE_INTEGER });
  for (let start = 0; start < ids.length; start += batchSize) yield ids.slice(start, start + batchSize);
}

/** The facet index's form of the filters. */
export function indexQueryFor(filters: ResolvedFilters): IndexQuery {
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
