import "server-only";
import { FacetIndex, type IndexChange } from "@/lib/timeline/facet-index";
import type { Db } from "@/lib/db/client";
import { engineOf, type TimelineSource } from "@/lib/db/engine";

/**
 * The process's facet index, kept current from the change log
 * (docs/decisions/0004-timeline-performance.md):
 * - the first use after start (or `warmFacetIndex()` from instrumentation.ts) loads the
 *   whole index once;
 * - every later use reads the last change-log sequence number (one indexed read); when it
 *   moved, the events changed since are read by id and patched into the index, so a write
 *   is visible to the very next request without a rebuild;
 * - when the patches pile up, the index is compacted in memory after the response, never
 *   inside a request.
 */

type State = { key: string; index: FacetIndex; seq: number; builtInMs: number };
type Store = {
  state?: State;
  /** The whole-index load in progress, shared by everyone who waits for it. */
  loading?: { key: string; promise: Promise<State> };
  /** Catch-ups run one after the other, so each applies the changes after the last one's. */
  queue: Promise<unknown>;
  compactionScheduled: boolean;
  /** While a compaction runs: the changes patched in since it started, to apply to its result. */
  patchesDuringCompaction: IndexChange[] | null;
  /** Whole-index loads so far (tests check that writes are patched in, not reloaded). */
  loads: number;
};
const globalForIndex = globalThis as unknown as { demarcheFacetStore?: Store };

function store(): Store {
  globalForIndex.demarcheFacetStore ??= { queue: Promise.resolve(), compactionScheduled: false, patchesDuringCompaction: null, loads: 0 };
  return globalForIndex.demarcheFacetStore;
}

/** Changed events the overlay may hold before a compaction: small next to the base, and cheap to scan. */
export function compactionThreshold(size: number): number {
  return Math.max(2_000, Math.floor(size / 50));
}

async function loadState(source: TimelineSource): Promise<State> {
  const s = store();
  if (s.state?.key === source.key) return s.state;
  if (s.loading?.key !== source.key) {
    const started = performance.now();
    s.loads++;
    const promise = source.loadAll().then(async ({ seq, source: rows }) => {
      const index = await FacetIndex.load(rows);
      const state: State = { key: source.key, index, seq, builtInMs: performance.now() - started };
      // A load for another database (tests switching DATABASE_URL) may have finished since.
      if (store().loading?.promise === promise) {
        store().state = state;
        delete store().loading;
      }
      return state;
    });
    promise.catch(() => {
      if (store().loading?.promise === promise) delete store().loading;
    });
    s.loading = { key: source.key, promise };
  }
  return s.loading.promise;
}

/** Applies the changes after the state's sequence number (one catch-up at a time). */
function catchUp(source: TimelineSource): Promise<State> {
  const s = store();
  const run = s.queue.then(async () => {
    const current = store().state;
    if (!current || current.key !== source.key) return loadState(source);
    const changes = await source.changesSince(current.seq);
    if (changes.seq === current.seq) return current;
    const rows = await source.loadEvents(changes.eventIds);
    // Patch whatever index is current now: a compaction may have replaced it meanwhile.
    const latest = store().state ?? current;
    if (latest.key !== current.key) return loadState(source);
    const change: IndexChange = { eventIds: changes.eventIds, rows };
    store().patchesDuringCompaction?.push(change);
    const next: State = {
      ...latest,
      index: changes.eventIds.length > 0 ? latest.index.patch(change) : latest.index,
      seq: changes.seq,
    };
    store().state = next;
    if (next.index.overlaySize > compactionThreshold(next.index.size)) scheduleCompaction();
    return next;
  });
  s.queue = run.catch(() => undefined);
  return run;
}

function scheduleCompaction(): void {
  const s = store();
  if (s.compactionScheduled) return;
  s.compactionScheduled = true;
  // After the current response, in slices between requests (a rebuild in memory, no
  // database): requests keep using the patched index meanwhile.
  setTimeout(() => {
    const state = s.state;
    if (!state) {
      s.compactionScheduled = false;
      return;
    }
    s.patchesDuringCompaction = [];
    state.index
      .compactAsync()
      .then((compacted) => {
        const current = s.state;
        if (!current || current.key !== state.key) return;
        // Replay what was patched in since the compaction started (pure, so exact).
        let index = compacted;
        for (const change of s.patchesDuringCompaction ?? []) index = index.patch(change);
        s.state = { ...current, index };
      })
      .catch((error: unknown) => console.error("Could not compact the timeline's facet index; it keeps working patched.", error))
      .finally(() => {
        s.patchesDuringCompaction = null;
        s.compactionScheduled = false;
      });
  }, 50).unref?.();
}

/** The facet index of `db`'s database for its current data: every committed write is in it. */
export async function currentFacetIndex(db: Db): Promise<FacetIndex> {
  const source = engineOf(db).timeline;
  const state = await loadState(source);
  const latest = await source.latestChange();
  if (latest === state.seq) return state.index;
  return (await catchUp(source)).index;
}

/** Loads the index ahead of the first request (instrumentation.ts at server start). */
export async function warmFacetIndex(db: Db): Promise<void> {
  await currentFacetIndex(db);
}

/** How long the whole-index load took (tests check that a write does not cause another). */
export function lastFacetIndexBuildMs(): number | null {
  return store().state?.builtInMs ?? null;
}

export function facetIndexLoads(): number {
  return store().loads;
}

/** Compacts the index now (tests and the benchmark). */
export function compactFacetIndexNow(): void {
  const s = store();
  if (s.state) s.state = { ...s.state, index: s.state.index.compact() };
}
