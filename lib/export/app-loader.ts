import "server-only";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { sqliteSnapshotLoader, type SnapshotLoader } from "@/lib/export/snapshot-sql";

// One read-only connection per server process, like the Prisma client (lib/db/index.ts).
const globalForLoader = globalThis as unknown as { demarcheSnapshotLoader?: SnapshotLoader };

/** The snapshot loader of the app's database (DATABASE_URL), for the export routes. */
export function appSnapshotLoader(): SnapshotLoader {
  if (!globalForLoader.demarcheSnapshotLoader) {
    const target = resolveDatabaseTarget();
    if (target.provider !== "sqlite") throw new Error("The exports read SQLite directly; PostgreSQL is not supported yet.");
    globalForLoader.demarcheSnapshotLoader = sqliteSnapshotLoader(target.file);
  }
  return globalForLoader.demarcheSnapshotLoader;
}
