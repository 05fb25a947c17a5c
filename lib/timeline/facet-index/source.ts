import { ROLE_INITIATOR, ROLE_TARGET, type IndexSource } from "@/lib/timeline/facet-index/types";

/**
 * The one builder of the index's link rows: (event, actor, role) for participants and
 * (event, tag) for tags, as parallel columns. The engines' readers fill it through
 * `IndexSourceBuilder`; the index itself through it when it lays out its overlay and when a
 * compaction merges the base and the overlay.
 */
export class LinkRows {
  readonly participants: { eventIds: number[]; actorIds: number[]; roles: number[] } = { eventIds: [], actorIds: [], roles: [] };
  readonly tags: { eventIds: number[]; tagIds: number[] } = { eventIds: [], tagIds: [] };

  participant(eventId: number, actorId: number, role: number): void {
    this.participants.eventIds.push(eventId);
    this.participants.actorIds.push(actorId);
    this.participants.roles.push(role);
  }

  tag(eventId: number, tagId: number): void {
    this.tags.eventIds.push(eventId);
    this.tags.tagIds.push(tagId);
  }
}

/** A participant's stored role as the index's number (0 for a role the index does not count). */
export function roleNumber(role: string): number {
  return role === "initiator" ? ROLE_INITIATOR : role === "target" ? ROLE_TARGET : 0;
}

/** Builds an IndexSource row by row, as the engines read it (lib/db/sqlite|postgres/timeline-source.ts). */
export class IndexSourceBuilder {
  readonly #events: IndexSource["events"] & { ids: number[] } = { ids: [], dateStart: [], dateEnd: [], type: [], legalBasis: [] };
  readonly #links = new LinkRows();

  /** An event; events must come in timeline order (dateStart, id) for a whole load. */
  event(id: number, dateStart: string, dateEnd: string, type: string, legalBasis: string | null): void {
    const e = this.#events;
    e.ids.push(id);
    e.dateStart.push(dateStart);
    e.dateEnd.push(dateEnd);
    e.type.push(type);
    e.legalBasis.push(legalBasis);
  }

  /** A participant row with its stored role ("initiator", "target"). */
  participant(eventId: number, actorId: number, role: string): void {
    this.#links.participant(eventId, actorId, roleNumber(role));
  }

  tag(eventId: number, tagId: number): void {
    this.#links.tag(eventId, tagId);
  }

  build(): IndexSource {
    return { events: this.#events, participants: this.#links.participants, tags: this.#links.tags };
  }
}
