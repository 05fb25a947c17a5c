import "server-only";
import { prisma } from "@/lib/db";
import { normaliseAlias } from "@/lib/actors/alias-normalise";
import { slugify } from "@/lib/text/fold";

/** At most this many aliases are listed per actor on the actors screen. */
export const ALIASES_SHOWN = 200;

/** Every actor with how many events it takes part in and its aliases, optionally filtered by name or alias. */
export async function listActors(q: string) {
  const term = q.trim();
  const alias = normaliseAlias(term);
  const actors = await prisma.actor.findMany({
    // The slug and the alias's normalised form are folded text, so this matches whatever the case and accents, on every database.
    where: term
      ? {
          OR: [
            { name: { contains: term } },
            { slug: { contains: slugify(term) } },
            { isoCode: term.toUpperCase() },
            ...(alias ? [{ aliases: { some: { normalised: alias } } }] : []),
          ],
        }
      : {},
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      isoCode: true,
      _count: { select: { participations: true, aliases: true } },
      aliases: { select: { id: true, alias: true, kind: true, origin: true }, orderBy: [{ kind: "asc" }, { alias: "asc" }], take: ALIASES_SHOWN },
    },
  });
  return actors.map(({ _count, ...a }) => ({ ...a, events: _count.participations, aliasCount: _count.aliases }));
}

export type ActorRow = Awaited<ReturnType<typeof listActors>>[number];

/** The latest actor changes (renames, merges), for the actors page. */
export async function listActorChanges(limit = 20) {
  const rows = await prisma.auditLog.findMany({
    where: { subjectType: "actor" },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, details: true, createdAt: true, user: { select: { email: true } } },
  });
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
