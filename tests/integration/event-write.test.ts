import { ExpectedError } from "@/lib/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeActors } from "@/lib/actors/write";
import { eventInputSchema, type EventInputRaw } from "@/lib/events/schema";
import { readEventSnapshot, snapshotToInput, type EventSnapshot } from "@/lib/events/snapshot";
import {
  EventConflictError,
  purgeEvent,
  restoreEvent,
  revertEvent,
  trashEvent,
  updateEvent,
} from "@/lib/events/write";
import { createTestDatabase } from "./database";
import { actorIdNamed, createTestEvent } from "./factories";
import { eventIdsByTitle, loadExamples } from "./example-data";

const db = await createTestDatabase();
const prisma = db.prisma;
afterAll(() => db.dispose());

let ids: Map<string, number>;
let userId: number;
beforeAll(async () => {
  await loadExamples(prisma);
  ids = await eventIdsByTitle(prisma);
  userId = (await prisma.user.create({ data: { email: "ed@example.org", passwordHash: "x", role: "editor" } })).id;
});

const id = (title: string) => {
  const found = ids.get(title);
  if (found === undefined) throw new Error(`no event "${title}"`);
  return found;
};

const actorId = (name: string) => actorIdNamed(prisma, name);
const newEvent = (overrides: Partial<EventInputRaw> = {}) => createTestEvent(prisma, overrides, userId);

async function revisions(eventId: number) {
  const rows = await prisma.eventRevision.findMany({ where: { eventId }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, snapshot: JSON.parse(r.snapshot) as EventSnapshot }));
}

function edit(snapshot: EventSnapshot, changes: Partial<EventInputRaw>) {
  return eventInputSchema.parse({ ...snapshotToInput(snapshot), ...changes });
}

