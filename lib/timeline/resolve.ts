import { normaliseAlias } from "@/lib/actors/alias-normalise";
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

/** The alias form of a reference: "white-house" and "the-white-house" are the alias "white house". */
function aliasKey(ref: string): string {
  return normaliseAlias(ref.replaceAll("-", " "));
}

/**
 * Looks up actor references (slug or ISO code, case-insensitive, or one of an actor's aliases:
 * "kremlin", "u-s", "turkiye") and tag slugs. A reference that matches nothing is reported and
 * ignored, like any other malformed value. `canonical` maps each reference that was not the
 * actor's slug to it, so that links keep slugs as the URL contract.
 *
 * A search text that is, as a whole, an actor's alias or name ("Kremlin", "U.S.") also finds
 * the events that actor takes part in, beside those whose text has the words.
 */
export async function resolveFilterReferences(
  db: Db,
  filters: TimelineFilters,
  options: {
    /** The full-text search to use; the default runs it through `db`. The timeline passes a faster reader of the same database. */
    search?: (words: readonly string[]) => Promise<number[]>;
  } = {},
): Promise<{ resolved: ResolvedFilters; problems: FilterProblem[]; canonical: Map<string, string> }> {
  const problems: FilterProblem[] = [];
  const canonical = new Map<string, string>();
  const actorRefs = [...new Set([...filters.actors, ...filters.initiators, ...filters.targets])];
  const actors =
    actorRefs.length === 0
      ? []
      : await db.actor.findMany({
          where: { OR: [{ slug: { in: actorRefs } }, { isoCode: { in: actorRefs.map((r) => r.toUpperCase()) } }] },
          select: { id: true, slug: true, isoCode: true },
        });
  const unmatched = actorRefs.filter((ref) => !actors.some((a) => a.slug === ref || a.isoCode?.toLowerCase() === ref));
  const aliasKeys = [...new Set(unmatched.map(aliasKey).filter((k) => k !== ""))];
  const aliases =
    aliasKeys.length === 0
      ? []
      : await db.actorAlias.findMany({
          where: { normalised: { in: aliasKeys } },
          orderBy: { actorId: "asc" },
          select: { normalised: true, actor: { select: { id: true, slug: true } } },
        });
  const actorIdsFor = (refs: string[], param: string) =>
    refs.flatMap((ref) => {
      const actor = actors.find((a) => a.slug === ref || a.isoCode?.toLowerCase() === ref);
      if (actor) return [actor.id];
      const key = aliasKey(ref);
      const named = aliases.filter((a) => a.normalised === key).map((a) => a.actor);
      if (named.length > 0) {
        if (named.length === 1 && named[0]) canonical.set(ref, named[0].slug);
        return named.map((a) => a.id);
      }
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
    actorIds: [...new Set(actorIdsFor(filters.actors, "actor"))],
    initiatorIds: [...new Set(actorIdsFor(filters.initiators, "initiator"))],
    targetIds: [...new Set(actorIdsFor(filters.targets, "target"))],
    tagIds,
    searchIds: filters.words.length > 0 ? await searchWithAliases(db, filters, options.search ?? ((words) => engineOf(db).searchIds(db, words))) : null,
  };
  // A filter whose every value was unknown has no ids left and so is ignored, not "matches nothing".
  return { resolved, problems, canonical };
}

/** Full-text matches, plus the events of the actor the whole search names by an alias. */
async function searchWithAliases(db: Db, filters: TimelineFilters, search: (words: readonly string[]) => Promise<number[]>): Promise<number[]> {
  const key = normaliseAlias(filters.q);
  const [textIds, named] = await Promise.all([
    search(filters.words),
    key === "" ? [] : db.actorAlias.findMany({ where: { normalised: key }, select: { actorId: true }, take: 5 }),
  ]);
  if (named.length === 0) return textIds;
  const participations = await db.eventParticipant.findMany({
    where: { actorId: { in: named.map((a) => a.actorId) } },
    select: { eventId: true },
    distinct: ["eventId"],
  });
  return [...new Set([...textIds, ...participations.map((p) => p.eventId)])].sort((a, b) => a - b);
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
