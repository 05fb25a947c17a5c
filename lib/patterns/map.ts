import { alpha2ToNumeric } from "i18n-iso-countries";
import type { ParticipationRow } from "@/lib/patterns/matrix";

export type MapSide = "initiator" | "target";

export type StateCount = { actorId: number; name: string; isoCode: string; value: string; numeric: string | null; count: number };

/** The side a `side` parameter names; initiator unless it says target. */
export function parseSide(value: string | null | undefined): MapSide {
  return value === "target" ? "target" : "initiator";
}

/**
 * Events per state on one side (each event once per state), most first; only actors of kind
 * "state" with an ISO code. `numeric` is the ISO 3166-1 numeric code world-atlas uses as id.
 */
export function countStates(
  rows: readonly ParticipationRow[],
  actors: readonly { id: number; name: string; kind: string; isoCode: string | null; value: string }[],
  side: MapSide,
): StateCount[] {
  const states = new Map(actors.filter((a) => a.kind === "state" && a.isoCode).map((a) => [a.id, a]));
  const seen = new Set<string>();
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (r.role !== side || !states.has(r.actorId)) continue;
    const key = `${r.eventId}:${r.actorId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts.set(r.actorId, (counts.get(r.actorId) ?? 0) + 1);
  }
  return [...counts.entries()]
    .flatMap(([id, count]) => {
      const a = states.get(id);
      if (!a?.isoCode) return [];
      return [{ actorId: id, name: a.name, isoCode: a.isoCode, value: a.value, numeric: alpha2ToNumeric(a.isoCode.toUpperCase()) ?? null, count }];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
