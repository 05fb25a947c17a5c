/**
 * Tables created by hand-written SQL that Prisma cannot model: the FTS5 search index and
 * its shadow tables (docs/decisions/0004-timeline-performance.md). Prisma sees them when it
 * replays the migrations and proposes to drop them; those proposals are not drift.
 */
const UNMODELLED_TABLES = /^EventSearch(_(data|idx|content|docsize|config))?$/;
const DROP_TABLE_BLOCK = /-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE "([^"]+)";\nPRAGMA foreign_keys=on;\n*/g;

/** The diff without the statements that would drop the hand-made tables. */
export function withoutUnmodelledDrops(sql: string): string {
  const kept = sql.replace(DROP_TABLE_BLOCK, (block, table: string) => (UNMODELLED_TABLES.test(table) ? "" : block));
  return kept.trim() === "" ? "-- This is an empty migration.\n" : kept;
}
