import type { Db } from "@/lib/db/client";
import { buildSearchText } from "@/lib/events/search-text";
import type { EventInput } from "@/lib/events/schema";
import { readEventSnapshot } from "@/lib/events/snapshot";
import { slugify } from "@/lib/text/fold";

export type RevisionKind = "create" | "update" | "delete" | "restore" | "purge" | "merge" | "import" | "revert";

/** Finds tags by name (case-insensitively, through the slug) and creates the missing ones. */
async function resolveTagIds(db: Db, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const slug = slugify(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    const tag = await db.tag.upsert({ where: { slug }, update: {}, create: { name, slug }, select: { id: true } });
    ids.push(tag.id);
  }
  return ids;
}

/** Writes the participants, sources, tags, measures and relations of an event, replacing any old ones. */
async function writeEventChildren(db: Db, eventId: number, input: EventInput): Promise<void> {
  await db.eventParticipant.deleteMany({ where: { eventId } });
  await db.source.deleteMany({ where: { eventId } });
  await db.eventTag.deleteMany({ where: { eventId } });
  await db.eventMeasure.deleteMany({ where: { eventId } });
  await db.eventRelation.deleteMany({ where: { fromId: eventId } });

  const participants = [
    ...[...new Set(input.initiatorIds)].map((actorId, position) => ({ eventId, actorId, role: "initiator", position })),
    ...[...new Set(input.targetIds)].map((actorId, position) => ({ eventId, actorId, role: "target", position })),
  ];
  if (participants.length > 0) await db.eventParticipant.createMany({ data: participants });
  if (input.sources.length > 0) {
    await db.source.createMany({
      data: input.sources.map((s, position) => ({
        eventId,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        publishedOn: s.publishedOn,
        archiveUrl: s.archiveUrl,
        position,
      })),
    });
  }
  const tagIds = await resolveTagIds(db, input.tags);
  if (tagIds.length > 0) await db.eventTag.createMany({ data: tagIds.map((tagId) => ({ eventId, tagId })) });
  const measures = [...new Set(input.measures)];
  if (measures.length > 0) await db.eventMeasure.createMany({ data: measures.map((measure) => ({ eventId, measure })) });
  const relations = new Map(input.relations.map((r) => [`${r.kind}:${r.eventId}`, r]));
  for (const relation of relations.values()) {
    if (relation.eventId === eventId) throw new EventWriteError("relations", "An event cannot relate to itself.");
  }
  if (relations.size > 0) {
    await db.eventRelation.createMany({
      data: [...relations.values()].map((r) => ({ fromId: eventId, toId: r.eventId, kind: r.kind })),
    });
  }

  const actors = await db.actor.findMany({
    where: { id: { in: participants.map((p) => p.actorId) } },
    select: { name: true, isoCode: true },
  });
  await db.event.update({
    where: { id: eventId },
    data: {
      searchText: buildSearchText({
        title: input.title,
        summary: input.summary,
        legalBasis: input.legalBasis,
        location: input.location,
        actorNames: actors.map((a) => a.name),
        actorCodes: actors.map((a) => a.isoCode),
        tags: input.tags,
        sources: input.sources,
      }),
    },
  });
}

/** An expected write failure, reported to the user against a field. */
export class EventWriteError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "EventWriteError";
  }
}

function eventColumns(input: EventInput) {
  return {
    title: input.title,
    summary: input.summary,
    datePrecision: input.date.precision,
    dateStart: input.date.start,
    dateEnd: input.date.end,
    endDate: input.endDate?.value ?? null,
    type: input.type,
    status: input.status,
    legalBasis: input.legalBasis,
    location: input.location,
  };
}

/** Records a revision with the event's full snapshot after a change. Call inside the change's transaction. */
export async function recordRevision(db: Db, eventId: number, kind: RevisionKind, userId: number | null): Promise<void> {
  const snapshot = await readEventSnapshot(db, eventId);
  if (!snapshot) throw new Error(`Event ${eventId} vanished while recording its revision`);
  await db.eventRevision.create({
    data: { eventId, version: snapshot.version, kind, snapshot: JSON.stringify(snapshot), userId },
  });
}

/**
 * Creates an event with everything attached and its first revision. Pass a transaction
 * client so the event and its revision are written together.
 */
export async function createEvent(
  db: Db,
  input: EventInput,
  options: { userId: number | null; kind?: RevisionKind; id?: number },
): Promise<number> {
  const event = await db.event.create({
    data: { ...(options.id ? { id: options.id } : {}), ...eventColumns(input) },
    select: { id: true },
  });
  await writeEventChildren(db, event.id, input);
  await recordRevision(db, event.id, options.kind ?? "create", options.userId);
  return event.id;
}

/**
 * Replaces an event's content with `input` as its next version and records the revision,
 * in the caller's transaction. Minimal version written for the import (issue 5); the
 * editors' branch (issue 4) has the full one with optimistic concurrency, which replaces
 * this at merge time (its `kind` must then also accept "import").
 */
export async function updateEvent(
  db: Db,
  eventId: number,
  input: EventInput,
  options: { userId: number | null; kind?: RevisionKind },
): Promise<void> {
  await db.event.update({ where: { id: eventId }, data: { ...eventColumns(input), version: { increment: 1 } } });
  await writeEventChildren(db, eventId, input);
  await recordRevision(db, eventId, options.kind ?? "update", options.userId);
}
