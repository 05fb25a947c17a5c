import type { Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/url";

/** Tables whose rows the import may insert with the ids from the file. */
export type IdTable = "Event" | "Actor" | "EventRevision";

/**
 * After rows were inserted with explicit ids (an import or a restore keeps the file's ids),
 * moves each table's id generator past the largest id, so the next row created the usual way
 * does not collide. SQLite's AUTOINCREMENT follows explicit ids by itself; a PostgreSQL
 * sequence does not.
 */
export async function syncIdSequences(tx: Db, tables: readonly IdTable[]): Promise<void> {
  if (resolveDatabaseTarget().provider !== "postgresql") return;
  for (const table of tables) {
    await tx.$queryRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`,
    );
  }
}
