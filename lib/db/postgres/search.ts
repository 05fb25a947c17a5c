/**
 * PostgreSQL's word search, written once: each word is a range of the B-tree of "EventWord"
 * (one row per distinct word of an event's folded search text, kept by triggers: migration
 * `event_words`), read by an index-only scan, so no event row is visited per match. Several
 * words intersect. Run by the pg pool (lib/db/postgres/timeline-source.ts) and through Prisma
 * (lib/db/postgres/index.ts), so both give the same ids. The meaning is that of the FTS5
 * prefix query on SQLite: each word must start a word (a run of letters and digits) of the
 * folded search text.
 */
export function searchQuery(words: readonly string[]): { sql: string; params: string[] } {
  const params = words.flatMap((w) => wordRange(w));
  const parts = words.map((_, i) => `SELECT "eventId" FROM "EventWord" WHERE "word" >= $${2 * i + 1} AND "word" < $${2 * i + 2}`);
  const sql =
    parts.length === 1
      ? `SELECT DISTINCT "eventId" AS "id" FROM "EventWord" WHERE "word" >= $1 AND "word" < $2 ORDER BY 1`
      : `SELECT "eventId" AS "id" FROM (${parts.join(" INTERSECT ")}) AS matched ORDER BY 1`;
  return { sql, params };
}

/** The largest code point: in the C collation every word starting with p sorts below p + it. */
const LAST_CODE_POINT = String.fromCodePoint(0x10ffff);

/**
 * The half-open range [p, p + U+10FFFF) of the words that start with p, in the C collation
 * of "EventWord"."word". Words are letters and digits only (lib/timeline/filters.ts) and at
 * most 200 characters (the length the table keeps).
 */
export function wordRange(word: string): [string, string] {
  return [word, `${word}${LAST_CODE_POINT}`];
}
