import "server-only";
import { prisma } from "@/lib/db";
import type { ResolvedFilters } from "@/lib/timeline/resolve";
import { timelineEventIds } from "@/lib/timeline/view";
import type { MatrixActor, ParticipationRow } from "@/lib/patterns/matrix";

export type PatternActor = MatrixActor & { kind: string; isoCode: string | null };

/**
 * The initiator/target participations of every event of a view (the facet index gives the
 * ids, so the view is exactly the timeline's), read in chunks, with the actors involved.
 */
export async function getViewParticipations(
  filters: ResolvedFilters,
): Promise<{ rows: ParticipationRow[]; actors: PatternActor[]; total: number; truncated: boolean }> {
  const { ids, total } = await timelineEventIds(filters);
  const rows: ParticipationRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const part = await prisma.eventParticipant.findMany({
      where: { eventId: { in: chunk } },
      select: { eventId: true, actorId: true, role: true, event: { select: { type: true } } },
    });
    for (const p of part) {
      if (p.role === "initiator" || p.role === "target") rows.push({ eventId: p.eventId, actorId: p.actorId, role: p.role, type: p.event.type });
    }
  }
  const actorIds = [...new Set(rows.map((r) => r.actorId))];
  const actors =
    actorIds.length === 0
      ? []
      : await prisma.actor.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, slug: true, isoCode: true, kind: true } });
  return {
    rows,
    actors: actors.map((a) => ({ id: a.id, name: a.name, value: a.isoCode ? a.isoCode.toLowerCase() : a.slug, kind: a.kind, isoCode: a.isoCode })),
    total,
    truncated: ids.length < total,
  };
}
