import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import type { EventInput } from "@/lib/events/schema";
import { createEvent } from "@/lib/events/write";

/** How long a submission's key is remembered: far longer than any retry or double click. */
const SUBMISSION_TTL_MS = 24 * 60 * 60 * 1000;

const submissionKeySchema = z.uuid();

/** A fresh key for one new-event form (rendered into it as the hidden field `submissionKey`). */
export function newSubmissionKey(): string {
  return randomUUID();
}

/** The form's key if it is one we could have issued, else null (then the create is not deduplicated). */
export function parseSubmissionKey(value: unknown): string | null {
  const parsed = submissionKeySchema.safeParse(value);
  return parsed.success ? parsed.data.toLowerCase() : null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "P2002";
}

/**
 * Creates an event once per form submission (issue 11, item 9): the event and its
 * submission key are written in one transaction, so a retried or double-submitted create with
 * the same key finds the first event and makes no second one. Two copies racing on
 * PostgreSQL both pass the lookup; the key's primary key lets one commit and rolls the other
 * back whole (its event included), which then answers with the winner's event. On SQLite the
 * writes are serialised (decision 0008), so the second sees the first. Without a key it is a
 * plain create.
 */
export async function createEventOnce(
  prisma: PrismaClient,
  key: string | null,
  input: EventInput,
  options: { userId: number | null },
  now = new Date(),
): Promise<{ id: number; created: boolean }> {
  if (key === null) return { id: await prisma.$transaction((tx) => createEvent(tx, input, options)), created: true };
  try {
    return await prisma.$transaction(async (tx) => {
      const seen = await tx.eventSubmission.findUnique({ where: { key }, select: { eventId: true } });
      if (seen) return { id: seen.eventId, created: false };
      const id = await createEvent(tx, input, options);
      await tx.eventSubmission.create({ data: { key, eventId: id, createdAt: now } });
      // Housekeeping in the same small transaction: keys older than a day are of no use.
      await tx.eventSubmission.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SUBMISSION_TTL_MS) } } });
      return { id, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const seen = await prisma.eventSubmission.findUnique({ where: { key }, select: { eventId: true } });
    if (!seen) throw error;
    return { id: seen.eventId, created: false };
  }
}
