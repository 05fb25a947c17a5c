/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops over a million events: every index is bounded by
   construction (positions < size, link offsets from the same arrays), and a checked
   accessor per read would cost more than the counting itself. */
import { EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";

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
 */

export const DIMENSIONS = ["dates", "types", "actor", "initiator", "target", "tag", "basis", "q"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const D_DATES = 0;
const D_TYPES = 1;
const D_ACTOR = 2;
const D_INITIATOR = 3;
const D_TARGET = 4;
const D_TAG = 5;
const D_BASIS = 6;
const D_Q = 7;
const FACET_DIMENSIONS = [D_TYPES, D_ACTOR, D_INITIATOR, D_TARGET, D_TAG, D_BASIS];

export const ROLE_INITIATOR = 1;
export const ROLE_TARGET = 2;

/** Rows as read from the database; events already in timeline order. */
export type IndexSource = {
  events: { ids: ArrayLike<number>; dateStart: string[]; dateEnd: string[]; type: string[]; legalBasis: (string | null)[] };
  /** (eventId, actorId, role) for every participant, any order; rows of non-public events are skipped. */
  participants: { eventIds: ArrayLike<number>; actorIds: ArrayLike<number>; roles: ArrayLike<number> };
  tags: { eventIds: ArrayLike<number>; tagIds: ArrayLike<number> };
};

/**
 * What changed since the index was built: the ids of every event written to (changed,
 * created, trashed, purged, re-linked), and the current rows of those that are public now
 * (in `rows`, any order). An id without a row is no longer public.
 */
export type IndexChange = { eventIds: readonly number[]; rows: IndexSource };

/** The filter, with references resolved to ids; an empty list means "not filtered". */
export type IndexQuery = {
  /** First and last calendar day, "YYYY-MM-DD". */
  from: string | null;
  to: string | null;
  types: string[];
  actorIds: number[];
  initiatorIds: number[];
  targetIds: number[];
  tagIds: number[];
  bases: string[];
  /** Event ids that match the search words; null when there is no search. */
  searchIds: readonly number[] | null;
};

export type FacetEntry<K> = { key: K; count: number };

export type ChartBucket = {
  /** "YYYY-MM" or "YYYY". */
  key: string;
  total: number;
  /** Count per event type, in EVENT_TYPE_SLUGS order. */
  byType: number[];
};

export type IndexResult = {
  total: number;
  facets: {
    types: FacetEntry<string>[];
    actor: FacetEntry<number>[];
    initiator: FacetEntry<number>[];
    target: FacetEntry<number>[];
    tag: FacetEntry<number>[];
    basis: FacetEntry<string>[];
  };
  chart: { unit: "month" | "year"; buckets: ChartBucket[] };
};

/** Timeline position after which a page continues (the last event shown). */
export type IndexCursor = { dateStart: string; id: number };

const TYPE_COUNT = EVENT_TYPE_SLUGS.length;
const TYPE_INDEX = new Map<string, number>(EVENT_TYPE_SLUGS.map((t, i) => [t, i]));
const OTHER_TYPE = TYPE_INDEX.get("other") ?? TYPE_COUNT - 1;
/** Months spanned above which the chart shows years: 4 years of monthly bars are still readable. */
const MAX_MONTH_BARS = 48;

const dayNumber = (day: string) => Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
const monthNumber = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthOfDay = (day: number) => Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100) - 1;

/**
 * Building a base is resumable work: the loops yield every CHUNK iterations, so the store can
 * run a whole load or a compaction in slices between requests (`runAsync`) while tests and
 * small indexes run it at once (`runSync`).
 */
type Work<T> = Generator<void, T, void>;
const CHUNK_MASK = (1 << 15) - 1;

function runSync<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs work in slices of about `sliceMs`, letting the event loop serve requests in between. */
async function runAsync<T>(work: Work<T>, sliceMs = 15): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      started = performance.now();
    }
  }
}

/** Posting lists by small integer key, in one array: the positions for key k are [offsets[k], offsets[k+1]). */
type Postings = { offsets: Int32Array; positions: Int32Array };

