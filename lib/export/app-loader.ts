import "server-only";
import type Database from "better-sqlite3";
import { sqliteReader } from "@/lib/db/sqlite-reader";
import { sqliteSnapshotLoader, type SnapshotLoader } from "@/lib/export/snapshot-sql";

// Prepared once per connection: the shared reader is opened once per process.
const globalForLoader = globalThis as unknown as { demarcheSnapshotLoader?: { db: Database.Database; load: SnapshotLoader } };

/** The snapshot loader of the app's database (DATABASE_URL), for the export routes. */
export function appSnapshotLoader(): SnapshotLoader {
  const db = sqliteReader();
  const cached = globalForLoader.demarcheSnapshotLoader;
  if (cached?.db === db) return cached.load;
  const load = sqliteSnapshotLoader(db);
  globalForLoader.demarcheSnapshotLoader = { db, load };
  return load;
}
