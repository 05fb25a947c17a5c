import type { Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/url";

/** Rows per statement: one JSON parameter each, a few hundred kilobytes. */
const ROWS_PER_STATEMENT = 500;

type Row = Record<string, string | number | Date | null>;

/**
 * Inserts many rows into one table, several hundred per statement, each statement taking
 * all its rows as a single JSON parameter (SQLite: json_each, PostgreSQL:
 * json_populate_recordset). Prisma's createMany costs more in its query compiler than the
 * database spends inserting; this hands the database the rows as they are. Every row must
 * have the same keys (the table's column names); columns not given take their defaults.
 * Instants are written as each engine's Prisma adapter writes them, so Prisma reads them back
 * unchanged.
 */
export async function insertRows(db: Db, table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const quoted = columns.map((c) => `"${c}"`).join(", ");
  const postgres = resolveDatabaseTarget().provider === "postgresql";
  const sql = postgres
    ? `INSERT INTO "${table}" (${quoted}) SELECT ${quoted} FROM json_populate_recordset(NULL::"${table}", $1::json)`
    : `INSERT INTO "${table}" (${quoted}) SELECT ${columns.map((c) => `value ->> '$.${c}'`).join(", ")} FROM json_each(?)`;
  // PostgreSQL's timestamp(3) columns hold UTC without a zone; SQLite's adapter stores ISO text with +00:00.
  const instant = (d: Date) => (postgres ? d.toISOString() : d.toISOString().replace("Z", "+00:00"));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const json = JSON.stringify(chunk, function (this: Row, key, value: unknown) {
      const raw = key === "" ? value : this[key];
      return raw instanceof Date ? instant(raw) : value;
    });
    await db.$executeRawUnsafe(sql, json);
  }
}