/** Groups positions by key into sorted posting lists (positions are visited in order). */
function* buildPostings(count: number, keyAt: (i: number) => number, positionAt: (i: number) => number): Work<Postings> {
  let maxKey = -1;
  for (let i = 0; i < count; i++) {
    if ((i & CHUNK_MASK) === 0) yield;
    maxKey = Math.max(maxKey, keyAt(i));
  }
  const offsets = new Int32Array(maxKey + 2);
  for (let i = 0; i < count; i++) {
    if ((i & CHUNK_MASK) === 0) yield;
    const key = keyAt(i);
    if (key >= 0) offsets[key + 1] = offsets[key + 1]! + 1;
  }
  yield;
  for (let k = 0; k <= maxKey; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
  const positions = new Int32Array(offsets[maxKey + 1] ?? 0);
  const fill = offsets.slice(0, maxKey + 1);
  for (let i = 0; i < count; i++) {
    if ((i & CHUNK_MASK) === 0) yield;
    const key = keyAt(i);
    if (key < 0) continue;
    positions[fill[key]!] = positionAt(i);
    fill[key] = fill[key]! + 1;
  }
  return { offsets, positions };
}

function postingList(postings: Postings, key: number): Int32Array | null {
  if (key < 0 || key + 1 >= postings.offsets.length) return null;
  const from = postings.offsets[key]!;
  const to = postings.offsets[key + 1]!;
  return to > from ? postings.positions.subarray(from, to) : null;
}

/**
 * Links of events in a compressed-row layout: the links of event p are [offsets[p], offsets[p+1]).
 * `first` marks the first link of each value within its event, so an actor on both sides
 * counts once for "any participant".
 */
type Links = { offsets: Int32Array; values: Int32Array; roles: Uint8Array; first: Uint8Array };

function* buildLinks(
  size: number,
  positionOf: (id: number) => number,
  eventIds: ArrayLike<number>,
  values: ArrayLike<number>,
  roles: ArrayLike<number> | null,
): Work<Links> {
  const positions = new Int32Array(eventIds.length);
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < eventIds.length; i++) {
    if ((i & CHUNK_MASK) === 0) yield;
    const p = positionOf(eventIds[i]!);
    positions[i] = p;
    if (p >= 0) offsets[p + 1] = offsets[p + 1]! + 1;
  }
  for (let p = 0; p < size; p++) offsets[p + 1] = offsets[p + 1]! + offsets[p]!;
  const linkValues = new Int32Array(offsets[size]!);
  const linkRoles = new Uint8Array(offsets[size]!);
  const first = new Uint8Array(offsets[size]!);
  const cursor = offsets.slice(0, size);
  for (let i = 0; i < eventIds.length; i++) {
    if ((i & CHUNK_MASK) === 0) yield;
    const p = positions[i]!;
    if (p < 0) continue;
    const at = cursor[p]!;
    cursor[p] = at + 1;
    linkValues[at] = values[i]!;
    linkRoles[at] = roles ? roles[i]! : 0;
  }
  for (let p = 0; p < size; p++) {
    if ((p & CHUNK_MASK) === 0) yield;
    const start = offsets[p]!;
    for (let at = start; at < offsets[p + 1]!; at++) {
      let earlier = false;
      for (let before = start; before < at; before++) if (linkValues[before] === linkValues[at]) earlier = true;
      first[at] = earlier ? 0 : 1;
    }
  }
  return { offsets, values: linkValues, roles: linkRoles, first };
}

/** Posting lists over links: for each value, the positions of events linked to it (once each). */
function* buildLinkPostings(size: number, links: Links, role: number | null): Work<Postings> {
  const keys = new Int32Array(links.values.length);
  const positions = new Int32Array(links.values.length);
  let count = 0;
  for (let p = 0; p < size; p++) {
    if ((p & CHUNK_MASK) === 0) yield;
    for (let at = links.offsets[p]!; at < links.offsets[p + 1]!; at++) {
      if (role !== null ? links.roles[at] !== role : links.first[at] !== 1) continue;
      keys[count] = links.values[at]!;
      positions[count] = p;
      count++;
    }
  }
  return yield* buildPostings(count, (i) => keys[i]!, (i) => positions[i]!);
}

/** Events in timeline order, column by column (the base's and the overlay's layout). */
type Columns = {
  size: number;
  ids: Int32Array;
  startDay: Int32Array;
  endDay: Int32Array;
  month: Int32Array;
  type: Uint8Array;
  /** Index into the index's legal-basis names, -1 for none. */
  basis: Int32Array;
  actors: Links;
  tags: Links;
};

/** Events already in timeline order, with numeric days, type and basis indexes. */
type ColumnInput = {
  ids: ArrayLike<number>;
  startDay: ArrayLike<number>;
  endDay: ArrayLike<number>;
  type: ArrayLike<number>;
  basis: ArrayLike<number>;
  participants: IndexSource["participants"];
  tags: IndexSource["tags"];
};

function* buildColumns(input: ColumnInput, positionOf: (id: number) => number): Work<Columns> {
  const size = input.ids.length;
  const startDay = Int32Array.from(input.startDay);
  const month = new Int32Array(size);
  for (let p = 0; p < size; p++) month[p] = monthOfDay(startDay[p]!);
  yield;
  const { participants, tags } = input;
  const ids = Int32Array.from(input.ids);
  const endDay = Int32Array.from(input.endDay);
  const type = Uint8Array.from(input.type);
  const basis = Int32Array.from(input.basis);
  yield;
  const actors = yield* buildLinks(size, positionOf, participants.eventIds, participants.actorIds, participants.roles);
  const tagLinks = yield* buildLinks(size, positionOf, tags.eventIds, tags.tagIds, null);
  return { size, ids, startDay, endDay, month, type, basis, actors, tags: tagLinks };
}

