import type { Db } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";
import { EMPTY_FILTERS, type FilterProblem, type TimelineFilters } from "@/lib/timeline/filters";

/**
 * Reference resolution, the second step of the timeline's read path (docs/filters.md):
 * the URL's actor and tag references looked up, its search words turned into event ids.
 */

/** Filters whose actor and tag references have been looked up in the database. */
export type ResolvedFilters = TimelineFilters & {
  actorIds: number[];
  initiatorIds: number[];
  targetIds: number[];
  tagIds: number[];
  /**
   * Ids of the events whose search text matches every word of q (full-text index), or null
   * when there are no words. Resolved here so that every reader of the filters (timeline,
   * facets, exports) applies the same search.
   */
  searchIds: number[] | null;
};

/**
 * Looks up actor references (slug or ISO code, case-insensitive) and tag slugs. A reference
 * that matches nothing is reported and ignored, like any other malformed value.
 */
export async function resolveFilterReferences(
  db: Db,
  filters: TimelineFilters,
  options: {
    /** The full-text search to use; the default runs it through `db`. The timeline passes a faster reader of the same database. */
    search?: (words: readonly string[]) => Promise<number[]>;
  } = {},
): Promise<{ resolved: ResolvedFilters; problems: FilterProblem[] }> {
  const problems: FilterProblem[] = [];
  const actorRefs = [...new Set([...filters.actors, ...filters.initiators, ...filters.targets])];
  const actors =
    actorRefs.length === 0
      ? []
      : await db.actor.findMany({
          where: { OR: [{ slug: { in: actorRefs } }, { isoCode: { in: actorRefs.map((r) => r.toUpperCase()) } }] },
          select: { id: true, slug: true, isoCode: true },
        });
  const actorIdsFor = (refs: string[], param: string) =>
    refs.flatMap((ref) => {
      const actor = actors.find((a) => a.slug === ref || a.isoCode?.toLowerCase() === ref);
      if (actor) return [actor.id];
      problems.push({ param, value: ref, message: `No actor "${ref}" is known; that filter was ignored.` });
      return [];
    });

  const tags =
    filters.tags.length === 0
      ? []
      : await db.tag.findMany({ where: { slug: { in: filters.tags } }, select: { id: true, slug: true } });
  const tagIds = filters.tags.flatMap((slug) => {
    const tag = tags.find((t) => t.slug === slug);
    if (tag) return [tag.id];
    problems.push({ param: "tag", value: slug, message: `No tag "${slug}" is known; that filter was ignored.` });
    return [];
  });

  const resolved: ResolvedFilters = {
    ...filters,
    actorIds: actorIdsFor(filters.actors, "actor"),
    initiatorIds: actorIdsFor(filters.initiators, "initiator"),
    targetIds: actorIdsFor(filters.targets, "target"),
    tagIds,
    searchIds: filters.words.length > 0 ? await (options.search ?? ((words) => engineOf(db).searchIds(db, words)))(filters.words) : null,
  };
  // A filter whose every value was unknown has no ids left and so is ignored, not "matches nothing".
  return { resolved, problems };
}

/** No filters at all: every public event. */
export const NO_FILTERS: ResolvedFilters = {
  ...EMPTY_FILTERS,
  actorIds: [],
  initiatorIds: [],
  targetIds: [],
  tagIds: [],
  searchIds: null,
};
