import { setImmediate as nextTick } from "node:timers/promises";
import type { Db, Prisma } from "@/lib/db/client";
import { afterCursor, eventOrderBy, PUBLIC_EVENT } from "@/lib/events/filter-query";
import {
  eventSnapshotInclude,
  toEventSnapshot,
  type EventSnapshot,
  type EventWithSnapshotInclude,
} from "@/lib/events/snapshot";
import type { TimelineCursor } from "@/lib/timeline/cursor";
import type { Sort } from "@/lib/timeline/filters";

/** Events per database read: large enough to amortise a query, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 1000;

/** The public exports never name a draft or trashed event, not even as a relation target. */
const publicSnapshotInclude = {
  ...eventSnapshotInclude,
  relationsFrom: { where: { to: PUBLIC_EVENT }, select: { kind: true, toId: true } },
} satisfies Prisma.EventInclude;

export type ReadEventsOptions = {
  /** The rows to export: for the public exports, `eventWhereForFilters(resolved)`. */
  where: Prisma.EventWhereInput;
  sort: Sort;
  /** Hide relations to events that are not public (public exports); the backup keeps them all. */
  publicRelationsOnly: boolean;
  batchSize?: number;
};

/**
 * Reads events in the timeline's order as full snapshots, one batch at a time, by keyset on
 * (dateStart, id) exactly like the timeline's pages: never OFFSET, never everything at once.
 * Between batches it yields to the event loop, so that a long export (better-sqlite3 reads
 * are synchronous) does not hold up other requests for its whole duration.
 */
export async function* readEventBatches(db: Db, options: ReadEventsOptions): AsyncGenerator<EventSnapshot[]> {
  const take = options.batchSize ?? EXPORT_BATCH_SIZE;
  const include = options.publicRelationsOnly ? publicSnapshotInclude : eventSnapshotInclude;
  let cursor: TimelineCursor | null = null;
  for (;;) {
    const where: Prisma.EventWhereInput = cursor ? { AND: [options.where, afterCursor(cursor, options.sort)] } : options.where;
    const rows: EventWithSnapshotInclude[] = await db.event.findMany({
      where,
      orderBy: eventOrderBy(options.sort),
      take,
      include,
    });
    if (rows.length === 0) return;
    yield rows.map(toEventSnapshot);
    if (rows.length < take) return;
    const last = rows.at(-1);
    if (!last) return;
    cursor = { dateStart: last.dateStart, id: last.id };
    await nextTick();
  }
}
