import type { Db, Prisma } from "@/lib/db/client";
import { snapshotSearchText } from "@/lib/events/search-text";
import { eventInputSchema, type EventInput } from "@/lib/events/schema";
import { readEventSnapshot, snapshotToInput, type EventSnapshot } from "@/lib/events/snapshot";
import { parseStoredSnapshot } from "@/lib/events/snapshot-schema";
import { slugify } from "@/lib/text/fold";
import { ExpectedError } from "@/lib/errors";

/** Every kind of revision the app records; a backup may carry only these. */
export const REVISION_KINDS = ["create", "update", "delete", "restore", "purge", "merge", "import", "revert", "intake"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

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

/**
 * The child rows of an event written with `input` (tags already resolved to ids): one
 * definition for the single-event writer below and the import's bulk writer
 * (lib/events/bulk-write.ts). Duplicates in the input are dropped, as the form does.
 */
export function eventChildRows(eventId: number, input: EventInput, tagIds: readonly number[]) {
  const relations = new Map(input.relations.map((r) => [`${r.kind}:${r.eventId}`, r]));
  return {
    participants: [
      ...[...new Set(input.initiatorIds)].map((actorId, position) => ({ eventId, actorId, role: "initiator", position })),
      ...[...new Set(input.targetIds)].map((actorId, position) => ({ eventId, actorId, role: "target", position })),
    ],
    sources: input.sources.map((s, position) => ({
      eventId,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedOn: s.publishedOn,
      archiveUrl: s.archiveUrl,
      position,
    })),
    tags: [...new Set(tagIds)].map((tagId) => ({ eventId, tagId })),
    measures: [...new Set(input.measures)].map((measure) => ({ eventId, measure })),
    relations: [...relations.values()].map((r) => ({ fromId: eventId, toId: r.eventId, kind: r.kind })),
  };
}

/**
 * Writes the participants, sources, tags, measures and relations of an event, replacing any
 * old ones. A related event that does not exist is caught by EventRelation's foreign keys:
 * at once for an editor's save, at commit inside a transaction that deferred them
 * (`Engine.deferForeignKeys`, lib/db/engine.ts; the import, which checks its references itself).
 */
async function writeEventChildren(db: Db, eventId: number, input: EventInput): Promise<void> {
  await db.eventParticipant.deleteMany({ where: { eventId } });
  await db.source.deleteMany({ where: { eventId } });
  await db.eventTag.deleteMany({ where: { eventId } });
  await db.eventMeasure.deleteMany({ where: { eventId } });
  await db.eventRelation.deleteMany({ where: { fromId: eventId } });

  const rows = eventChildRows(eventId, input, await resolveTagIds(db, input.tags));
  const actorIds = [...new Set(rows.participants.map((p) => p.actorId))];
  if ((await db.actor.count({ where: { id: { in: actorIds } } })) !== actorIds.length) {
    throw new ExpectedError("invalid", "initiatorIds", "An actor no longer exists (it may have been merged); choose it again.");
  }
  if (rows.participants.length > 0) await db.eventParticipant.createMany({ data: rows.participants });
  if (rows.sources.length > 0) await db.source.createMany({ data: rows.sources });
  if (rows.tags.length > 0) await db.eventTag.createMany({ data: rows.tags });
  if (rows.measures.length > 0) await db.eventMeasure.createMany({ data: rows.measures });
  if (rows.relations.some((r) => r.toId === eventId)) throw new ExpectedError("invalid", "relations", "An event cannot relate to itself.");
  if (rows.relations.length > 0) {
    try {
      await db.eventRelation.createMany({ data: rows.relations });
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new ExpectedError("invalid", "relations", "A related event no longer exists; remove it from the list.");
      }
      throw error;
    }
  }

  await refreshSearchText(db, eventId);
}