/** Dense counters by key: actor and tag ids are small integers; array increments beat Map updates. */
type Counters = {
  types: Int32Array;
  actor: Int32Array;
  initiator: Int32Array;
  target: Int32Array;
  tag: Int32Array;
  basis: Int32Array;
};

function newCounters(maxActorId: number, maxTagId: number, basisCount: number): Counters {
  return {
    types: new Int32Array(TYPE_COUNT),
    actor: new Int32Array(maxActorId + 1),
    initiator: new Int32Array(maxActorId + 1),
    target: new Int32Array(maxActorId + 1),
    tag: new Int32Array(maxTagId + 1),
    basis: new Int32Array(basisCount),
  };
}

function bump(array: Int32Array, index: number): void {
  array[index] = array[index]! + 1;
}

/** Every facet of one event but `skip`'s, with a single walk over its participants (the hot path). */
function countAll(c: Columns, p: number, skip: number, k: Counters): void {
  if (skip !== D_TYPES) bump(k.types, c.type[p]!);
  if (skip !== D_BASIS) {
    const b = c.basis[p]!;
    if (b >= 0) bump(k.basis, b);
  }
  if (skip !== D_TAG) {
    const tags = c.tags;
    const end = tags.offsets[p + 1]!;
    for (let at = tags.offsets[p]!; at < end; at++) bump(k.tag, tags.values[at]!);
  }
  const actors = c.actors;
  const end = actors.offsets[p + 1]!;
  for (let at = actors.offsets[p]!; at < end; at++) {
    const actor = actors.values[at]!;
    const role = actors.roles[at]!;
    if (role === ROLE_INITIATOR) {
      if (skip !== D_INITIATOR) bump(k.initiator, actor);
    } else if (role === ROLE_TARGET) {
      if (skip !== D_TARGET) bump(k.target, actor);
    }
    if (skip !== D_ACTOR && actors.first[at] === 1) bump(k.actor, actor);
  }
}

/** One facet of one event. */
function countFacet(c: Columns, p: number, dimension: number, k: Counters): void {
  if (dimension === D_TYPES) bump(k.types, c.type[p]!);
  else if (dimension === D_BASIS) {
    if (c.basis[p]! >= 0) bump(k.basis, c.basis[p]!);
  } else if (dimension === D_TAG) {
    for (let at = c.tags.offsets[p]!; at < c.tags.offsets[p + 1]!; at++) bump(k.tag, c.tags.values[at]!);
  } else if (dimension === D_ACTOR || dimension === D_INITIATOR || dimension === D_TARGET) {
    const counts = dimension === D_ACTOR ? k.actor : dimension === D_INITIATOR ? k.initiator : k.target;
    const role = dimension === D_INITIATOR ? ROLE_INITIATOR : dimension === D_TARGET ? ROLE_TARGET : 0;
    const actors = c.actors;
    for (let at = actors.offsets[p]!; at < actors.offsets[p + 1]!; at++) {
      if (role === 0 ? actors.first[at] === 1 : actors.roles[at] === role) bump(counts, actors.values[at]!);
    }
  }
}

/** Month x type counts over months [min, max]. */
type Chart = { min: number; months: number; counts: Int32Array };

function newChart(min: number, max: number): Chart {
  const months = Math.max(0, max - min + 1);
  return { min, months, counts: new Int32Array(months * TYPE_COUNT) };
}

function chartAdd(chart: Chart, c: Columns, p: number, delta: number): void {
  const m = c.month[p]! - chart.min;
  if (m >= 0 && m < chart.months) {
    const at = m * TYPE_COUNT + c.type[p]!;
    chart.counts[at] = chart.counts[at]! + delta;
  }
}

/** Adds a chart's counts into another over the months they share. */
function addChart(into: Chart, from: Chart): void {
  for (let m = 0; m < from.months; m++) {
    const target = from.min + m - into.min;
    if (target < 0 || target >= into.months) continue;
    for (let t = 0; t < TYPE_COUNT; t++) {
      const at = target * TYPE_COUNT + t;
      into.counts[at] = into.counts[at]! + from.counts[m * TYPE_COUNT + t]!;
    }
  }
}

function chartResult(chart: Chart): IndexResult["chart"] {
  const { counts, months, min } = chart;
  // Trim empty months at both ends, then choose months or years for what remains.
  const monthTotal = (m: number) => {
    let sum = 0;
    for (let t = 0; t < TYPE_COUNT; t++) sum += counts[m * TYPE_COUNT + t]!;
    return sum;
  };
  let first = 0;
  let last = months - 1;
  while (first <= last && monthTotal(first) === 0) first++;
  while (last >= first && monthTotal(last) === 0) last--;
  if (first > last) return { unit: "month", buckets: [] };
  const byYear = last - first + 1 > MAX_MONTH_BARS;
  const buckets: ChartBucket[] = [];
  for (let m = first; m <= last; m++) {
    const absolute = min + m;
    const year = Math.floor(absolute / 12);
    const key = byYear ? String(year) : `${year}-${String((absolute % 12) + 1).padStart(2, "0")}`;
    let bucket = buckets.at(-1);
    if (!bucket || bucket.key !== key) {
      bucket = { key, total: 0, byType: new Array<number>(TYPE_COUNT).fill(0) };
      buckets.push(bucket);
    }
    for (let t = 0; t < TYPE_COUNT; t++) {
      const count = counts[m * TYPE_COUNT + t]!;
      bucket.byType[t] = bucket.byType[t]! + count;
      bucket.total += count;
    }
  }
  return { unit: byYear ? "year" : "month", buckets };
}

