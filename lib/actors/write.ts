import { ExpectedError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import type { ActorInput } from "@/lib/actors/schema";
import { recordRevision, refreshSearchText } from "@/lib/events/write";
import { slugify } from "@/lib/text/fold";
import { moveAliasesOnMerge, seedStateAliases } from "@/lib/actors/alias-write";


async function assertUnique(db: Db, input: ActorInput, exceptId: number | null): Promise<string> {
  const slug = slugify(input.name);
  const not = exceptId === null ? {} : { id: { not: exceptId } };
  const clash = await db.actor.findFirst({
    where: { ...not, OR: [{ name: input.name }, { slug }, ...(input.isoCode ? [{ isoCode: input.isoCode }] : [])] },
    select: { name: true, isoCode: true },
  });
  if (clash && input.isoCode && clash.isoCode === input.isoCode) {
    throw new ExpectedError("invalid", "isoCode", `${clash.name} already has the code ${input.isoCode}.`);
  }
  if (clash) throw new ExpectedError("invalid", "name", `An actor called "${clash.name}" already exists.`);
  return slug;
}

export async function createActor(db: Db, input: ActorInput, userId: number | null): Promise<{ id: number; name: string; isoCode: string | null }> {
  const slug = await assertUnique(db, input, null);
  const actor = await db.actor.create({
    data: { name: input.name, slug, kind: input.kind, isoCode: input.isoCode },
    select: { id: true, name: true, isoCode: true },
  });
  await db.auditLog.create({
    data: { action: "actor.create", subjectType: "actor", subjectId: String(actor.id), details: JSON.stringify(input), userId },
  });
  if (input.kind === "state" && input.isoCode) await seedStateAliases(db, { actorIds: [actor.id] });
  return actor;
}

/**
 * Renames an actor (or changes its kind or code). Events show actors by reference, so
 * their content does not change; the searchable text of each of its events is rebuilt by
 * touching them through a new revision, which also records the new name in their history.
 */
export async function updateActor(db: Db, actorId: number, input: ActorInput, userId: number | null): Promise<void> {
  const before = await db.actor.findUnique({ where: { id: actorId }, select: { name: true, kind: true, isoCode: true } });
  if (!before) throw new ExpectedError("not-found", "actor", "This actor no longer exists.");
  const slug = await assertUnique(db, input, actorId);
  await db.actor.update({ where: { id: actorId }, data: { name: input.name, slug, kind: input.kind, isoCode: input.isoCode } });
  await db.auditLog.create({
    data: {
      action: "actor.update",
      subjectType: "actor",
      subjectId: String(actorId),
      details: JSON.stringify({ before, after: input }),
      userId,
    },
  });
  await refreshEventsOf(db, await eventIdsOf(db, actorId), "update", userId);
}

/**
 * After an actor changed, its events' search text is rebuilt and each event gets a new
 * version and revision, so their history shows the actor as it was and as it is.
 */
async function refreshEventsOf(db: Db, eventIds: readonly number[], kind: "update" | "merge", userId: number | null): Promise<void> {
  for (const eventId of eventIds) {
    await db.event.update({ where: { id: eventId }, data: { version: { increment: 1 } } });
    await refreshSearchText(db, eventId);
    await recordRevision(db, eventId, kind, userId);
  }
}

async function eventIdsOf(db: Db, actorId: number): Promise<number[]> {
  const rows = await db.eventParticipant.findMany({ where: { actorId }, select: { eventId: true }, distinct: ["eventId"] });
  return rows.map((r) => r.eventId);
}

/**
 * Merges a duplicate actor into the one to keep: every participation moves over (where the
 * kept actor already takes part in an event, the duplicate's place is dropped), children
 * follow, the duplicate is deleted, each affected event gets a "merge" revision and the
 * merge is written to the audit log, which is also how restoring an old revision finds the
 * actor a merged one became.
 */
export async function mergeActors(db: Db, fromId: number, intoId: number, userId: number | null): Promise<{ events: number }> {
  if (fromId === intoId) throw new ExpectedError("invalid", "intoId", "Choose two different actors.");
  // One after the other: inside a transaction both would share one connection.
  const from = await db.actor.findUnique({ where: { id: fromId }, select: { id: true, name: true, isoCode: true } });
  const into = await db.actor.findUnique({ where: { id: intoId }, select: { id: true, name: true, isoCode: true } });
  if (!from) throw new ExpectedError("not-found", "fromId", "The duplicate no longer exists.");
  if (!into) throw new ExpectedError("not-found", "intoId", "The actor to keep no longer exists.");

  const eventIds = await eventIdsOf(db, fromId);
  const participations = await db.eventParticipant.findMany({ where: { actorId: fromId }, select: { eventId: true, role: true } });
  for (const p of participations) {
    const kept = await db.eventParticipant.findFirst({ where: { eventId: p.eventId, actorId: intoId }, select: { role: true } });
    if (kept) {
      await db.eventParticipant.delete({ where: { eventId_actorId_role: { eventId: p.eventId, actorId: fromId, role: p.role } } });
    } else {
      await db.eventParticipant.updateMany({ where: { eventId: p.eventId, actorId: fromId, role: p.role }, data: { actorId: intoId } });
    }
  }
  await db.actor.updateMany({ where: { parentId: fromId }, data: { parentId: intoId } });
  await moveAliasesOnMerge(db, fromId, intoId);
  await db.actor.delete({ where: { id: fromId } });
  if (from.isoCode && !into.isoCode) await db.actor.update({ where: { id: intoId }, data: { isoCode: from.isoCode } });
  await db.auditLog.create({
    data: {
      action: "actor.merge",
      subjectType: "actor",
      subjectId: String(fromId),
      details: JSON.stringify({ fromId, fromName: from.name, intoId, intoName: into.name, eventIds }),
      userId,
    },
  });
  await refreshEventsOf(db, eventIds, "merge", userId);
  return { events: eventIds.length };
}
