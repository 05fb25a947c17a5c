import { setImmediate as nextTick } from "node:timers/promises";
import type { Db, Prisma } from "@/lib/db/client";
import { engineOf, type SnapshotLoader } from "@/lib/db/engine";
import type { EventSnapshot } from "@/lib/events/snapshot";
import type { TimelineCursor } from "@/lib/timeline/cursor";

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
  /**
   * Which events, in order, a batch of ids at a time: for the public exports the timeline's
   * own read (`timelineIdBatches`, lib/timeline/read.ts), for the backup `allEventIdBatches`.
   */
  ids: AsyncIterable<readonly number[]>;
  /**
   * A public export: events that stopped being public since their ids were read are left
   * out, and relations to events that are not public are hidden. The backup keeps them all.
   */
  publicOnly: boolean;
  /** Events per yielded slice (EXPORT_SLICE_SIZE). */
  sliceSize?: number;
  /** How the batch's details are read; by default through `db`. */
  load?: SnapshotLoader;
};

/**
 * Reads events as full snapshots in the order of `ids`, never everything at once: ids come a
 * batch at a time; their details are loaded and handed on a slice at a time, with a turn of
 * the event loop after each slice, so that a long export does not hold up other requests.
 * The consumer pulls (lib/export/stream.ts): nothing is read ahead of a slow client.
 */
export async function* readEventBatches(db: Db, options: ReadEventsOptions): AsyncGenerator<EventSnapshot[]> {
  const slice = Math.max(1, options.sliceSize ?? EXPORT_SLICE_SIZE);
  const load = options.load ?? engineOf(db).prismaSnapshotLoader(db);
  for await (const batch of options.ids) {
    for (let start = 0; start < batch.length; start += slice) {
      const events = await load(batch.slice(start, start + slice), { publicRelationsOnly: options.publicOnly });
      yield options.publicOnly ? events.filter((e) => e.status === "published" && e.deletedAt === null) : events;
      await nextTick();
    }
  }
}

/**
 * The ids of every event, drafts and trash included, oldest first by keyset on
 * (dateStart, id), a batch at a time: the backup's own read, never OFFSET.
 */
export async function* allEventIdBatches(db: Db, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<number[]> {
  let cursor: TimelineCursor | null = null;
  for (;;) {
    // The first term is implied by the second; it is there for PostgreSQL's planner, which
    // does not turn the OR into a range of the (dateStart, id) index and would otherwise read
    // every event for each batch (1 s a batch at a million events).
    const where: Prisma.EventWhereInput = cursor
      ? { dateStart: { gte: cursor.dateStart }, OR: [{ dateStart: { gt: cursor.dateStart } }, { dateStart: cursor.dateStart, id: { gt: cursor.id } }] }
      : {};
    const rows = await db.event.findMany({
      where,
      orderBy: [{ dateStart: "asc" }, { id: "asc" }],
      take: batchSize,
      select: { id: true, dateStart: true },
    });
    if (rows.length > 0) yield rows.map((r) => r.id);
    const last = rows.at(-1);
    if (rows.length < batchSize || !last) return;
    cursor = { dateStart: last.dateStart, id: last.id };
  }
}