/** Posting lists at least this long (and at least 1/SINGLE_SHARE of the events) get a precomputed single-filter answer. */
const SINGLE_MIN_POSTINGS = 2_000;
const SINGLE_SHARE = 100;

/** The immutable, shared part of an index: built once from the database, or by `compact`. */
class Base {
  // Assigned by build(), a generator, so that building can be resumed in slices.
  cols!: Columns;
  /** Position of each event id, -1 for ids the base does not hold. */
  positionById!: Int32Array;
  byType!: Postings;
  byActor!: Postings;
  byInitiator!: Postings;
  byTarget!: Postings;
  byTag!: Postings;
  byBasis!: Postings;
  /** The longest span of a single event's date, in days-as-numbers, to widen date candidate ranges. */
  maxSpan = 0;
  maxActorId = 0;
  maxTagId = 0;
  minMonth = 0;
  maxMonth = -1;
  /** Every facet and the chart over all base events. */
  counts!: Counters;
  chart!: Chart;
  /**
   * Answers for a single filter value with a long posting list (one type, a big actor, a
   * common tag), computed at build: the broad queries that would otherwise walk a large
   * share of the events. Keyed by `${dimension}:${key}`; facets of that dimension are left
   * at zero (they are the unfiltered ones).
   */
  readonly single = new Map<string, { total: number; counts: Counters; chart: Chart }>();
  /** Scratch buffers reused by every (synchronous) query: stamps mark visited and searched positions. */
  seen!: Int32Array;
  searched!: Int32Array;
  scratch!: Int32Array;
  stamp = 0;

  private constructor(
    readonly basisNames: readonly string[],
    /** The posting-list length from which single-filter answers are precomputed. */
    readonly singleMin: number,
  ) {}

  static *build(input: ColumnInput, basisNames: readonly string[], singleMin: number): Work<Base> {
    const base = new Base(basisNames, singleMin);
    yield* base.fill(input);
    return base;
  }

  private *fill(input: ColumnInput): Work<void> {
    const basisNames = this.basisNames;
    const n = input.ids.length;
    let maxId = 0;
    for (let p = 0; p < n; p++) maxId = Math.max(maxId, input.ids[p]!);
    this.positionById = new Int32Array(maxId + 1).fill(-1);
    yield;
    for (let p = 0; p < n; p++) {
      if ((p & CHUNK_MASK) === 0) yield;
      this.positionById[input.ids[p]!] = p;
    }
    const positionById = this.positionById;
    this.cols = yield* buildColumns(input, (id) => (id >= 0 && id < positionById.length ? positionById[id]! : -1));
    const c = this.cols;
    let maxSpan = 0;
    let minMonth = Number.POSITIVE_INFINITY;
    let maxMonth = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < n; p++) {
      maxSpan = Math.max(maxSpan, c.endDay[p]! - c.startDay[p]!);
      minMonth = Math.min(minMonth, c.month[p]!);
      maxMonth = Math.max(maxMonth, c.month[p]!);
    }
    yield;
    this.maxSpan = maxSpan;
    this.minMonth = n === 0 ? 0 : minMonth;
    this.maxMonth = n === 0 ? -1 : maxMonth;
    this.byType = yield* buildPostings(n, (p) => c.type[p]!, (p) => p);
    this.byBasis = yield* buildPostings(n, (p) => c.basis[p]!, (p) => p);
    this.byInitiator = yield* buildLinkPostings(n, c.actors, ROLE_INITIATOR);
    this.byTarget = yield* buildLinkPostings(n, c.actors, ROLE_TARGET);
    this.byActor = yield* buildLinkPostings(n, c.actors, null);
    this.byTag = yield* buildLinkPostings(n, c.tags, null);
    this.maxActorId = c.actors.values.reduce((max, id) => Math.max(max, id), 0);
    this.maxTagId = c.tags.values.reduce((max, id) => Math.max(max, id), 0);
    this.counts = newCounters(this.maxActorId, this.maxTagId, basisNames.length);
    this.chart = newChart(this.minMonth, this.maxMonth);
    for (let p = 0; p < n; p++) {
      if ((p & CHUNK_MASK) === 0) yield;
      countAll(c, p, -1, this.counts);
      chartAdd(this.chart, c, p, 1);
    }
    const threshold = Math.max(this.singleMin, Math.floor(n / SINGLE_SHARE));
    for (const dimension of FACET_DIMENSIONS) {
      const postings = this.postingsOf(dimension)!;
      for (let key = 0; key + 1 < postings.offsets.length; key++) {
        const from = postings.offsets[key]!;
        const to = postings.offsets[key + 1]!;
        if (to - from < threshold) continue;
        const counts = newCounters(this.maxActorId, this.maxTagId, basisNames.length);
        const chart = newChart(this.minMonth, this.maxMonth);
        for (let at = from; at < to; at++) {
          if (((at - from) & CHUNK_MASK) === 0) yield;
          const p = postings.positions[at]!;
          countAll(c, p, dimension, counts);
          chartAdd(chart, c, p, 1);
        }
        this.single.set(`${dimension}:${key}`, { total: to - from, counts, chart });
      }
    }
    this.seen = new Int32Array(n);
    this.searched = new Int32Array(n);
    this.scratch = new Int32Array(n);
  }

  positionOf(id: number): number {
    return id >= 0 && id < this.positionById.length ? this.positionById[id]! : -1;
  }

  postingsOf(dimension: number): Postings | null {
    switch (dimension) {
      case D_TYPES:
        return this.byType;
      case D_ACTOR:
        return this.byActor;
      case D_INITIATOR:
        return this.byInitiator;
      case D_TARGET:
        return this.byTarget;
      case D_TAG:
        return this.byTag;
      case D_BASIS:
        return this.byBasis;
      default:
        return null;
    }
  }

  /** First position whose start day is >= day (positions are sorted by start day). */
  lowerBound(day: number): number {
    return partitionPoint(this.cols.size, (p) => this.cols.startDay[p]! < day);
  }

  /** First position whose start day is > day. */
  upperBound(day: number): number {
    return partitionPoint(this.cols.size, (p) => this.cols.startDay[p]! <= day);
  }
}

