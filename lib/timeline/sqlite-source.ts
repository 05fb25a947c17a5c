import type { Db } from "@/lib/db/client";
import { closeSqliteReader, sqliteReader } from "@/lib/db/sqlite-reader";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { ROLE_INITIATOR, ROLE_TARGET, type IndexSource } from "@/lib/timeline/facet-index";

/**
 * Every SQLite-specific statement of the timeline lives here: the FTS5 search and the bulk
 * read of the facet index (docs/decisions/0004-timeline-performance.md). A PostgreSQL
 * version replaces this module (tsvector search, the same column reads).
 */

/** The FTS5 query for folded words: each must start a word of the event's search text. */
export function searchExpression(words: readonly string[]): string {
  // Words come from the filter parser: letters and digits only, so quoting is enough.
  return words.map((w) => `"${w.replace(/"/g, "")}"*`).join(" AND ");
}

/** Ids of the events (any status) whose search text contains every word, as a word prefix. */
export async function matchSearchIds(db: Db, words: readonly string[]): Promise<number[]> {
  if (words.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT rowid AS id FROM "EventSearch" WHERE "EventSearch" MATCH ?`,
    searchExpression(words),
  );
  return rows.map((r) => Number(r.id));
}

/**
 * The same search through the app's own read connection to DATABASE_URL: returning tens of
 * thousands of ids is several times faster without Prisma's row mapping.
 */
export async function matchSearchIdsFast(words: readonly string[]): Promise<number[]> {
  if (words.length === 0) return [];
  return reader()
    .prepare(`SELECT rowid FROM "EventSearch" WHERE "EventSearch" MATCH ?`)
    .pluck()
    .all(searchExpression(words)) as number[];
}

const reader = sqliteReader;

/** The timeline's change counter (moved by triggers on every relevant write). */
export function readTimelineVersion(): string {
  const db = reader();
  const value = db.prepare(`SELECT "value" FROM "ChangeCounter" WHERE "name" = 'timeline'`).pluck().get();
  return `${resolveDatabaseTarget().url}#${String(value ?? 0)}`;
}

/** Reads the public events' filter columns in one snapshot, with the version they belong to. */
export function loadIndexSource(): { version: string; source: IndexSource } {
  const db = reader();
  const load = db.transaction(() => {
    const version = readTimelineVersion();
    const ids: number[] = [];
    const dateStart: string[] = [];
    const dateEnd: string[] = [];
    const type: string[] = [];
    const legalBasis: (string | null)[] = [];
    const events = db
      .prepare(
        `SELECT "id", "dateStart", "dateEnd", "type", "legalBasis" FROM "Event"
         WHERE "status" = 'published' AND "deletedAt" IS NULL ORDER BY "dateStart", "id"`,
      )
      .raw();
    for (const row of events.iterate() as Iterable<[number, string, string, string, string | null]>) {
      ids.push(row[0]);
      dateStart.push(row[1]);
      dateEnd.push(row[2]);
      type.push(row[3]);
      legalBasis.push(row[4]);
    }
    const pEvent: number[] = [];
    const pActor: number[] = [];
    const pRole: number[] = [];
    const participants = db
      .prepare(`SELECT "eventId", "actorId", "role" FROM "EventParticipant"`)
      .raw();
    for (const row of participants.iterate() as Iterable<[number, number, string]>) {
      pEvent.push(row[0]);
      pActor.push(row[1]);
      pRole.push(row[2] === "initiator" ? ROLE_INITIATOR : row[2] === "target" ? ROLE_TARGET : 0);
    }
    const tEvent: number[] = [];
    const tTag: number[] = [];
    for (const row of db.prepare(`SELECT "eventId", "tagId" FROM "EventTag"`).raw().iterate() as Iterable<[number, number]>) {
      tEvent.push(row[0]);
      tTag.push(row[1]);
    }
    return {
      version,
      source: {
        events: { ids, dateStart, dateEnd, type, legalBasis },
        participants: { eventIds: pEvent, actorIds: pActor, roles: pRole },
        tags: { eventIds: tEvent, tagIds: tTag },
      },
    };
  });
  return load();
}

/** Closes the shared reader (tests and benchmarks that switch databases). */
export const closeTimelineReader = closeSqliteReader;
