import type Database from "better-sqlite3";
import type { TimelineSource } from "@/lib/db/engine";
import { openReadOnly, type SqliteReader } from "@/lib/db/sqlite/reader";
import { SEARCH_SQL, searchExpression } from "@/lib/db/sqlite/search";
import { ROLE_INITIATOR, ROLE_TARGET, type IndexSource } from "@/lib/timeline/facet-index";

/**
 * The timeline's SQLite statements (the engine's TimelineSource, lib/db/engine.ts): the FTS5
 * search and the facet index's reads, through raw better-sqlite3 rows, an order of
 * magnitude faster than Prisma's row mapping (docs/decisions/0004-timeline-performance.md).
 */

/** Rows read between two yields to the event loop while the whole index loads. */
const LOAD_CHUNK = 20_000;

const roleNumber = (role: string) => (role === "initiator" ? ROLE_INITIATOR : role === "target" ? ROLE_TARGET : 0);

const PUBLIC = `"status" = 'published' AND "deletedAt" IS NULL`;
const EVENT_COLUMNS = `"id", "dateStart", "dateEnd", "type", "legalBasis"`;

type EventRow = [number, string, string, string, string | null];

function emptySource(): IndexSource {
  return {
    events: { ids: [], dateStart: [], dateEnd: [], type: [], legalBasis: [] },
    participants: { eventIds: [], actorIds: [], roles: [] },
    tags: { eventIds: [], tagIds: [] },
  };
}

/** Appends rows to plain arrays (the source's arrays are ArrayLike; these are the ones we own). */
type Collector = ReturnType<typeof collector>;
function collector() {
  const ids: number[] = [];
  const dateStart: string[] = [];
  const dateEnd: string[] = [];
  const type: string[] = [];
  const legalBasis: (string | null)[] = [];
  const pEvent: number[] = [];
  const pActor: number[] = [];
  const pRole: number[] = [];
  const tEvent: number[] = [];
  const tTag: number[] = [];
  return {
    event(row: EventRow) {
      ids.push(row[0]);
      dateStart.push(row[1]);
      dateEnd.push(row[2]);
      type.push(row[3]);
      legalBasis.push(row[4]);
    },
    participant(row: [number, number, string]) {
      pEvent.push(row[0]);
      pActor.push(row[1]);
      pRole.push(roleNumber(row[2]));
    },
    tag(row: [number, number]) {
      tEvent.push(row[0]);
      tTag.push(row[1]);
    },
    source(): IndexSource {
      return {
        events: { ids, dateStart, dateEnd, type, legalBasis },
        participants: { eventIds: pEvent, actorIds: pActor, roles: pRole },
        tags: { eventIds: tEvent, tagIds: tTag },
      };
    },
  };
}

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
        const out: Collector = collector();
        await drain(
          db.prepare(`SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${PUBLIC} ORDER BY "dateStart", "id"`).raw().iterate() as IterableIterator<EventRow>,
          out.event,
        );
        await drain(
          db.prepare(`SELECT "eventId", "actorId", "role" FROM "EventParticipant"`).raw().iterate() as IterableIterator<[number, number, string]>,
          out.participant,
        );
        await drain(db.prepare(`SELECT "eventId", "tagId" FROM "EventTag"`).raw().iterate() as IterableIterator<[number, number]>, out.tag);
        db.exec("COMMIT");
        return { seq, source: out.source() };
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
      if (ids.length === 0) return emptySource();
      const db = reader();
      const list = JSON.stringify(ids);
      const read = db.transaction(() => {
        const out = collector();
        const inList = `IN (SELECT value FROM json_each(?))`;
        for (const row of db.prepare(`SELECT ${EVENT_COLUMNS} FROM "Event" WHERE "id" ${inList} AND ${PUBLIC}`).raw().all(list) as EventRow[]) out.event(row);
        for (const row of db.prepare(`SELECT "eventId", "actorId", "role" FROM "EventParticipant" WHERE "eventId" ${inList}`).raw().all(list) as [number, number, string][]) {
          out.participant(row);
        }
        for (const row of db.prepare(`SELECT "eventId", "tagId" FROM "EventTag" WHERE "eventId" ${inList}`).raw().all(list) as [number, number][]) out.tag(row);
        return out.source();
      });
      return read();
    },

    async search(words) {
      if (words.length === 0) return [];
      return reader().prepare(SEARCH_SQL).pluck().all(searchExpression(words)) as number[];
    },
  };
}