/** A changed or new event held beside the base until the next compaction. */
type OverlayEvent = {
  id: number;
  startDay: number;
  endDay: number;
  type: number;
  /** Index into the index's basis names, -1 for none. */
  basis: number;
  actorIds: number[];
  roles: number[];
  tagIds: number[];
};

/** A query with its references turned into lookup tables, usable on the base and the overlay. */
type Compiled = {
  dates: { from: number; to: number } | null;
  types: Uint8Array | null;
  actor: Uint8Array | null;
  initiator: Uint8Array | null;
  target: Uint8Array | null;
  tag: Uint8Array | null;
  basis: Uint8Array | null;
  search: boolean;
};

type Test = ((p: number) => boolean) | null;

/** One membership test per dimension of a column set (null when the dimension does not filter). */
function buildTests(c: Columns, q: Compiled, searched: ((p: number) => boolean) | null): Test[] {
  const tests: Test[] = DIMENSIONS.map(() => null);
  if (q.dates) {
    const { from, to } = q.dates;
    tests[D_DATES] = (p) => c.startDay[p]! <= to && c.endDay[p]! >= from;
  }
  if (q.types) {
    const wanted = q.types;
    tests[D_TYPES] = (p) => wanted[c.type[p]!] === 1;
  }
  const actorTest = (wanted: Uint8Array, role: number) => (p: number) => {
    const actors = c.actors;
    const end = actors.offsets[p + 1]!;
    for (let at = actors.offsets[p]!; at < end; at++) {
      if ((role === 0 || actors.roles[at] === role) && wanted[actors.values[at]!] === 1) return true;
    }
    return false;
  };
  if (q.actor) tests[D_ACTOR] = actorTest(q.actor, 0);
  if (q.initiator) tests[D_INITIATOR] = actorTest(q.initiator, ROLE_INITIATOR);
  if (q.target) tests[D_TARGET] = actorTest(q.target, ROLE_TARGET);
  if (q.tag) {
    const wanted = q.tag;
    tests[D_TAG] = (p) => {
      const end = c.tags.offsets[p + 1]!;
      for (let at = c.tags.offsets[p]!; at < end; at++) if (wanted[c.tags.values[at]!] === 1) return true;
      return false;
    };
  }
  if (q.basis) {
    const wanted = q.basis;
    tests[D_BASIS] = (p) => c.basis[p]! >= 0 && wanted[c.basis[p]!] === 1;
  }
  if (q.search) tests[D_Q] = searched;
  return tests;
}

