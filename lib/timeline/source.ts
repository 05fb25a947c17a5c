import type { Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/url";
import type { IndexSource } from "@/lib/timeline/facet-index";
import { postgresSearchPatterns, postgresTimelineSource } from "@/lib/timeline/postgres-source";
import { searchExpression, sqliteTimelineSource } from "@/lib/timeline/sqlite-source";

/**
 * Everything engine-specific the timeline needs, behind one interface: the facet index's
 * bulk load, its change log and the full-text search. SQLite (lib/timeline/sqlite-source.ts)
 * and PostgreSQL (lib/timeline/postgres-source.ts) give the same results for the same data
 * (tests/integration/timeline-source.test.ts). See docs/decisions/0004-timeline-performance.md.
 */
export interface TimelineSource {
  /** The database it reads (the facet store keeps one index per key). */
  readonly key: string;
  /** The sequence number of the last change-log entry (0 when there is none). */
  latestChange(): Promise<number>;
  /** The public events' filter columns in timeline order, read in one snapshot with the last sequence number it includes. */
  loadAll(): Promise<{ seq: number; source: IndexSource }>;
  /** The events changed after `seq`, and the sequence number up to which they were read. */
  changesSince(seq: number): Promise<{ seq: number; eventIds: number[] }>;
  /** The current filter columns of those of `ids` that are public now (any order). */
  loadEvents(ids: readonly number[]): Promise<IndexSource>;
  /**
   * Ids (ascending) of the events, whatever their status, whose folded search text has every
   * word at the start of one of its words: "sanction" finds "sanctions", "gencoglu" finds
   * "gençoğlu". Words are letters and digits only (lib/timeline/filters.ts).
   */
  search(words: readonly string[]): Promise<number[]>;
}

/** The source for DATABASE_URL. */
export function timelineSource(): TimelineSource {
  const target = resolveDatabaseTarget();
  return target.provider === "postgresql" ? postgresTimelineSource(target.url) : sqliteTimelineSource(target.file);
}

/** The search of `timelineSource()` through the app's fast reader. */
export function searchEventIds(words: readonly string[]): Promise<number[]> {
  return timelineSource().search(words);
}

/**
 * The same search through a Prisma client or transaction (the exports read inside their
 * own transaction): the same SQL as the sources, so the same results.
 */
export async function matchSearchIds(db: Db, words: readonly string[]): Promise<number[]> {
  if (words.length === 0) return [];
  if (resolveDatabaseTarget().provider === "postgresql") {
    const patterns = postgresSearchPatterns(words);
    const where = patterns.map((_, i) => `"searchText" ~ $${i + 1}`).join(" AND ");
    const rows = await db.$queryRawUnsafe<{ id: number }[]>(`SELECT "id" FROM "Event" WHERE ${where} ORDER BY "id"`, ...patterns);
    return rows.map((r) => Number(r.id));
  }
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT rowid AS id FROM "EventSearch" WHERE "EventSearch" MATCH ? ORDER BY rowid`,
    searchExpression(words),
  );
  return rows.map((r) => Number(r.id));
}
