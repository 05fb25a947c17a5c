import { afterAll, describe, expect, it } from "vitest";
import { createEventOnce, newSubmissionKey, parseSubmissionKey } from "@/lib/events/create-once";
import { createTestDatabase } from "./database";
import { eventInput } from "./factories";

// Issue 11, item 9: a retried or double-submitted create makes one event, not two.
const db = await createTestDatabase();
const prisma = db.prisma;
afterAll(() => db.dispose());
const actor = await prisma.actor.create({ data: { name: "Create-once state", slug: "create-once-state", kind: "state" } });

const input = (title: string) => eventInput({ title, date: "2022-04", status: "published", initiatorIds: [actor.id] });

const count = (title: string) => prisma.event.count({ where: { title } });

describe("creating an event once per form submission", () => {
  it("answers a retry with the first event", async () => {
    const key = newSubmissionKey();
    const first = await createEventOnce(prisma, key, input("Retried create"), { userId: null });
    const again = await createEventOnce(prisma, key, input("Retried create"), { userId: null });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await count("Retried create")).toBe(1);
    expect(await prisma.eventRevision.count({ where: { eventId: first.id } })).toBe(1);
  });

  it("makes one event of five parallel submissions with the same key", async () => {
    const key = newSubmissionKey();
    const results = await Promise.all(Array.from({ length: 5 }, () => createEventOnce(prisma, key, input("Double click"), { userId: null })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await count("Double click")).toBe(1);
  });

  it("still makes separate events for separate submissions, and without a key", async () => {
    await createEventOnce(prisma, newSubmissionKey(), input("Two forms"), { userId: null });
    await createEventOnce(prisma, newSubmissionKey(), input("Two forms"), { userId: null });
    await createEventOnce(prisma, null, input("No key"), { userId: null });
    await createEventOnce(prisma, null, input("No key"), { userId: null });
    expect(await count("Two forms")).toBe(2);
    expect(await count("No key")).toBe(2);
  });

  it("accepts only keys it could have issued", () => {
    const key = newSubmissionKey();
    expect(parseSubmissionKey(key)).toBe(key);
    expect(parseSubmissionKey(key.toUpperCase())).toBe(key);
    for (const bad of ["", "x", "' OR 1=1", `${key}x`, null, undefined, 42]) expect(parseSubmissionKey(bad)).toBeNull();
  });
});