/** Candidates of the base: a sorted position list, or a position range when `list` is null. */
type Candidates = { dimension: number; list: Int32Array | null; from: number; to: number; size: number };

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

  constructor(
    source: IndexSource | { base: Base; dead: Uint8Array | null; deadPositions: number[]; overlayEvents: OverlayEvent[]; basisNames: string[] },
    options: { singleMin?: number } = {},
  ) {
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
    }
    const base = this.base;
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
    return new FacetIndex({ base, dead: null, deadPositions: [], overlayEvents: [], basisNames: [...base.basisNames] });
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
    return new FacetIndex({ base, dead, deadPositions, overlayEvents, basisNames });
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
    const pEvent: number[] = [];
    const pActor: number[] = [];
    const pRole: number[] = [];
    const tEvent: number[] = [];
    const tTag: number[] = [];
    const take = (c: Columns, p: number, at: number) => {
      ids[at] = c.ids[p]!;
      startDay[at] = c.startDay[p]!;
      endDay[at] = c.endDay[p]!;
      type[at] = c.type[p]!;
      basis[at] = c.basis[p]!;
      for (let l = c.actors.offsets[p]!; l < c.actors.offsets[p + 1]!; l++) {
        pEvent.push(c.ids[p]!);
        pActor.push(c.actors.values[l]!);
        pRole.push(c.actors.roles[l]!);
      }
      for (let l = c.tags.offsets[p]!; l < c.tags.offsets[p + 1]!; l++) {
        tEvent.push(c.ids[p]!);
        tTag.push(c.tags.values[l]!);
      }
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
      participants: { eventIds: pEvent, actorIds: pActor, roles: pRole },
      tags: { eventIds: tEvent, tagIds: tTag },
    };
    const base = yield* Base.build(input, this.basisNames, this.base.singleMin);
    return new FacetIndex({ base, dead: null, deadPositions: [], overlayEvents: [], basisNames: [...this.basisNames] });
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
    const b = this.base.cols;
    const o = this.overlay;
    const dead = this.dead;
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
      if (ids.length >= options.limit) return { ...result, ids, hasMore: true };
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
    return { ...result, ids, hasMore: false };
  }

  private newCounters(): Counters {
    return newCounters(this.maxActorId, this.maxTagId, this.basisNames.length);
  }

  private compile(q: IndexQuery): Compiled {
    const table = (ids: readonly number[], max: number) => {
      if (ids.length === 0) return null;
      const wanted = new Uint8Array(max + 1);
      for (const id of ids) if (id >= 0 && id <= max) wanted[id] = 1;
      return wanted;
    };
    let types: Uint8Array | null = null;
    if (q.types.length > 0) {
      types = new Uint8Array(TYPE_COUNT);
      for (const t of q.types) {
        const index = TYPE_INDEX.get(t);
        if (index !== undefined) types[index] = 1;
      }
    }
    let basis: Uint8Array | null = null;
    if (q.bases.length > 0) {
      basis = new Uint8Array(this.basisNames.length);
      for (const name of q.bases) {
        const b = this.basisIndex.get(name);
        if (b !== undefined) basis[b] = 1;
      }
    }
    return {
      dates: q.from || q.to ? { from: q.from ? dayNumber(q.from) : 0, to: q.to ? dayNumber(q.to) : 99999999 } : null,
      types,
      actor: table(q.actorIds, this.maxActorId),
      initiator: table(q.initiatorIds, this.maxActorId),
      target: table(q.targetIds, this.maxActorId),
      tag: table(q.tagIds, this.maxTagId),
      basis,
      search: q.searchIds !== null,
    };
  }

  private run(
    q: IndexQuery,
    collect: boolean,
  ): { result: IndexResult; baseMatched: Int32Array | null; baseCount: number; overlayMatched: Int32Array } {
    const compiled = this.compile(q);
    const base = this.base;
    const b = base.cols;
    const o = this.overlay;
    const dead = this.dead;

    // The search as stamps on base positions and a list of overlay positions.
    let searchStamp = 0;
    let searchedInBase = 0;
    let searchMin = b.size;
    let searchMax = -1;
    const overlaySearched = new Uint8Array(o.size);
    if (q.searchIds !== null) {
      searchStamp = ++base.stamp;
      const overlayIds = this.overlayIds;
      for (const id of q.searchIds) {
        const p = base.positionOf(id);
        if (p >= 0 && base.searched[p] !== searchStamp && (!dead || dead[p] === 0)) {
          base.searched[p] = searchStamp;
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
    const searched = base.searched;
    const tests = buildTests(b, compiled, (p) => searched[p] === searchStamp);
    const active = tests.filter((t) => t !== null).length;
    if (active === 0) return { result: this.unfiltered, baseMatched: null, baseCount: b.size, overlayMatched: identity(o.size) };

    const counters = this.newCounters();
    const chart = this.chartFor(q);
    const matched = base.scratch;
    let count = 0;

    const single = active === 1 ? this.singleAnswer(q) : null;
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
    const driver = this.smallestCandidates(q, compiled, tests, -1, { stamp: searchStamp, count: searchedInBase, min: searchMin, max: searchMax });
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
        const second = this.smallestCandidates(q, compiled, others, skip, { stamp: searchStamp, count: searchedInBase, min: searchMin, max: searchMax });
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

  /** The query's keys in each dimension that has posting lists (unknown names become -1, which matches nothing). */
  private listKeys(q: IndexQuery): [number, number[]][] {
    return [
      [D_TYPES, q.types.map((t) => TYPE_INDEX.get(t) ?? -1)],
      [D_ACTOR, q.actorIds],
      [D_INITIATOR, q.initiatorIds],
      [D_TARGET, q.targetIds],
      [D_TAG, q.tagIds],
      [D_BASIS, q.bases.map((name) => this.basisIndex.get(name) ?? -1)],
    ];
  }

  /** The precomputed answer for a query whose only filter is one value with a long posting list. */
  private singleAnswer(q: IndexQuery): { dimension: number; list: Int32Array; answer: { total: number; counts: Counters; chart: Chart } } | null {
    if (q.from || q.to || q.searchIds !== null) return null;
    const candidates = this.listKeys(q);
    for (const [dimension, keys] of candidates) {
      if (keys.length === 0) continue;
      const unique = [...new Set(keys)];
      if (unique.length !== 1) return null;
      const key = unique[0]!;
      const answer = this.base.single.get(`${dimension}:${key}`);
      const list = answer ? postingList(this.base.postingsOf(dimension)!, key) : null;
      return answer && list ? { dimension, list, answer } : null;
    }
    return null;
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

  /**
   * The cheapest way to enumerate a superset of the base events passing `tests` (ignoring
   * `skip`): a posting list or a union of them, the date range (contiguous in timeline
   * order, widened by the longest event span since an event overlaps by its end day too),
   * or the search matches; the whole base when nothing narrows it.
   */
  private smallestCandidates(
    q: IndexQuery,
    compiled: Compiled,
    tests: Test[],
    skip: number,
    search: { stamp: number; count: number; min: number; max: number },
  ): Candidates & { unsorted: boolean } {
    const base = this.base;
    type Choice = { dimension: number; size: number; make: () => Candidates & { unsorted: boolean } };
    const choices: Choice[] = [];
    if (compiled.dates && tests[D_DATES] && skip !== D_DATES) {
      const from = q.from ? base.lowerBound(dayNumber(q.from) - base.maxSpan) : 0;
      const to = q.to ? base.upperBound(dayNumber(q.to)) : base.cols.size;
      choices.push({ dimension: D_DATES, size: Math.max(0, to - from), make: () => ({ dimension: D_DATES, list: null, from, to: Math.max(from, to), size: Math.max(0, to - from), unsorted: false }) });
    }
    const listKeys = this.listKeys(q);
    for (const [dimension, keys] of listKeys) {
      if (dimension === skip || !tests[dimension] || keys.length === 0) continue;
      const postings = base.postingsOf(dimension)!;
      const lists = [...new Set(keys)].flatMap((k) => {
        const list = postingList(postings, k);
        return list ? [list] : [];
      });
      const size = lists.reduce((s, l) => s + l.length, 0);
      choices.push({ dimension, size, make: () => this.union(dimension, lists, size) });
    }
    if (tests[D_Q] && skip !== D_Q) {
      choices.push({
        dimension: D_Q,
        size: search.count,
        make: () => {
          // Search results come in id order: enumerate the stamped positions in timeline order.
          const out = new Int32Array(search.count);
          let n = 0;
          for (let p = search.min; p <= search.max; p++) if (base.searched[p] === search.stamp) out[n++] = p;
          return { dimension: D_Q, list: out, from: 0, to: 0, size: n, unsorted: false };
        },
      });
    }
    let best: Choice | null = null;
    for (const choice of choices) if (!best || choice.size < best.size) best = choice;
    if (!best || best.size >= base.cols.size) return { dimension: -1, list: null, from: 0, to: base.cols.size, size: base.cols.size, unsorted: false };
    return best.make();
  }

  /** Posting lists as one candidate list, each position once (in list order; `unsorted` when several). */
  private union(dimension: number, lists: Int32Array[], size: number): Candidates & { unsorted: boolean } {
    if (lists.length === 0) return { dimension, list: new Int32Array(0), from: 0, to: 0, size: 0, unsorted: false };
    if (lists.length === 1) return { dimension, list: lists[0]!, from: 0, to: 0, size: lists[0]!.length, unsorted: false };
    const base = this.base;
    const stamp = ++base.stamp;
    const out = new Int32Array(size);
    let n = 0;
    for (const list of lists) {
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        if (base.seen[p] === stamp) continue;
        base.seen[p] = stamp;
        out[n++] = p;
      }
    }
    return { dimension, list: out.subarray(0, n), from: 0, to: 0, size: n, unsorted: true };
  }
}

/** Turns database rows (strings) into numeric columns and a legal-basis dictionary. */
function* baseFrom(source: IndexSource, singleMin: number): Work<Base> {
  const { input, basisNames } = yield* columnInputOf(source);
  return yield* Base.build(input, basisNames, singleMin);
}

function* columnInputOf(source: IndexSource): Work<{ input: ColumnInput; basisNames: string[] }> {
  const events = source.events;
  const n = events.ids.length;
  const startDay = new Int32Array(n);
  const endDay = new Int32Array(n);
  const type = new Uint8Array(n);
  const basis = new Int32Array(n);
  const basisNames: string[] = [];
  const basisIndex = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    if ((p & CHUNK_MASK) === 0) yield;
    startDay[p] = dayNumber(events.dateStart[p]!);
    endDay[p] = dayNumber(events.dateEnd[p]!);
    type[p] = TYPE_INDEX.get(events.type[p]!) ?? OTHER_TYPE;
    const name = events.legalBasis[p];
    if (name) {
      let b = basisIndex.get(name);
      if (b === undefined) {
        b = basisNames.length;
        basisNames.push(name);
        basisIndex.set(name, b);
      }
      basis[p] = b;
    } else {
      basis[p] = -1;
    }
  }
  return {
    input: { ids: events.ids, startDay, endDay, type, basis, participants: source.participants, tags: source.tags },
    basisNames,
  };
}

/** The overlay's columns: its events are already sorted in timeline order. */
function overlayColumns(events: readonly OverlayEvent[]): Columns {
  const position = new Map(events.map((e, i) => [e.id, i]));
  const pEvent: number[] = [];
  const pActor: number[] = [];
  const pRole: number[] = [];
  const tEvent: number[] = [];
  const tTag: number[] = [];
  for (const e of events) {
    e.actorIds.forEach((actor, i) => {
      pEvent.push(e.id);
      pActor.push(actor);
      pRole.push(e.roles[i]!);
    });
    for (const tag of e.tagIds) {
      tEvent.push(e.id);
      tTag.push(tag);
    }
  }
  return runSync(buildColumns(
    {
      ids: events.map((e) => e.id),
      startDay: events.map((e) => e.startDay),
      endDay: events.map((e) => e.endDay),
      type: events.map((e) => e.type),
      basis: events.map((e) => e.basis),
      participants: { eventIds: pEvent, actorIds: pActor, roles: pRole },
      tags: { eventIds: tEvent, tagIds: tTag },
    },
    (id) => position.get(id) ?? -1,
  ));
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Adds counters of possibly smaller arrays into `into`. */
function addInto(into: Counters, from: Counters): void {
  for (const key of Object.keys(into) as (keyof Counters)[]) {
    const a = into[key];
    const b = from[key];
    for (let i = 0; i < b.length; i++) a[i] = a[i]! + b[i]!;
  }
}

function subtractFrom(into: Counters, from: Counters): void {
  for (const key of Object.keys(into) as (keyof Counters)[]) {
    const a = into[key];
    const b = from[key];
    for (let i = 0; i < b.length; i++) a[i] = a[i]! - b[i]!;
  }
}

const FACET_COUNTER: Record<number, keyof Counters> = {
  [D_TYPES]: "types",
  [D_ACTOR]: "actor",
  [D_INITIATOR]: "initiator",
  [D_TARGET]: "target",
  [D_TAG]: "tag",
  [D_BASIS]: "basis",
};

function copyFacet(dimension: number, from: Counters, into: Counters): void {
  const key = FACET_COUNTER[dimension];
  if (key) into[key].set(from[key].subarray(0, into[key].length));
}

/** The first index in [0, count) for which `isBefore` is false; `isBefore` must be true for a prefix only. */
function partitionPoint(count: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The non-zero counters of a dense array, keyed by index. */
function denseEntries(counts: Int32Array): FacetEntry<number>[] {
  const list: FacetEntry<number>[] = [];
  for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) list.push({ key, count: counts[key]! });
  return list;
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * The non-zero counters of a dense array, most frequent first, ties by key. Thousands of
 * actors per facet on every query: a stable radix sort by count (keys start in ascending
 * order, so ties stay in key order) is several times faster than sorting entry objects with
 * a comparator, which was a third of a broad query.
 */
function sortedEntries(counts: Int32Array): FacetEntry<number>[] {
  let n = 0;
  let max = 0;
  for (let key = 0; key < counts.length; key++) {
    const count = counts[key]!;
    if (count > 0) {
      n++;
      if (count > max) max = count;
    }
  }
  let from = new Int32Array(n);
  n = 0;
  for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) from[n++] = key;
  let to = new Int32Array(n);
  const histogram = new Int32Array(RADIX);
  // Sort ascending by (max - count), least significant digit first.
  for (let shift = 0; max >>> shift > 0; shift += RADIX_BITS) {
    histogram.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((max - counts[from[i]!]!) >>> shift) & (RADIX - 1);
      histogram[digit] = histogram[digit]! + 1;
    }
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = histogram[d]!;
      histogram[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = from[i]!;
      const digit = ((max - counts[key]!) >>> shift) & (RADIX - 1);
      to[histogram[digit]!] = key;
      histogram[digit] = histogram[digit]! + 1;
    }
    [from, to] = [to, from];
  }
  const list: FacetEntry<number>[] = new Array<FacetEntry<number>>(n);
  for (let i = 0; i < n; i++) list[i] = { key: from[i]!, count: counts[from[i]!]! };
  return list;
}

/** Most frequent first; ties in key order so the output is stable. */
function sortFacet<K extends string | number>(list: FacetEntry<K>[]): FacetEntry<K>[] {
  return list.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
