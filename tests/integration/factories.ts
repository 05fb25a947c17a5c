import type { PrismaClient } from "@/lib/db/client";
import { eventInputSchema, type EventInput, type EventInputRaw } from "@/lib/events/schema";
import { createEvent } from "@/lib/events/write";

/**
 * Shared test factories (issue 10, item 7): one event input as the event form would send it,
 * parsed by the form's own schema, so a test never hands the write path a shape the form
 * could not produce. A statement of 1 May 2021 unless `overrides` say otherwise.
 */
export function eventInput(overrides: Partial<EventInputRaw> = {}): EventInput {
  return eventInputSchema.parse({ title: "Test event", date: "2021-05-01", type: "statement", ...overrides });
}

/** The id of the actor with this exact name (the example events' "Russia", "United States", …). */
export async function actorIdNamed(prisma: PrismaClient, name: string): Promise<number> {
  return (await prisma.actor.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
}

/**
 * Creates one event through the write path (with its revision) and returns its id: Russia ->
 * United States with one source unless `overrides` say otherwise (needs those two actors,
 * as the example events have them).
 */
export async function createTestEvent(prisma: PrismaClient, overrides: Partial<EventInputRaw>, userId: number | null): Promise<number> {
  const input = eventInput({
    initiatorIds: [await actorIdNamed(prisma, "Russia")],
    targetIds: [await actorIdNamed(prisma, "United States")],
    sources: [{ url: "https://example.org/test", title: "Test" }],
    ...overrides,
  });
  return prisma.$transaction((tx) => createEvent(tx, input, { userId }));
}
