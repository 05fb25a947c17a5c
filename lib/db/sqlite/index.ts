import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { PrismaClient } from "@/generated/sqlite/client";
import { insertInChunks } from "@/lib/db/bulk-rows";
import type { Engine, SnapshotLoader } from "@/lib/db/engine";
import { toEventPage } from "@/lib/db/event-page-rows";
import { EVENT_PAGE_SQL } from "@/lib/db/sqlite/event-page";
import { sqliteReader } from "@/lib/db/sqlite/reader";
import { SEARCH_SQL, searchExpression } from "@/lib/db/sqlite/search";
import { PrismaSerialisedSQLite3 } from "@/lib/db/sqlite/serialised-adapter";
import { sqlitePrismaSnapshotLoader, sqliteSnapshotLoader } from "@/lib/db/sqlite/snapshots";
import { sqliteTimelineSource } from "@/lib/db/sqlite/timeline-source";

/** SQLite's side of lib/db/engine.ts, for one database file. */
export function sqliteEngine(file: string, url: string): Engine {
  const reader = sqliteReader(file);
  // Prepared once per reader connection (the connection is reopened after closeReaders).
  let loader: { connection: object; load: SnapshotLoader } | null = null;
  let eventPage: { connection: object; statement: Database.Statement<[number], unknown> } | null = null;
  return {
    provider: "sqlite",
    key: `sqlite:${file}`,

    createClient() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // One write connection shared by every request: the wrapper keeps other requests' queries
      // out of an open transaction (decision 0008).
      return new PrismaClient({ adapter: new PrismaSerialisedSQLite3({ url, timeout: 10_000 }) });
    },

    timeline: sqliteTimelineSource(file, reader),

    async searchIds(db, words) {
      if (words.length === 0) return [];
      const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(SEARCH_SQL, searchExpression(words));
      return rows.map((r) => Number(r.id));
    },

    async eventPage(id) {
      const connection = reader.get();
      if (eventPage?.connection !== connection) {
        eventPage = { connection, statement: connection.prepare<[number], unknown>(EVENT_PAGE_SQL).pluck(true) };
      }
      return toEventPage(eventPage.statement.get(id));
    },

    snapshotLoader() {
      const connection = reader.get();
      if (loader?.connection !== connection) loader = { connection, load: sqliteSnapshotLoader(connection) };
      return loader.load;
    },

    prismaSnapshotLoader: sqlitePrismaSnapshotLoader,

    async insertRows(db, table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${columns.map((c) => `value ->> '$.${c}'`).join(", ")} FROM json_each(?)`;
      // SQLite's adapter stores instants as ISO text with +00:00.
      await insertInChunks(rows, (json) => db.$executeRawUnsafe(sql, json), (d) => d.toISOString().replace("Z", "+00:00"));
    },

    async lockKeys() {
      // The caller's transaction writes first; SQLite's write lock (and the serialised
      // adapter's queue, decision 0008) already let one such transaction run at a time.
    },

    async waitWithoutLimit() {
      // The transaction holds the one write lock from its start: inside it nothing waits.
    },

    async deferForeignKeys(tx) {
      // Applies to every foreign key.
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
    },

    async syncIdSequences() {
      // AUTOINCREMENT follows explicit ids by itself.
    },

    async closeReaders() {
      reader.close();
      loader = null;
      eventPage = null;
    },
  };
}
