import { z } from "zod";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { LIMITS } from "@/lib/events/schema";

/**
 * The shape of a stored revision snapshot (`EventSnapshot`), for text that comes from
 * outside (a backup) or from rows written before this check existed. Bounds follow the
 * form's limits with room for what older versions allowed; the vocabulary is not enforced
 * here, because history must stay readable after a type or kind is renamed.
 */
const text = (max: number) => z.string().max(max);
const instant = z.iso.datetime({ offset: true });
const day = z.string().regex(/^-?\d{4,6}-\d{2}-\d{2}$/);
const actor = z.object({ id: z.number().int().positive(), name: text(200), isoCode: text(3).nullable() });

export const eventSnapshotSchema = z.object({
  id: z.number().int().positive(),
  title: text(LIMITS.title * 4),
  summary: text(LIMITS.summary * 2),
  date: text(20),
  datePrecision: z.enum(["year", "month", "day"]),
  dateStart: day,
  dateEnd: day,
  endDate: text(20).nullable(),
  type: text(80),
  status: text(20),
  legalBasis: text(LIMITS.legalBasis * 4).nullable(),
  location: text(LIMITS.location * 4).nullable(),
  version: z.number().int().positive().max(10_000_000),
  createdAt: instant,
  updatedAt: instant,
  deletedAt: instant.nullable(),
  measures: z.array(text(80)).max(50),
  initiators: z.array(actor).max(LIMITS.participants),
  targets: z.array(actor).max(LIMITS.participants),
  tags: z.array(text(LIMITS.tag * 2)).max(LIMITS.tags * 2),
  sources: z
    .array(
      z.object({
        url: text(LIMITS.url).nullable(),
        title: text(LIMITS.sourceTitle * 2),
        publisher: text(LIMITS.publisher * 2).nullable(),
        publishedOn: text(20).nullable(),
        retrievedAt: text(40).nullable(),
        archiveUrl: text(LIMITS.url).nullable(),
      }),
    )
    .max(LIMITS.sources * 2),
  relations: z.array(z.object({ kind: text(40), eventId: z.number().int().positive() })).max(LIMITS.relations * 2),
}) satisfies z.ZodType<EventSnapshot>;

/** Longest snapshot text accepted from a backup (the largest real ones are ~30 kB). */
export const MAX_SNAPSHOT_CHARS = 256 * 1024;

/** A stored snapshot, or null when the text is not JSON or not an event snapshot: callers show that instead of failing. */
export function parseStoredSnapshot(stored: string): EventSnapshot | null {
  if (stored.length > MAX_SNAPSHOT_CHARS * 4) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = eventSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
