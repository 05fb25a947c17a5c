/**
 * The drafter's view of the database (DraftContext): every actor with its aliases and its
 * state's ISO code, and the legal bases already recorded, so mentions resolve to existing
 * actors and a named basis is spelled as before. Read once per paste, in one pass each.
 */
import type { Db } from "@/lib/db/client";
import { ACTOR_KIND_SLUGS, type ActorKind } from "@/lib/events/vocabulary";
import type { DraftContext } from "@/lib/intake/types";

/** Legal bases beyond this many distinct ones are not offered for reuse (the most frequent are kept). */
const MAX_LEGAL_BASES = 2000;

const isActorKind = (kind: string): kind is ActorKind => (ACTOR_KIND_SLUGS as readonly string[]).includes(kind);

export async function loadDraftContext(db: Db): Promise<DraftContext> {
  const [actors, aliases, bases] = await Promise.all([
    db.actor.findMany({ select: { id: true, name: true, kind: true, isoCode: true, parent: { select: { isoCode: true } } }, orderBy: { id: "asc" } }),
    db.actorAlias.findMany({ select: { actorId: true, alias: true } }),
    db.event.groupBy({
      by: ["legalBasis"],
      where: { legalBasis: { not: null }, deletedAt: null },
      _count: { legalBasis: true },
      orderBy: { _count: { legalBasis: "desc" } },
      take: MAX_LEGAL_BASES,
    }),
  ]);
  const byActor = new Map<number, string[]>();
  for (const a of aliases) (byActor.get(a.actorId) ?? byActor.set(a.actorId, []).get(a.actorId))?.push(a.alias);
  return {
    actors: actors.flatMap((a) =>
      isActorKind(a.kind)
        ? [{ id: a.id, name: a.name, kind: a.kind, isoCode: a.isoCode, stateCode: a.isoCode ?? a.parent?.isoCode ?? null, aliases: byActor.get(a.id) ?? [] }]
        : [],
    ),
    legalBases: bases.flatMap((b) => (b.legalBasis ? [b.legalBasis] : [])),
  };
}
