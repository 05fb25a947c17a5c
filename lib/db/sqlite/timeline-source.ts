import type Database from "better-sqlite3";
import type { TimelineSource } from "@/lib/db/engine";
import { openReadOnly, type SqliteReader } from "@/lib/db/sqlite/reader";
import { SEARCH_SQL, searchExpression } from "@/lib/db/sqlite/search";
import { IndexSourceBuilder } from "@/lib/timeline/facet-index";

/**
 * The timeline's SQLite statements (the engine's TimelineSource, lib/db/engine.ts): the FTS5
 * search and the facet index's reads, through raw better-sqlite3 rows, an order of
 * magnitude faster than Prisma's row mapping (docs/decisions/0004-timeline-performance.md).
 */

/** Rows read between two yields to the event loop while the whole index loads. */
const LOAD_CHUNK = 20_000;

const PUBLIC = `"status" = 'published' AND "deletedAt" IS NULL`;
const EVENT_COLUMNS = `"id", "dateStart", "dateEnd", "type", "legalBasis"`;

type EventRow = [number, string, string, string, string | null];
type ParticipantRow = [number, number, string];
type TagRow = [number, number];

const addEvent = (out: IndexSourceBuilder) => (r: EventRow) => out.event(r[0], r[1], r[2], r[3], r[4]);
const addParticipant = (out: IndexSourceBuilder) => (r: ParticipantRow) => out.participant(r[0], r[1], r[2]);
const addTag = (out: IndexSourceBuilder) => (r: TagRow) => out.tag(r[0], r[1]);

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drain<T>(rows: IterableIterator<T>, each: (row: T) => void): Promise<void> {
  let n = 0;
  for (const row of rows) {
    each(row);
    if (++n % LOAD_CHUNK === 0) await yieldToEventLoop();
  }
}

function latestChangeOn(db: Database.Database): number {
  return Number(db.prepare(`SELECT coalesce(max("seq"), 0) FROM "TimelineChange"`).pluck().get() ?? 0);
}

export function sqliteTimelineSource(file: string, shared: SqliteReader): TimelineSource {
  // The engine's shared reader for the small reads.
  const reader = () => shared.get();
  return {
    key: `sqlite:${file}`,

    async latestChange() {
      return latestChangeOn(reader());
    },

    async loadAll() {
      // A connection of its own: the read takes seconds at a million events and yields to
      // the event loop between chunks, while other requests use the shared reader.
      const db = openReadOnly(file);
      try {
        db.exec("BEGIN");
        const seq = latestChangeOn(db);
        const out = new IndexSourceBuilder();
        await drain(
          db.prepare(`SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${PUBLIC} ORDER BY "dateStart", "id"`).raw().iterate() as IterableIterator<EventRow>,
          addEvent(out),
        );
        await drain(
          db.prepare(`SELECT "eventId", "actorId", "role" FROM "EventParticipant"`).raw().iterate() as IterableIterator<ParticipantRow>,
          addParticipant(out),
        );
        await drain(db.prepare(`SELECT "eventId", "tagId" FROM "EventTag"`).raw().iterate() as IterableIterator<TagRow>, addTag(out));
        db.exec("COMMIT");
        return { seq, source: out.build() };
      } finally {
        db.close();
      }
    },

    async changesSince(seq) {
      const db = reader();
      const rows = db.prepare(`SELECT "seq", "eventId" FROM "TimelineChange" WHERE "seq" > ? ORDER BY "seq"`).raw().all(seq) as [number, number][];
      const last = rows.at(-1);
      return { seq: last ? last[0] : seq, eventIds: [...new Set(rows.map((r) => r[1]))] };
    },

    async loadEvents(ids) {
      const out = new IndexSourceBuilder();
      if (ids.length === 0) return out.build();
      const db = reader();
      const list = JSON.stringify(ids);
      const read = db.transaction(() => {
        const inList = `IN (SELECT value FROM json_each(?))`;
        (db.prepare(`SELECT ${EVENT_COLUMNS} FROM "Event" WHERE "id" ${inList} AND ${PUBLIC}`).raw().all(list) as EventRow[]).forEach(addEvent(out));
        (db.prepare(`SELECT "eventId", "actorId", "role" FROM "EventParticipant" WHERE "eventId" ${inList}`).raw().all(list) as ParticipantRow[]).forEach(addParticipant(out));
        (db.prepare(`SELECT "eventId", "tagId" FROM "EventTag" WHERE "eventId" ${inList}`).raw().all(list) as TagRow[]).forEach(addTag(out));
        return out.build();
      });
      return read();
    },

    async search(words) {
      if (words.length === 0) return [];
      return reader().prepare(SEARCH_SQL).pluck().all(searchExpression(words)) as number[];
    },
  };
}