describe("event writes", () => {
  it("write a revision with the full snapshot in the same transaction as every change", async () => {
    const eventId = await newEvent();
    const created = (await readEventSnapshot(prisma, eventId))!;
    await prisma.$transaction((tx) => updateEvent(tx, eventId, edit(created, { title: "Edited" }), { userId, expectedVersion: 1 }));
    await prisma.$transaction((tx) => trashEvent(tx, eventId, { userId }));
    await prisma.$transaction((tx) => restoreEvent(tx, eventId, { userId }));

    const history = await revisions(eventId);
    expect(history.map((r) => [r.kind, r.version, r.userId])).toEqual([
      ["create", 1, userId],
      ["update", 2, userId],
      ["delete", 3, userId],
      ["restore", 4, userId],
    ]);
    const current = (await readEventSnapshot(prisma, eventId))!;
    expect(history.at(-1)!.snapshot).toEqual(current);
    expect(history[1]!.snapshot.title).toBe("Edited");
    expect(history[2]!.snapshot.deletedAt).not.toBeNull();
    expect(current).toMatchObject({ version: 4, deletedAt: null, title: "Edited" });
  });

  it("leave no trace of a change that fails halfway: neither the change nor its revision", async () => {
    const eventId = await newEvent({ title: "Atomic" });
    const before = (await readEventSnapshot(prisma, eventId))!;
    // The relation points at an event that does not exist, which fails after the columns were written.
    const broken = edit(before, { title: "Half-written", relations: [{ kind: "responds-to", eventId: 999_999 }] });
    await expect(
      prisma.$transaction((tx) => updateEvent(tx, eventId, broken, { userId, expectedVersion: 1 })),
    ).rejects.toThrow(ExpectedError);
    expect(await readEventSnapshot(prisma, eventId)).toEqual(before);
    expect((await revisions(eventId)).map((r) => r.kind)).toEqual(["create"]);

    // The same holds when whatever runs after the write in the transaction fails.
    await expect(
      prisma.$transaction(async (tx) => {
        await updateEvent(tx, eventId, edit(before, { title: "Rolled back" }), { userId, expectedVersion: 1 });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await readEventSnapshot(prisma, eventId)).toEqual(before);
    expect(await revisions(eventId)).toHaveLength(1);
  });

  it("reject a save from a stale version, with the current state, and overwrite nothing", async () => {
    const eventId = await newEvent({ title: "Contested" });
    const loaded = (await readEventSnapshot(prisma, eventId))!;
    await prisma.$transaction((tx) => updateEvent(tx, eventId, edit(loaded, { summary: "First editor" }), { userId, expectedVersion: 1 }));

    const stale = prisma.$transaction((tx) => updateEvent(tx, eventId, edit(loaded, { title: "Second editor" }), { userId, expectedVersion: 1 }));
    await expect(stale).rejects.toBeInstanceOf(EventConflictError);
    const error = await stale.catch((e: unknown) => e);
    expect(error).toMatchObject({ expectedVersion: 1, current: { version: 2, summary: "First editor", title: "Contested" } });
    expect(await readEventSnapshot(prisma, eventId)).toMatchObject({ version: 2, title: "Contested", summary: "First editor" });
    expect(await revisions(eventId)).toHaveLength(2);

    // Two saves racing from the same version: exactly one wins.
    const current = (await readEventSnapshot(prisma, eventId))!;
    const results = await Promise.allSettled(
      ["A", "B"].map((who) =>
        prisma.$transaction((tx) => updateEvent(tx, eventId, edit(current, { title: who }), { userId, expectedVersion: 2 })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof EventConflictError)).toHaveLength(1);
    expect((await readEventSnapshot(prisma, eventId))!.version).toBe(3);

    // A trashed event cannot be edited until it is restored.
    await prisma.$transaction((tx) => trashEvent(tx, eventId, { userId, expectedVersion: 3 }));
    await expect(
      prisma.$transaction((tx) => updateEvent(tx, eventId, edit(current, { title: "While trashed" }), { userId })),
    ).rejects.toThrow("This event is in the trash; restore it first.");
  });

  it("hide trashed events from the public, and keep every revision of a purged event", async () => {
    const target = await newEvent({ title: "To be purged", status: "published" });
    const answer = await newEvent({ title: "Answer", relations: [{ kind: "responds-to", eventId: target }] });
    await prisma.$transaction((tx) => trashEvent(tx, target, { userId }));
    expect(await prisma.event.count({ where: { id: target, status: "published", deletedAt: null } })).toBe(0);
    await expect(prisma.$transaction((tx) => purgeEvent(tx, answer, { userId }))).rejects.toThrow("This event is not in the trash.");

    await prisma.$transaction((tx) => purgeEvent(tx, target, { userId }));
    expect(await prisma.event.findUnique({ where: { id: target } })).toBeNull();
    const history = await revisions(target);
    expect(history.map((r) => r.kind)).toEqual(["create", "delete", "purge"]);
    expect(history.at(-1)!.snapshot).toMatchObject({ title: "To be purged", version: 3 });
    // The answer lost its link, and its history says so.
    const answerHistory = await revisions(answer);
    expect(answerHistory.map((r) => r.kind)).toEqual(["create", "update"]);
    expect(answerHistory[0]!.snapshot.relations).toEqual([{ kind: "responds-to", eventId: target }]);
    expect(answerHistory[1]!.snapshot.relations).toEqual([]);
  });

  it("restore an earlier revision as a new revision, keeping everything after it", async () => {
    const eventId = id("Lavrov says US-Russia ties are worse than during the Cold War");
    const v1 = (await readEventSnapshot(prisma, eventId))!;
    await prisma.$transaction((tx) =>
      updateEvent(tx, eventId, edit(v1, { title: "Changed", tags: ["changed"], sources: [] }), { userId, expectedVersion: 1 }),
    );
    const [first] = await revisions(eventId);
    await expect(
      prisma.$transaction((tx) => revertEvent(tx, eventId, first!.id, { userId, expectedVersion: 1 })),
    ).rejects.toBeInstanceOf(EventConflictError);
    const result = await prisma.$transaction((tx) => revertEvent(tx, eventId, first!.id, { userId, expectedVersion: 2 }));
    expect(result).toEqual({ droppedRelations: 0, droppedActors: [] });

    const history = await revisions(eventId);
    expect(history.map((r) => [r.kind, r.version])).toEqual([
      ["import", 1],
      ["update", 2],
      ["revert", 3],
    ]);
    const restored = (await readEventSnapshot(prisma, eventId))!;
    const content = ({ version: _v, updatedAt: _u, createdAt: _c, ...rest }: EventSnapshot) => rest;
    expect(content(restored)).toEqual(content(v1));
    await expect(prisma.$transaction((tx) => revertEvent(tx, id("US expels 10 Russian diplomats"), first!.id, { userId }))).rejects.toThrow(
      "This revision does not belong to this event.",
    );
  });
});

describe("actor merges", () => {
  it("move every participation, record the merge and a revision per event, and keep old revisions restorable", async () => {
    const duplicate = await prisma.actor.create({ data: { name: "Russian Federation", slug: "russian-federation", kind: "state" } });
    const russia = await actorId("Russia");
    const onlyDuplicate = await newEvent({ title: "Names the duplicate", initiatorIds: [duplicate.id] });
    const both = await newEvent({ title: "Names both", initiatorIds: [russia], targetIds: [duplicate.id] });
    const before = (await readEventSnapshot(prisma, onlyDuplicate))!;

    const result = await prisma.$transaction((tx) => mergeActors(tx, duplicate.id, russia, userId));
    expect(result).toEqual({ events: 2 });
    expect(await prisma.actor.findUnique({ where: { id: duplicate.id } })).toBeNull();
    expect((await readEventSnapshot(prisma, onlyDuplicate))!.initiators.map((a) => a.name)).toEqual(["Russia"]);
    // Where the kept actor already took part, the duplicate's place is dropped rather than doubled.
    const merged = (await readEventSnapshot(prisma, both))!;
    expect([merged.initiators.map((a) => a.name), merged.targets.map((a) => a.name)]).toEqual([["Russia"], []]);

    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "actor.merge", subjectId: String(duplicate.id) } });
    expect(JSON.parse(log.details)).toMatchObject({ fromName: "Russian Federation", intoId: russia, intoName: "Russia" });
    expect(log.userId).toBe(userId);
    const history = await revisions(onlyDuplicate);
    expect(history.map((r) => r.kind)).toEqual(["create", "merge"]);
    expect(history[0]!.snapshot.initiators.map((a) => a.name)).toEqual(["Russian Federation"]);
    expect(before.initiators[0]!.id).toBe(duplicate.id);

    // Restoring the revision from before the merge names the actor the duplicate became.
    await prisma.$transaction((tx) => revertEvent(tx, onlyDuplicate, history[0]!.id, { userId }));
    expect((await readEventSnapshot(prisma, onlyDuplicate))!.initiators.map((a) => a.name)).toEqual(["Russia"]);
    // The search text follows the kept actor.
    expect(await prisma.event.count({ where: { id: onlyDuplicate, searchText: { contains: "russian federation" } } })).toBe(0);
  });
});
