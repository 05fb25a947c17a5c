import { setImmediate as nextTick } from "node:timers/promises";
import type { Db, Prisma } from "@/lib/db/client";
import { engineOf, type SnapshotLoader } from "@/lib/db/engine";
import { afterCursor, eventOrderBy } from "@/lib/events/filter-query";
import type { EventSnapshot } from "@/lib/events/snapshot";
import type { TimelineCursor } from "@/lib/timeline/cursor";
import type { Sort } from "@/lib/timeline/filters";

/** Event ids per keyset query: large enough to amortise the query, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * Events whose details are read and formatted between two yields to the event loop. The
 * bulk readers are synchronous (better-sqlite3) or hand back a whole result at once (pg),
 * and formatting is synchronous too, so this bounds how long an export holds up other
 * requests at each turn of the event loop: a few milliseconds, where a 1,000-event batch
 * held them up for ~100 ms. A page needs many turns, so the slice decides its latency
 * during an export; 200 still tripled it (docs/decisions/0007-streaming-export-and-import.md).
 */
export const EXPORT_SLICE_SIZE = 50;

export type ReadEventsOptions = {
  /** The rows to export: for the public exports, `eventWhereForFilters(resolved)`. */
  where: Prisma.EventWhereInput;
  sort: Sort;
  /** Hide relations to events that are not public (public exports); the backup keeps them all. */
  publicRelationsOnly: boolean;
  batchSize?: number;
  /** Events per yielded slice (EXPORT_SLICE_SIZE). */
  sliceSize?: number;
  /** How the batch's details are read; by default through `db`. */
  load?: SnapshotLoader;
};

/**
 * Reads events in the timeline's order as full snapshots, by keyset on (dateStart, id)
 * exactly like the timeline's pages: never OFFSET, never everything at once. Ids come a
 * batch at a time; their details are loaded and handed on a slice at a time, with a turn of
 * the event loop after each slice, so that a long export does not hold up other requests.
 * The consumer pulls (lib/export/stream.ts): nothing is read ahead of a slow client.
 */
export async function* readEventBatches(db: Db, options: ReadEventsOptions): AsyncGenerator<EventSnapshot[]> {
  const take = options.batchSize ?? EXPORT_BATCH_SIZE;
  const slice = Math.max(1, Math.min(options.sliceSize ?? EXPORT_SLICE_SIZE, take));
  const load = options.load ?? engineOf(db).prismaSnapshotLoader(db);
  let cursor: TimelineCursor | null = null;
  for (;;) {
    // Which events, and in what order, comes from the timeline's own query builder; only
    // the loading of their details is specialised (the engine's snapshot loader, lib/db/engine.ts).
    const where: Prisma.EventWhereInput = cursor ? { AND: [options.where, afterCursor(cursor, options.sort)] } : options.where;
    const rows = await db.event.findMany({ where, orderBy: eventOrderBy(options.sort), take, select: { id: true, dateStart: true } });
    if (rows.length === 0) return;
    for (let start = 0; start < rows.length; start += slice) {
      const ids = rows.slice(start, start + slice).map((r) => r.id);
      yield await load(ids, { publicRelationsOnly: options.publicRelationsOnly });
      await nextTick();
    }
    if (rows.length < take) return;
    const last = rows.at(-1);
    if (!last) return;
    cursor = { dateStart: last.dateStart, id: last.id };
  }
}
