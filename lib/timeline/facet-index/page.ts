/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops: every index is bounded by construction (see index.ts). */
import type { Columns } from "@/lib/timeline/facet-index/columns";
import { partitionPoint } from "@/lib/timeline/facet-index/sort";
import { dayNumber, type IndexCursor } from "@/lib/timeline/facet-index/types";

/** A query's matches: base positions in timeline order (null: every base position) and overlay positions. */
export type Matches = { baseMatched: Int32Array | null; baseCount: number; overlayMatched: Int32Array };

/**
 * One keyset page of a query's matches: the base's and the overlay's, both sorted, merged on
 * (start day, id) from the cursor on, in either order.
 */
export function mergePage(
  b: Columns,
  o: Columns,
  dead: Uint8Array | null,
  { baseMatched, baseCount, overlayMatched }: Matches,
  options: { sort: "newest" | "oldest"; cursor: IndexCursor | null; limit: number },
): { ids: number[]; hasMore: boolean } {
  // Two sorted sequences, merged on (start day, id): the base's matches (every position
  // when nothing filters, dead ones skipped while walking) and the overlay's.
  const basePos = (k: number) => (baseMatched ? baseMatched[k]! : k);
  const overlayCount = overlayMatched.length;
  const newest = options.sort === "newest";
  let i: number;
  let j: number;
  if (options.cursor) {
    const day = dayNumber(options.cursor.dateStart);
    const id = options.cursor.id;
    // How many matches sort before the cursor (or at it, for oldest-first).
    const before = (c: Columns, p: number) =>
      c.startDay[p]! < day || (c.startDay[p] === day && (newest ? c.ids[p]! < id : c.ids[p]! <= id));
    i = partitionPoint(baseCount, (k) => before(b, basePos(k)));
    j = partitionPoint(overlayCount, (k) => before(o, overlayMatched[k]!));
    if (newest) {
      i--;
      j--;
    }
  } else {
    i = newest ? baseCount - 1 : 0;
    j = newest ? overlayCount - 1 : 0;
  }
  const step = newest ? -1 : 1;
  // Dead positions are left out of the matches the loops collect, but not out of "every
  // position" (nothing filters) or of a precomputed posting list: skip them here.
  const skipDead = () => {
    if (!dead) return;
    while (i >= 0 && i < baseCount && dead[basePos(i)] === 1) i += step;
  };
  const ids: number[] = [];
  skipDead();
  for (;;) {
    const hasBase = i >= 0 && i < baseCount;
    const hasOverlay = j >= 0 && j < overlayCount;
    if (!hasBase && !hasOverlay) break;
    if (ids.length >= options.limit) return { ids, hasMore: true };
    let fromBase = hasBase;
    if (hasBase && hasOverlay) {
      const p = basePos(i);
      const q2 = overlayMatched[j]!;
      const baseFirst = b.startDay[p]! < o.startDay[q2]! || (b.startDay[p] === o.startDay[q2] && b.ids[p]! < o.ids[q2]!);
      fromBase = newest ? !baseFirst : baseFirst;
    }
    if (fromBase) {
      ids.push(b.ids[basePos(i)]!);
      i += step;
      skipDead();
    } else {
      ids.push(o.ids[overlayMatched[j]!]!);
      j += step;
    }
  }
  return { ids, hasMore: false };
}
