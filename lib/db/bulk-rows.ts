import type { BulkRow } from "@/lib/db/engine";

/** Rows per statement: one JSON parameter each, a few hundred kilobytes. */
const ROWS_PER_STATEMENT = 500;

/**
 * The engine-neutral half of `Engine.insertRows`: sends the rows a statement at a time, each
 * statement's rows as one JSON text, instants written by the engine's `instant`.
 */
export async function insertInChunks(rows: readonly BulkRow[], run: (json: string) => Promise<unknown>, instant: (d: Date) => string): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const json = JSON.stringify(chunk, function (this: BulkRow, key, value: unknown) {
      const raw = key === "" ? value : this[key];
      return raw instanceof Date ? instant(raw) : value;
    });
    await run(json);
  }
}
