import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/generated/postgres/client";
import { insertInChunks } from "@/lib/db/bulk-rows";
import { busyWaitMs } from "@/lib/db/busy";
import { readEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/db/client";
import type { Engine, SnapshotLoader } from "@/lib/db/engine";
import { toEventPage } from "@/lib/db/event-page-rows";
import { EVENT_PAGE_SQL } from "@/lib/db/postgres/event-page";
import { postgresReader } from "@/lib/db/postgres/reader";
import { searchQuery } from "@/lib/db/postgres/search";
import { postgresPrismaSnapshotLoader, postgresSnapshotLoader } from "@/lib/db/postgres/snapshots";
import { postgresTimelineSource } from "@/lib/db/postgres/timeline-source";


/** PostgreSQL's side of lib/db/engine.ts, for one database URL. */
export function postgresEngine(url: string): Engine {
  const reader = postgresReader(url);
  let loader: { pool: object; load: SnapshotLoader } | null = null;
  return {
    provider: "postgresql",
    key: `postgresql:${url}`,

    createClient() {
      // A write that meets a row a long import has locked (an event it updates, a tag it
      // creates) would wait for the whole import: lock_timeout bounds that wait, and the write
      // then reports a busy database (55P03, lib/db/busy.ts). The import lifts it for itself.
      // DATABASE_POOL_SIZE: connections one app process keeps (several instances share the server).
      const adapter = new PrismaPg({ connectionString: url, max: readEnv().DATABASE_POOL_SIZE, options: `-c lock_timeout=${busyWaitMs()}` });
      // The two generated classes are nominally distinct but structurally the same API.
      return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
    },

    timeline: postgresTimelineSource(url, reader),

    async searchIds(db, words) {
      if (words.length === 0) return [];
      const { sql, params } = searchQuery(words);
      const rows = await db.$queryRawUnsafe<{ id: number }[]>(sql, ...params);
      return rows.map((r) => Number(r.id));
    },

    async eventPage(id) {
      // Named: each pooled connection parses and plans it once.
      const result = await reader.get().query<[unknown]>({ name: "demarche_event_page", text: EVENT_PAGE_SQL, values: [id], rowMode: "array" });
      return toEventPage(result.rows[0]?.[0]);
    },

    snapshotLoader() {
      const pool = reader.get();
      if (loader?.pool !== pool) loader = { pool, load: postgresSnapshotLoader(pool) };
      return loader.load;
    },

    prismaSnapshotLoader: postgresPrismaSnapshotLoader,

    async insertRows(db, table, rows) {
      const first = rows[0];
      if (!first) return;
      const quoted = Object.keys(first).map((c) => `"${c}"`).join(", ");
      const sql = `INSERT INTO "${table}" (${quoted}) SELECT ${quoted} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
      // timestamp(3) columns hold UTC without a zone.
      await insertInChunks(rows, (json) => db.$executeRawUnsafe(sql, json), (d) => d.toISOString());
    },

    async lockKeys(tx, keys) {
      for (const { namespace, key } of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${namespace}::int, hashtext(${key}))`;
    },

    async waitWithoutLimit(tx) {
      await tx.$executeRawUnsafe("SET LOCAL lock_timeout = 0");
    },

    async deferForeignKeys(tx) {
      // Only constraints declared DEFERRABLE can be deferred: EventRelation's two are
      // (migration `event_relation_deferrable`), the others stay immediate.
      await tx.$executeRawUnsafe("SET CONSTRAINTS ALL DEFERRED");
    },

    async syncIdSequences(tx, tables) {
      // A sequence does not follow explicit ids.
      for (const table of tables) {
        await tx.$queryRawUnsafe(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`,
        );
      }
    },

    async closeReaders() {
      await reader.close();
      loader = null;
    },
  };
}
