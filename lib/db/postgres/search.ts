/**
 * PostgreSQL's word search, written once: one regular expression per word on the folded
 * "searchText" (served by its trigram index). Run by the pg pool
 * (lib/db/postgres/timeline-source.ts) and through Prisma (lib/db/postgres/index.ts), so both
 * give the same ids.
 */
export function searchQuery(words: readonly string[]): { sql: string; params: string[] } {
  const params = postgresSearchPatterns(words);
  const where = params.map((_, i) => `"searchText" ~ $${i + 1}`).join(" AND ");
  return { sql: `SELECT "id" FROM "Event" WHERE ${where} ORDER BY "id"`, params };
}

/**
 * One regular expression per search word, with the meaning of the FTS5 prefix query on
 * SQLite: the word must start a word of the folded search text, where a word is a run of
 * letters and digits. `[[:alnum:]]` follows the database's character classification (with a
 * UTF-8 locale such as C.UTF-8, Cyrillic and other scripts are letters).
 */
export function postgresSearchPatterns(words: readonly string[]): string[] {
  // Words are letters and digits only (lib/timeline/filters.ts); escape anyway, never trust.
  return words.map((w) => `(^|[^[:alnum:]])${w.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}`);
}
