import "server-only";
import { postgresReader } from "@/lib/db/postgres-reader";
import { sqliteReader } from "@/lib/db/sqlite-reader";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { postgresSnapshotLoader, sqliteSnapshotLoader, type SnapshotLoader } from "@/lib/export/snapshot-sql";

// Prepared once per reader: the shared readers are opened once per process.
const globalForLoader = globalThis as unknown as { demarcheSnapshotLoader?: { reader: object; load: SnapshotLoader } };

/** The bulk snapshot loader of the app's database (DATABASE_URL, either engine), for the exports. */
export function appSnapshotLoader(): SnapshotLoader {
  const postgres = resolveDatabaseTarget().provider === "postgresql";
  const reader = postgres ? postgresReader() : sqliteReader();
  const cached = globalForLoader.demarcheSnapshotLoader;
  if (cached?.reader === reader) return cached.load;
  const load = postgres ? postgresSnapshotLoader(postgresReader()) : sqliteSnapshotLoader(sqliteReader());
  globalForLoader.demarcheSnapshotLoader = { reader, load };
  return load;
}
