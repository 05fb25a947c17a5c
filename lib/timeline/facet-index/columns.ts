/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops: every index is bounded by construction (see index.ts). */
import { buildLinks, type Links } from "@/lib/timeline/facet-index/postings";
import { LinkRows } from "@/lib/timeline/facet-index/source";
import { dayNumber, monthOfDay, OTHER_TYPE, TYPE_INDEX, type IndexSource } from "@/lib/timeline/facet-index/types";
import { CHUNK_MASK, runSync, type Work } from "@/lib/timeline/facet-index/work";

/** Events in timeline order, column by column (the base's and the overlay's layout). */
export type Columns = {
  size: number;
  ids: Int32Array;
  startDay: Int32Array;
  endDay: Int32Array;
  month: Int32Array;
  type: Uint8Array;
  /** Index into the index's legal-basis names, -1 for none. */
  basis: Int32Array;
  actors: Links;
  tags: Links;
};

/** Events already in timeline order, with numeric days, type and basis indexes. */
export type ColumnInput = {
  ids: ArrayLike<number>;
  startDay: ArrayLike<number>;
  endDay: ArrayLike<number>;
  type: ArrayLike<number>;
  basis: ArrayLike<number>;
  participants: IndexSource["participants"];
  tags: IndexSource["tags"];
};

export function* buildColumns(input: ColumnInput, positionOf: (id: number) => number): Work<Columns> {
  const size = input.ids.length;
  const startDay = Int32Array.from(input.startDay);
  const month = new Int32Array(size);
  for (let p = 0; p < size; p++) month[p] = monthOfDay(startDay[p]!);
  yield;
  const { participants, tags } = input;
  const ids = Int32Array.from(input.ids);
  const endDay = Int32Array.from(input.endDay);
  const type = Uint8Array.from(input.type);
  const basis = Int32Array.from(input.basis);
  yield;
  const actors = yield* buildLinks(size, positionOf, participants.eventIds, participants.actorIds, participants.roles);
  const tagLinks = yield* buildLinks(size, positionOf, tags.eventIds, tags.tagIds, null);
  return { size, ids, startDay, endDay, month, type, basis, actors, tags: tagLinks };
}

/** A changed or new event held beside the base until the next compaction. */
export type OverlayEvent = {
  id: number;
  startDay: number;
  endDay: number;
  type: number;
  /** Index into the index's basis names, -1 for none. */
  basis: number;
  actorIds: number[];
  roles: number[];
  tagIds: number[];
};

export function* columnInputOf(source: IndexSource): Work<{ input: ColumnInput; basisNames: string[] }> {
  const events = source.events;
  const n = events.ids.length;
  const startDay = new Int32Array(n);
  const endDay = new Int32Array(n);
  const type = new Uint8Array(n);
  const basis = new Int32Array(n);
  const basisNames: string[] = [];
  const basisIndex = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    if ((p & CHUNK_MASK) === 0) yield;
    startDay[p] = dayNumber(events.dateStart[p]!);
    endDay[p] = dayNumber(events.dateEnd[p]!);
    type[p] = TYPE_INDEX.get(events.type[p]!) ?? OTHER_TYPE;
    const name = events.legalBasis[p];
    if (name) {
      let b = basisIndex.get(name);
      if (b === undefined) {
        b = basisNames.length;
        basisNames.push(name);
        basisIndex.set(name, b);
      }
      basis[p] = b;
    } else {
      basis[p] = -1;
    }
  }
  return {
    input: { ids: events.ids, startDay, endDay, type, basis, participants: source.participants, tags: source.tags },
    basisNames,
  };
}

/** The overlay's columns: its events are already sorted in timeline order. */
export function overlayColumns(events: readonly OverlayEvent[]): Columns {
  const position = new Map(events.map((e, i) => [e.id, i]));
  const links = new LinkRows();
  for (const e of events) {
    e.actorIds.forEach((actor, i) => links.participant(e.id, actor, e.roles[i]!));
    for (const tag of e.tagIds) links.tag(e.id, tag);
  }
  return runSync(buildColumns(
    {
      ids: events.map((e) => e.id),
      startDay: events.map((e) => e.startDay),
      endDay: events.map((e) => e.endDay),
      type: events.map((e) => e.type),
      basis: events.map((e) => e.basis),
      participants: links.participants,
      tags: links.tags,
    },
    (id) => position.get(id) ?? -1,
  ));
}
