import { setImmediate as nextTick } from "node:timers/promises";
import type { Db, Prisma } from "@/lib/db/client";
import { afterCursor, eventOrderBy } from "@/lib/events/filter-query";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { prismaSnapshotLoader, type SnapshotLoader } from "@/lib/export/snapshot-sql";
import type { TimelineCursor } from "@/lib/timeline/cursor";
import type { Sort } from "@/lib/timeline/filters";

/** Events per database read: large enough to amortise a query, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 1000;

export type ReadEventsOptions = {
  /** The rows to export: for the public exports, `eventWhereForFilters(resolved)`. */
  where: Prisma.EventWhereInput;
  sort: Sort;
  /** Hide relations to events that are not public (public exports); the backup keeps them all. */
  publicRelationsOnly: boolean;
  batchSize?: number;
  /** How the batch's details are read; by default through `db`. */
  load?: SnapshotLoader;
};

/**
 * Reads events in the timeline's order as full snapshots, one batch at a time, by keyset on
 * (dateStart, id) exactly like the timeline's pages: never OFFSET, never everything at once.
 * Between batches it yields to the event loop, so that a long export (better-sqlite3 reads
 * are synchronous) does not hold up other requests for its whole duration.
 */
export async function* readEventBatches(db: Db, options: ReadEventsOptions): AsyncGenerator<EventSnapshot[]> {
  const take = options.batchSize ?? EXPORT_BATCH_SIZE;
  const load = options.load ?? prismaSnapshotLoader(db);
  let cursor: TimelineCursor | null = null;
  for (;;) {
    // Which events, and in what order, comes from the timeline's own query builder; only
    // the loading of their details is specialised (lib/export/snapshot-sql.ts).
    const where: Prisma.EventWhereInput = cursor ? { AND: [options.where, afterCursor(cursor, options.sort)] } : options.where;
    const rows = await db.event.findMany({ where, orderBy: eventOrderBy(options.sort), take, select: { id: true, dateStart: true } });
    if (rows.length === 0) return;
    yield await load(
      rows.map((r) => r.id),
      { publicRelationsOnly: options.publicRelationsOnly },
    );
    if (rows.length < take) return;
    const last = rows.at(-1);
    if (!last) return;
    cursor = { dateStart: last.dateStart, id: last.id };
    await nextTick();
  }
}
