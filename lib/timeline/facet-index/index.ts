/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops over a million events: every index is bounded by
   construction (positions < size, link offsets from the same arrays), and a checked
   accessor per read would cost more than the counting itself. The other files of this
   folder carry the same exemption for the same reason. */
import { EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";
import { baseFrom, Base, SINGLE_MIN_POSTINGS } from "@/lib/timeline/facet-index/base";
import { overlayColumns, type ColumnInput, type Columns, type OverlayEvent } from "@/lib/timeline/facet-index/columns";
import {
  addChart,
  addInto,
  chartAdd,
  chartResult,
  copyFacet,
  countAll,
  countFacet,
  newChart,
  newCounters,
  subtractFrom,
  type Chart,
  type Counters,
} from "@/lib/timeline/facet-index/counting";
import { mergePage } from "@/lib/timeline/facet-index/page";
import { buildTests, compileQuery, singleAnswer, smallestCandidates, type Compiled, type PlanContext } from "@/lib/timeline/facet-index/planner";
import { Scratch } from "@/lib/timeline/facet-index/scratch";
import { denseEntries, sortedEntries, sortFacet } from "@/lib/timeline/facet-index/sort";
import { LinkRows } from "@/lib/timeline/facet-index/source";
import {
  D_DATES,
  dayNumber,
  FACET_DIMENSIONS,
  monthNumber,
  OTHER_TYPE,
  TYPE_COUNT,
  TYPE_INDEX,
  type IndexChange,
  type IndexCursor,
  type IndexQuery,
  type IndexResult,
  type IndexSource,
} from "@/lib/timeline/facet-index/types";
import { CHUNK_MASK, runAsync, runSync, type Work } from "@/lib/timeline/facet-index/work";

export { IndexSourceBuilder, roleNumber } from "@/lib/timeline/facet-index/source";
export {
  DIMENSIONS,
  ROLE_INITIATOR,
  ROLE_TARGET,
  type ChartBucket,
  type Dimension,
  type FacetEntry,
  type IndexChange,
  type IndexCursor,
  type IndexQuery,
  type IndexResult,
  type IndexSource,
} from "@/lib/timeline/facet-index/types";

/**
 * An in-memory index of the public events' filterable columns, for the timeline's counts,
 * facets, activity chart and page selection (docs/decisions/0004-timeline-performance.md).
 *
 * A **base** holds the events in timeline order (dateStart, id ascending) as typed arrays,
 * with posting lists per type, actor (by role), tag and legal basis. A query enumerates the
 * smallest candidate list among its active filters, tests every other filter per event, and
 * counts each facet "under the other active filters" in the same pass.
 *
 * Writes do not rebuild the base: `patch` returns a new index that shares it, marks the
 * changed events' base positions dead and keeps their current rows in a small **overlay**
 * that every query scans in full. `compact` folds the overlay into a new base in memory.
 * Pure: no database here; lib/timeline/facet-store.ts loads it and keeps it current.
 *
 * The public API is this class: `load` (or the constructor, at once), `query`, `page`,
 * `patch`, `compact`. The folder: types.ts (types and the one dimension table), source.ts
 * (the one source-row builder), work.ts (resumable work), postings.ts and columns.ts (the
 * layout), base.ts (the shared base), planner.ts, counting.ts (facets and chart), page.ts
 * (keyset page merge), sort.ts, scratch.ts (per-query buffers; queries stay synchronous).
 */

/** An index's internal state, for the indexes `load`, `patch` and `compact` make. */
type IndexState = {
  base: Base;
  dead: Uint8Array | null;
  deadPositions: number[];
  overlayEvents: OverlayEvent[];
  basisNames: string[];
  /** The scratch of the index this one replaces (same base), or null for a new base. */
  scratch: Scratch | null;
};

export class FacetIndex {
  /** Public events held. */
  readonly size: number;
  private readonly base: Base;
  /** Base positions whose events changed since the base was built (their rows are in the overlay, or gone). */
  private readonly dead: Uint8Array | null;
  private readonly deadPositions: readonly number[];
  private readonly overlayEvents: readonly OverlayEvent[];
  private readonly overlay: Columns;
  /** 1 for ids held in the overlay (by id, so search results are matched without a Map). */
  private readonly overlayIds: Uint8Array;
  private readonly basisNames: readonly string[];
  private readonly basisIndex: ReadonlyMap<string, number>;
  private readonly maxActorId: number;
  private readonly maxTagId: number;
  private readonly minMonth: number;
  private readonly maxMonth: number;
  /** Facet counts of the live base events (the base's minus the dead ones'). */
  private readonly baseCounts: Counters;
  private readonly unfiltered: IndexResult;
  /** Per-query buffers over the base's positions (scratch.ts: why queries stay synchronous). */
  private readonly scratch: Scratch;
  private readonly plan: PlanContext;

  constructor(
    source: IndexSource | IndexState,
    options: { singleMin?: number } = {},
  ) {
    let scratch: Scratch | null = null;
    if ("events" in source) {
      this.base = runSync(baseFrom(source, options.singleMin ?? SINGLE_MIN_POSTINGS));
      this.dead = null;
      this.deadPositions = [];
      this.overlayEvents = [];
      this.basisNames = [...this.base.basisNames];
    } else {
      this.base = source.base;
      this.dead = source.dead;
      this.deadPositions = source.deadPositions;
      this.overlayEvents = source.overlayEvents;
      this.basisNames = source.basisNames;
      scratch = source.scratch;
    }
    const base = this.base;
    this.scratch = scratch ?? new Scratch(base.cols.size);
    this.basisIndex = new Map(this.basisNames.map((name, i) => [name, i]));
    this.overlay = overlayColumns(this.overlayEvents);
    this.size = base.cols.size - this.deadPositions.length + this.overlay.size;
    let maxOverlayId = 0;
    for (const e of this.overlayEvents) maxOverlayId = Math.max(maxOverlayId, e.id);
    this.overlayIds = new Uint8Array(this.overlayEvents.length === 0 ? 0 : maxOverlayId + 1);
    for (const e of this.overlayEvents) this.overlayIds[e.id] = 1;
    let { maxActorId, maxTagId, minMonth, maxMonth } = base;
    const o = this.overlay;
    for (const id of o.actors.values) maxActorId = Math.max(maxActorId, id);
    for (const id of o.tags.values) maxTagId = Math.max(maxTagId, id);
    for (const m of o.month) {
      minMonth = Math.min(minMonth, m);
      maxMonth = Math.max(maxMonth, m);
    }
    if (base.cols.size === 0 && o.size > 0) {
      minMonth = Math.min(...o.month);
      maxMonth = Math.max(...o.month);
    }
    this.maxActorId = maxActorId;
    this.maxTagId = maxTagId;
    this.minMonth = minMonth;
    this.maxMonth = maxMonth;
    this.plan = { base, scratch: this.scratch, basisNames: this.basisNames, basisIndex: this.basisIndex, maxActorId, maxTagId };

    // Live base counts = the base's minus the dead events'; the unfiltered answer adds the overlay.
    this.baseCounts = this.newCounters();
    const counts = this.baseCounts;
    addInto(counts, base.counts);
    const chart = newChart(minMonth, maxMonth);
    for (let m = 0; m < base.chart.months; m++) {
      for (let t = 0; t < TYPE_COUNT; t++) {
        const at = (base.chart.min + m - minMonth) * TYPE_COUNT + t;
        chart.counts[at] = chart.counts[at]! + base.chart.counts[m * TYPE_COUNT + t]!;
      }
    }
    if (this.deadPositions.length > 0) {
      const gone = this.newCounters();
      for (const p of this.deadPositions) {
        countAll(base.cols, p, -1, gone);
        chartAdd(chart, base.cols, p, -1);
      }
      subtractFrom(counts, gone);
    }
    const all = this.newCounters();
    addInto(all, counts);
    for (let p = 0; p < o.size; p++) {
      countAll(o, p, -1, all);
      chartAdd(chart, o, p, 1);
    }
    this.unfiltered = { total: this.size, facets: this.facetLists(all), chart: chartResult(chart) };
  }

  /** Builds an index without holding the event loop for more than a slice at a time (the store's whole load). */
  static async load(source: IndexSource, options: { singleMin?: number } = {}): Promise<FacetIndex> {
    const base = await runAsync(baseFrom(source, options.singleMin ?? SINGLE_MIN_POSTINGS));
    return new FacetIndex({ base, dead: null, deadPositions: [], overlayEvents: [], basisNames: [...base.basisNames], scratch: null });
  }

  /** How many events the overlay holds (changed since the base was built). */
  get overlaySize(): number {
    return this.overlay.size + this.deadPositions.length;
  }

  /** The index after a change: shares the base, marks changed events dead there and holds their new rows. */
  patch(change: IndexChange): FacetIndex {
    const base = this.base;
    const changed = new Set(change.eventIds);
    for (let i = 0; i < change.rows.events.ids.length; i++) changed.add(change.rows.events.ids[i]!);
    let dead = this.dead;
    const deadPositions = [...this.deadPositions];
    for (const id of changed) {
      const p = base.positionOf(id);
      if (p < 0) continue;
      if (!dead) dead = new Uint8Array(base.cols.size);
      else if (dead === this.dead) dead = dead.slice();
      if (dead[p] === 0) {
        dead[p] = 1;
        deadPositions.push(p);
      }
    }
    const basisNames = [...this.basisNames];
    const basisIndex = new Map(this.basisIndex);
    const basisOf = (name: string | null) => {
      if (!name) return -1;
      let b = basisIndex.get(name);
      if (b === undefined) {
        b = basisNames.length;
        basisNames.push(name);
        basisIndex.set(name, b);
      }
      return b;
    };
    const { events, participants, tags } = change.rows;
    const added = new Map<number, OverlayEvent>();
    for (let i = 0; i < events.ids.length; i++) {
      const id = events.ids[i]!;
      added.set(id, {
        id,
        startDay: dayNumber(events.dateStart[i]!),
        endDay: dayNumber(events.dateEnd[i]!),
        type: TYPE_INDEX.get(events.type[i]!) ?? OTHER_TYPE,
        basis: basisOf(events.legalBasis[i] ?? null),
        actorIds: [],
        roles: [],
        tagIds: [],
      });
    }
    for (let i = 0; i < participants.eventIds.length; i++) {
      const event = added.get(participants.eventIds[i]!);
      event?.actorIds.push(participants.actorIds[i]!);
      event?.roles.push(participants.roles[i]!);
    }
    for (let i = 0; i < tags.eventIds.length; i++) added.get(tags.eventIds[i]!)?.tagIds.push(tags.tagIds[i]!);
    const overlayEvents = [...this.overlayEvents.filter((e) => !changed.has(e.id)), ...added.values()].sort(
      (a, b) => a.startDay - b.startDay || a.id - b.id,
    );
    // The new index replaces this one and shares its base, so it takes over its scratch.
    return new FacetIndex({ base, dead, deadPositions, overlayEvents, basisNames, scratch: this.scratch });
  }

  /** The same index with the overlay folded into a new base (a rebuild in memory, no database). */
  compact(): FacetIndex {
    return runSync(this.compaction());
  }

  /** `compact()` in slices between requests. */
  compactAsync(): Promise<FacetIndex> {
    return runAsync(this.compaction());
  }

  private *compaction(): Work<FacetIndex> {
    const b = this.base.cols;
    const o = this.overlay;
    const n = this.size;
    const ids = new Int32Array(n);
    const startDay = new Int32Array(n);
    const endDay = new Int32Array(n);
    const type = new Uint8Array(n);
    const basis = new Int32Array(n);
    const links = new LinkRows();
    const take = (c: Columns, p: number, at: number) => {
      ids[at] = c.ids[p]!;
      startDay[at] = c.startDay[p]!;
      endDay[at] = c.endDay[p]!;
      type[at] = c.type[p]!;
      basis[at] = c.basis[p]!;
      for (let l = c.actors.offsets[p]!; l < c.actors.offsets[p + 1]!; l++) links.participant(c.ids[p]!, c.actors.values[l]!, c.actors.roles[l]!);
      for (let l = c.tags.offsets[p]!; l < c.tags.offsets[p + 1]!; l++) links.tag(c.ids[p]!, c.tags.values[l]!);
    };
    let i = 0;
    let j = 0;
    let at = 0;
    const dead = this.dead;
    while (i < b.size || j < o.size) {
      if ((at & CHUNK_MASK) === 0) yield;
      if (i < b.size && dead && dead[i] === 1) {
        i++;
        continue;
      }
      const fromBase =
        j >= o.size || (i < b.size && (b.startDay[i]! < o.startDay[j]! || (b.startDay[i] === o.startDay[j] && b.ids[i]! < o.ids[j]!)));
      if (fromBase) take(b, i++, at++);
      else take(o, j++, at++);
    }
    const input: ColumnInput = {
      ids,
      startDay,
      endDay,
      type,
      basis,
      participants: links.participants,
      tags: links.tags,
    };
    const base = yield* Base.build(input, this.basisNames, this.base.singleMin);
    return new FacetIndex({ base, dead: null, deadPositions: [], overlayEvents: [], basisNames: [...this.basisNames], scratch: null });
  }

  /** Counts, facets and chart for a query. */
  query(q: IndexQuery): IndexResult {
    return this.run(q, false).result;
  }

  /** Counts, facets and chart plus one page of event ids in timeline order. */
  page(q: IndexQuery, options: { sort: "newest" | "oldest"; cursor: IndexCursor | null; limit: number }): IndexResult & {
    ids: number[];
    hasMore: boolean;
  } {
    const { result, baseMatched, baseCount, overlayMatched } = this.run(q, true);
    const { ids, hasMore } = mergePage(this.base.cols, this.overlay, this.dead, { baseMatched, baseCount, overlayMatched }, options);
    return { ...result, ids, hasMore };
  }

  private newCounters(): Counters {
    return newCounters(this.maxActorId, this.maxTagId, this.basisNames.length);
  }

  private run(
    q: IndexQuery,
    collect: boolean,
  ): { result: IndexResult; baseMatched: Int32Array | null; baseCount: number; overlayMatched: Int32Array } {
    const compiled = compileQuery(this.plan, q);
    const base = this.base;
    const b = base.cols;
    const o = this.overlay;
    const dead = this.dead;
    const scratch = this.scratch;

    // The search as stamps on base positions and a list of overlay positions.
    let searchStamp = 0;
    let searchedInBase = 0;
    let searchMin = b.size;
    let searchMax = -1;
    const overlaySearched = new Uint8Array(o.size);
    if (q.searchIds !== null) {
      searchStamp = this.scratch.nextStamp();
      const overlayIds = this.overlayIds;
      for (const id of q.searchIds) {
        const p = base.positionOf(id);
        if (p >= 0 && scratch.searched[p] !== searchStamp && (!dead || dead[p] === 0)) {
          scratch.searched[p] = searchStamp;
          searchedInBase++;
          if (p < searchMin) searchMin = p;
          if (p > searchMax) searchMax = p;
        }
      }
      if (o.size > 0) {
        const hits = new Set<number>();
        for (const id of q.searchIds) if (id < overlayIds.length && overlayIds[id] === 1) hits.add(id);
        for (let p = 0; p < o.size; p++) if (hits.has(o.ids[p]!)) overlaySearched[p] = 1;
      }
    }
    const searched = scratch.searched;
    const tests = buildTests(b, compiled, (p) => searched[p] === searchStamp);
    const active = tests.filter((t) => t !== null).length;
    if (active === 0) return { result: this.unfiltered, baseMatched: null, baseCount: b.size, overlayMatched: identity(o.size) };

    const counters = this.newCounters();
    const chart = this.chartFor(q);
    const matched = scratch.matched;
    let count = 0;

    const single = active === 1 ? singleAnswer(this.plan, q) : null;
    if (single) {
      // One broad filter value: its answer was computed at build; take out the events
      // changed since (dead), then the overlay pass below adds their current rows.
      const { dimension, list, answer } = single;
      addInto(counters, answer.counts);
      copyFacet(dimension, this.baseCounts, counters);
      addChart(chart, answer.chart);
      count = answer.total;
      if (dead) {
        const inList = tests[dimension]!;
        const gone = this.newCounters();
        for (const p of this.deadPositions) {
          if (!inList(p)) continue;
          count--;
          countAll(b, p, dimension, gone);
          chartAdd(chart, b, p, -1);
        }
        subtractFrom(counters, gone);
      }
      const overlay = this.scanOverlay(compiled, overlaySearched, counters, chart);
      return {
        result: { total: count + overlay.length, facets: this.facetLists(counters), chart: chartResult(chart) },
        // The posting list, dead positions included (page() skips them).
        baseMatched: list,
        baseCount: list.length,
        overlayMatched: overlay,
      };
    }

    // Base pass 1: the main set, and each facet whose only failing filter is its own.
    // Candidates from posting lists all pass their own dimension; a date range is widened
    // by the longest event span, so its candidates are still tested.
    const driver = smallestCandidates(this.plan, q, compiled, tests, -1, { stamp: searchStamp, count: searchedInBase, min: searchMin, max: searchMax });
    const checks: { d: number; test: (p: number) => boolean }[] = [];
    tests.forEach((test, d) => {
      if (test && (d !== driver.dimension || d === D_DATES)) checks.push({ d, test });
    });
    const list = driver.list;
    const skip = driver.dimension;
    if (checks.length === 0) {
      // Every candidate matches (one filter, or one filter per dimension and the driver): the hot path.
      for (let k = 0; k < driver.size; k++) {
        const p = list ? list[k]! : driver.from + k;
        if (dead !== null && dead[p] === 1) continue;
        if (collect) matched[count] = p;
        count++;
        chartAdd(chart, b, p, 1);
        countAll(b, p, skip, counters);
      }
    } else {
      const checkCount = checks.length;
      for (let k = 0; k < driver.size; k++) {
        const p = list ? list[k]! : driver.from + k;
        if (dead !== null && dead[p] === 1) continue;
        let failed = -1;
        let fails = 0;
        for (let c = 0; c < checkCount; c++) {
          const check = checks[c]!;
          if (!check.test(p)) {
            failed = check.d;
            if (++fails > 1) break;
          }
        }
        if (fails === 0) {
          if (collect) matched[count] = p;
          count++;
          chartAdd(chart, b, p, 1);
          // The driver's own facet is counted in pass 2, over events it does not enumerate.
          countAll(b, p, skip, counters);
        } else if (fails === 1 && failed !== skip) {
          countFacet(b, p, failed, counters);
        }
      }
    }

    // Base pass 2: the driver's own facet, under every other filter.
    if (skip >= 0 && FACET_DIMENSIONS.includes(skip)) {
      const others = tests.map((t, d) => (d === skip ? null : t));
      if (others.every((t) => t === null)) {
        copyFacet(skip, this.baseCounts, counters);
      } else {
        const second = smallestCandidates(this.plan, q, compiled, others, skip, { stamp: searchStamp, count: searchedInBase, min: searchMin, max: searchMax });
        const otherChecks = others.filter((t): t is (p: number) => boolean => t !== null);
        for (let k = 0; k < second.size; k++) {
          const p = second.list ? second.list[k]! : second.from + k;
          if (dead !== null && dead[p] === 1) continue;
          let pass = true;
          for (let c = 0; c < otherChecks.length; c++) {
            if (!otherChecks[c]!(p)) {
              pass = false;
              break;
            }
          }
          if (pass) countFacet(b, p, skip, counters);
        }
      }
    }

    const overlayMatched = this.scanOverlay(compiled, overlaySearched, counters, chart);

    let baseMatched: Int32Array | null = null;
    if (collect) {
      baseMatched = matched.subarray(0, count);
      // A union of several posting lists is enumerated list by list: put it in timeline order.
      if (list && driver.unsorted) baseMatched.sort();
    }
    return {
      result: { total: count + overlayMatched.length, facets: this.facetLists(counters), chart: chartResult(chart) },
      baseMatched,
      baseCount: count,
      overlayMatched,
    };
  }

  /** The overlay: every event, every test (it is small). Returns the matching overlay positions. */
  private scanOverlay(compiled: Compiled, searched: Uint8Array, counters: Counters, chart: Chart): Int32Array {
    const o = this.overlay;
    if (o.size === 0) return new Int32Array(0);
    const matched: number[] = [];
    const tests = buildTests(o, compiled, (p) => searched[p] === 1);
    for (let p = 0; p < o.size; p++) {
      let failed = -1;
      let fails = 0;
      for (let d = 0; d < tests.length; d++) {
        const test = tests[d];
        if (test && !test(p)) {
          failed = d;
          if (++fails > 1) break;
        }
      }
      if (fails === 0) {
        matched.push(p);
        chartAdd(chart, o, p, 1);
        countAll(o, p, -1, counters);
      } else if (fails === 1) {
        countFacet(o, p, failed, counters);
      }
    }
    return Int32Array.from(matched);
  }

  private chartFor(q: IndexQuery): Chart {
    const min = q.from ? Math.max(this.minMonth, monthNumber(q.from)) : this.minMonth;
    const max = q.to ? Math.min(this.maxMonth, monthNumber(q.to)) : this.maxMonth;
    return newChart(min, max);
  }

  private facetLists(k: Counters): IndexResult["facets"] {
    return {
      types: sortFacet(denseEntries(k.types).map((e) => ({ key: EVENT_TYPE_SLUGS[e.key]!, count: e.count }))),
      actor: sortedEntries(k.actor),
      initiator: sortedEntries(k.initiator),
      target: sortedEntries(k.target),
      tag: sortedEntries(k.tag),
      basis: sortFacet(denseEntries(k.basis).map((e) => ({ key: this.basisNames[e.key]!, count: e.count }))),
    };
  }
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
