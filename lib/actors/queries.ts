import "server-only";
import { prisma } from "@/lib/db";
import { slugify } from "@/lib/text/fold";

/** Every actor with how many events it takes part in, optionally filtered by name. */
export async function listActors(q: string) {
  const term = q.trim();
  const actors = await prisma.actor.findMany({
    // The slug is folded text, so this matches whatever the case and accents, on every database.
    where: term ? { OR: [{ name: { contains: term } }, { slug: { contains: slugify(term) } }, { isoCode: term.toUpperCase() }] } : {},
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, isoCode: true, _count: { select: { participations: true } } },
  });
  return actors.map(({ _count, ...a }) => ({ ...a, events: _count.participations }));
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
