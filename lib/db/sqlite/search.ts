/**
 * SQLite's word search, written once: the FTS5 table "EventSearch" (kept by triggers) and a
 * prefix query per word. Run by the fast reader (lib/db/sqlite/timeline-source.ts) and
 * through Prisma (lib/db/sqlite/index.ts), so both give the same ids.
 */
export const SEARCH_SQL = `SELECT rowid AS id FROM "EventSearch" WHERE "EventSearch" MATCH ? ORDER BY rowid`;

/** The FTS5 query for folded words: each must start a word of the event's search text. */
export function searchExpression(words: readonly string[]): string {
  // Words come from the filter parser: letters and digits only, so quoting is enough.
  return words.map((w) => `"${w.replace(/"/g, "")}"*`).join(" AND ");
}
