import type pg from "pg";
import type { TimelineSource } from "@/lib/db/engine";
import type { PostgresReader } from "@/lib/db/postgres/reader";
import { searchQuery } from "@/lib/db/postgres/search";
import { IndexSourceBuilder, type IndexSource } from "@/lib/timeline/facet-index";

/**
 * The timeline's PostgreSQL statements (the engine's TimelineSource, lib/db/engine.ts), read
 * through the engine's pg pool as arrays (docs/decisions/0004-timeline-performance.md).
 */

const PUBLIC = `"status" = 'published' AND "deletedAt" IS NULL`;
const EVENT_COLUMNS = `"id", "dateStart", "dateEnd", "type", "legalBasis"`;

type EventRow = [number, string, string, string, string | null];

async function rows<T>(client: pg.Pool | pg.PoolClient, text: string, values: unknown[] = []): Promise<T[]> {
  const result = await client.query<T extends unknown[] ? T : never>({ text, values, rowMode: "array" });
  return result.rows as T[];
}

/** Runs reads in one REPEATABLE READ snapshot. */
async function inSnapshot<T>(pool: pg.Pool, read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const result = await read(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function readSource(client: pg.PoolClient, where: { events: string; links: string; values: unknown[] }): Promise<IndexSource> {
  const [events, participants, tags] = [
    await rows<EventRow>(client, `SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${PUBLIC}${where.events} ORDER BY "dateStart", "id"`, where.values),
    await rows<[number, number, string]>(client, `SELECT "eventId", "actorId", "role" FROM "EventParticipant"${where.links}`, where.values),
    await rows<[number, number]>(client, `SELECT "eventId", "tagId" FROM "EventTag"${where.links}`, where.values),
  ];
  const out = new IndexSourceBuilder();
  for (const r of events) out.event(r[0], r[1], r[2], r[3], r[4]);
  for (const r of participants) out.participant(r[0], r[1], r[2]);
  for (const r of tags) out.tag(r[0], r[1]);
  return out.build();
}

const LATEST = `SELECT coalesce(max("seq"), 0)::int FROM "TimelineChange"`;

export function postgresTimelineSource(url: string, reader: PostgresReader): TimelineSource {
  const postgresReader = () => reader.get();
  return {
    key: `postgresql:${url}`,

    async latestChange() {
      const [row] = await rows<[number]>(postgresReader(), LATEST);
      return row?.[0] ?? 0;
    },

    async loadAll() {
      return inSnapshot(postgresReader(), async (client) => {
        const [row] = await rows<[number]>(client, LATEST);
        const source = await readSource(client, { events: "", links: "", values: [] });
        return { seq: row?.[0] ?? 0, source };
      });
    },

    async changesSince(seq) {
      const found = await rows<[number, number]>(postgresReader(), `SELECT "seq", "eventId" FROM "TimelineChange" WHERE "seq" > $1 ORDER BY "seq"`, [seq]);
      const last = found.at(-1);
      return { seq: last ? last[0] : seq, eventIds: [...new Set(found.map((r) => r[1]))] };
    },

    async loadEvents(ids) {
      return inSnapshot(postgresReader(), (client) =>
        readSource(client, { events: ` AND "id" = ANY($1::int[])`, links: ` WHERE "eventId" = ANY($1::int[])`, values: [ids] }),
      );
    },

    async search(words) {
      if (words.length === 0) return [];
      const { sql, params } = searchQuery(words);
      const found = await rows<[number]>(postgresReader(), sql, params);
      return found.map((r) => r[0]);
    },
  };
}