/** Rebuilds the denormalised search text of an event from what is stored now. */
export async function refreshSearchText(db: Db, eventId: number): Promise<void> {
  const snapshot = await readEventSnapshot(db, eventId);
  if (!snapshot) throw new EventNotFoundError(eventId);
  await db.event.update({ where: { id: eventId }, data: { searchText: snapshotSearchText(snapshot) } });
}

/** Prisma's "foreign key constraint failed" (P2003), on either engine. */
function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2003";
}


/** The event's own columns for `input`. */
export function eventColumns(input: EventInput) {
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
  await db.eventRevision.create({ data: revisionRow(snapshot, kind, userId) });
}

/** The revision that records an event's state after a change (the single and the bulk writers). */
export function revisionRow(snapshot: EventSnapshot, kind: RevisionKind, userId: number | null) {
  return { eventId: snapshot.id, version: snapshot.version, kind, snapshot: JSON.stringify(snapshot), userId };
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

/** The event does not exist (any more). */
export class EventNotFoundError extends ExpectedError {
  constructor(readonly eventId: number) {
    super("not-found", "event", `Event ${eventId} does not exist.`);
    this.name = "EventNotFoundError";
  }
}

/**
 * Someone else saved the event since the editor loaded it. Carries the current state so
 * the editor can see what changed; nothing was written.
 */
export class EventConflictError extends ExpectedError {
  constructor(
    readonly eventId: number,
    readonly expectedVersion: number,
    readonly current: EventSnapshot,
  ) {
    super("conflict", "event", `Event ${eventId} is at version ${current.version}, not ${expectedVersion}.`);
    this.name = "EventConflictError";
  }
}

type ChangeOptions = { userId: number | null; expectedVersion?: number };

/**
 * Claims the next version of an event, or explains why not. The version check and the
 * increment are one conditional UPDATE, so two saves racing from the same version cannot
 * both pass: the second matches no row.
 */
async function claimVersion(
  db: Db,
  eventId: number,
  where: Prisma.EventWhereInput,
  data: Prisma.EventUpdateManyMutationInput,
  options: ChangeOptions,
): Promise<void> {
  const result = await db.event.updateMany({
    where: {
      id: eventId,
      ...where,
      ...(options.expectedVersion === undefined ? {} : { version: options.expectedVersion }),
    },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count === 1) return;
  const current = await readEventSnapshot(db, eventId);
  if (!current) throw new EventNotFoundError(eventId);
  if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
    throw new EventConflictError(eventId, options.expectedVersion, current);
  }
  if (current.deletedAt !== null) throw new ExpectedError("invalid", "event", "This event is in the trash; restore it first.");
  throw new ExpectedError("invalid", "event", "This event is not in the trash.");
}

/**
 * Replaces an event's content with `input`, as a new version. Rejects the change with an
 * EventConflictError when `expectedVersion` is not the current one. Run inside a
 * transaction: the change and its revision are written together or not at all.
 */
export async function updateEvent(
  db: Db,
  eventId: number,
  input: EventInput,
  options: ChangeOptions & { kind?: "update" | "revert" | "import" },
): Promise<void> {
  await claimVersion(db, eventId, { deletedAt: null }, eventColumns(input), options);
  await writeEventChildren(db, eventId, input);
  await recordRevision(db, eventId, options.kind ?? "update", options.userId);
}

/** Moves an event to the trash: hidden from the public and exports, kept with all its history. */
export async function trashEvent(db: Db, eventId: number, options: ChangeOptions): Promise<void> {
  await claimVersion(db, eventId, { deletedAt: null }, { deletedAt: new Date() }, options);
  await recordRevision(db, eventId, "delete", options.userId);
}

export async function restoreEvent(db: Db, eventId: number, options: ChangeOptions): Promise<void> {
  await claimVersion(db, eventId, { deletedAt: { not: null } }, { deletedAt: null }, options);
  await recordRevision(db, eventId, "restore", options.userId);
}

/**
 * Deletes a trashed event for good. Its revisions stay (they have no foreign key), the last
 * one of kind "purge" holding its final state, so even a purge can be looked up later.
 * Events that pointed at it lose that link, and get a revision saying so.
 */
export async function purgeEvent(db: Db, eventId: number, options: ChangeOptions): Promise<void> {
  await claimVersion(db, eventId, { deletedAt: { not: null } }, {}, options);
  await recordRevision(db, eventId, "purge", options.userId);
  const referrers = await db.eventRelation.findMany({ where: { toId: eventId }, select: { fromId: true }, distinct: ["fromId"] });
  await db.event.delete({ where: { id: eventId } });
  for (const { fromId } of referrers) {
    if (fromId === eventId) continue;
    await db.event.update({ where: { id: fromId }, data: { version: { increment: 1 } } });
    await recordRevision(db, fromId, "update", options.userId);
  }
}

/** Follows recorded actor merges, so a revision naming a merged actor restores onto the one it became. */
async function resolveMergedActorIds(db: Db, ids: readonly number[]): Promise<Map<number, number | null>> {
  const resolved = new Map<number, number | null>();
  for (const id of ids) {
    let current = id;
    const seen = new Set<number>();
    for (;;) {
      if (await db.actor.findUnique({ where: { id: current }, select: { id: true } })) {
        resolved.set(id, current);
        break;
      }
      const merge = await db.auditLog.findFirst({
        where: { action: "actor.merge", subjectType: "actor", subjectId: String(current) },
        orderBy: { id: "desc" },
        select: { details: true },
      });
      const into = merge ? (JSON.parse(merge.details) as { intoId?: number }).intoId : undefined;
      if (typeof into !== "number" || seen.has(into)) {
        resolved.set(id, null);
        break;
      }
      seen.add(current);
      current = into;
    }
  }
  return resolved;
}

export type RevertResult = { droppedRelations: number; droppedActors: string[] };

/**
 * Brings an event back to the content of one of its revisions, as a new "revert" revision
 * (the history only ever grows). Actors merged since then are replaced by the actor they
 * were merged into; links to events purged since then are dropped and counted.
 */
export async function revertEvent(db: Db, eventId: number, revisionId: number, options: ChangeOptions): Promise<RevertResult> {
  const revision = await db.eventRevision.findFirst({ where: { id: revisionId, eventId }, select: { snapshot: true } });
  if (!revision) throw new ExpectedError("invalid", "revision", "This revision does not belong to this event.");
  const snapshot = parseStoredSnapshot(revision.snapshot);
  if (!snapshot) throw new ExpectedError("invalid", "revision", "This revision cannot be restored: its stored snapshot is not readable.");
  const actorIds = [...snapshot.initiators, ...snapshot.targets].map((a) => a.id);
  const resolved = await resolveMergedActorIds(db, actorIds);
  const droppedActors = [...snapshot.initiators, ...snapshot.targets].filter((a) => resolved.get(a.id) === null).map((a) => a.name);
  const mapIds = (actors: EventSnapshot["initiators"]) =>
    [...new Set(actors.map((a) => resolved.get(a.id)).filter((id): id is number => typeof id === "number"))];
  const initiatorIds = mapIds(snapshot.initiators);
  const targetIds = mapIds(snapshot.targets).filter((id) => !initiatorIds.includes(id));
  const existing = new Set(
    (await db.event.findMany({ where: { id: { in: snapshot.relations.map((r) => r.eventId) } }, select: { id: true } })).map((e) => e.id),
  );
  const relations = snapshot.relations.filter((r) => existing.has(r.eventId) && r.eventId !== eventId);
  const parsed = eventInputSchema.safeParse({ ...snapshotToInput(snapshot), initiatorIds, targetIds, relations });
  if (!parsed.success) {
    throw new ExpectedError("invalid", "revision", `This revision cannot be restored: ${parsed.error.issues[0]?.message ?? "it is not valid"}`);
  }
  await updateEvent(db, eventId, parsed.data, { ...options, kind: "revert" });
  return { droppedRelations: snapshot.relations.length - relations.length, droppedActors };
}
