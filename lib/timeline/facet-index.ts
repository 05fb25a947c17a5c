/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops over a million events: every index is bounded by
   construction (positions < size, link offsets from the same arrays), and a checked
   accessor per read would cost more than the counting itself. */
import { EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";

/**
 * An in-memory index of the public events' filterable columns, for the timeline's counts,
 * facets, activity chart and page selection (docs/decisions/0004-timeline-performance.md).
 *
 * Events are held in timeline order (dateStart, id ascending) as typed arrays, with posting
 * lists per type, actor (by role), tag and legal basis. A query enumerates the smallest
 * candidate list among its active filters, tests every other filter per event, and counts
 * each facet "under the other active filters" in the same pass. Pure: no database here;
 * lib/timeline/facet-store.ts loads it and keeps it current.
 */

export const DIMENSIONS = ["dates", "types", "actor", "initiator", "target", "tag", "basis", "q"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const DIM = Object.fromEntries(DIMENSIONS.map((d, i) => [d, i])) as Record<Dimension, number>;

export const ROLE_INITIATOR = 1;
export const ROLE_TARGET = 2;

/** Rows as read from the database; events already in timeline order. */
export type IndexSource = {
  events: { ids: ArrayLike<number>; dateStart: string[]; dateEnd: string[]; type: string[]; legalBasis: (string | null)[] };
  /** (eventId, actorId, role) for every participant, any order; rows of non-public events are skipped. */
  participants: { eventIds: ArrayLike<number>; actorIds: ArrayLike<number>; roles: ArrayLike<number> };
  tags: { eventIds: ArrayLike<number>; tagIds: ArrayLike<number> };
};

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

/** Posting lists by small integer key, in one array: the positions for key k are [offsets[k], offsets[k+1]). */
type Postings = { offsets: Int32Array; positions: Int32Array };

/** Groups positions by key into sorted posting lists (positions are visited in order). */
function buildPostings(count: number, keyAt: (i: number) => number, positionAt: (i: number) => number): Postings {
  let maxKey = -1;
  for (let i = 0; i < count; i++) maxKey = Math.max(maxKey, keyAt(i));
  const offsets = new Int32Array(maxKey + 2);
  for (let i = 0; i < count; i++) {
    const key = keyAt(i);
    if (key >= 0) offsets[key + 1] = offsets[key + 1]! + 1;
  }
  for (let k = 0; k <= maxKey; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
  const positions = new Int32Array(offsets[maxKey + 1] ?? 0);
  const fill = offsets.slice(0, maxKey + 1);
  for (let i = 0; i < count; i++) {
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

function postingLengths(postings: Postings): FacetEntry<number>[] {
  const list: FacetEntry<number>[] = [];
  for (let key = 0; key + 1 < postings.offsets.length; key++) {
    const count = postings.offsets[key + 1]! - postings.offsets[key]!;
    if (count > 0) list.push({ key, count });
  }
  return list;
}

/** Positions of events in a compressed-row layout: the links of event p are [offsets[p], offsets[p+1]). */
type Links = { offsets: Int32Array; values: Int32Array; roles: Uint8Array };

function buildLinks(
  size: number,
  positionById: Int32Array,
  eventIds: ArrayLike<number>,
  values: ArrayLike<number>,
  roles: ArrayLike<number> | null,
): Links {
  const positions = new Int32Array(eventIds.length);
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < eventIds.length; i++) {
    const id = eventIds[i]!;
    const p = id >= 0 && id < positionById.length ? positionById[id]! : -1;
    positions[i] = p;
    if (p >= 0) offsets[p + 1] = offsets[p + 1]! + 1;
  }
  for (let p = 0; p < size; p++) offsets[p + 1] = offsets[p + 1]! + offsets[p]!;
  const linkValues = new Int32Array(offsets[size]!);
  const linkRoles = new Uint8Array(offsets[size]!);
  const cursor = offsets.slice(0, size);
  for (let i = 0; i < eventIds.length; i++) {
    const p = positions[i]!;
    if (p < 0) continue;
    const at = cursor[p]!;
    cursor[p] = at + 1;
    linkValues[at] = values[i]!;
    linkRoles[at] = roles ? roles[i]! : 0;
  }
  return { offsets, values: linkValues, roles: linkRoles };
}

/** Posting lists over links: for each value, the positions of events linked to it (once each). */
function buildLinkPostings(size: number, links: Links, role: number | null): Postings {
  const keep = (p: number, at: number) => {
    if (role !== null) return links.roles[at] === role;
    // "Any participant" counts an event once even when the actor is on both sides.
    for (let before = links.offsets[p]!; before < at; before++) if (links.values[before]! === links.values[at]!) return false;
    return true;
  };
  const keys = new Int32Array(links.values.length);
  const positions = new Int32Array(links.values.length);
  let count = 0;
  for (let p = 0; p < size; p++) {
    for (let at = links.offsets[p]!; at < links.offsets[p + 1]!; at++) {
      if (!keep(p, at)) continue;
      keys[count] = links.values[at]!;
      positions[count] = p;
      count++;
    }
  }
  return buildPostings(count, (i) => keys[i]!, (i) => positions[i]!);
}

export class FacetIndex {
  readonly size: number;
  private readonly ids: Int32Array;
  private readonly startDay: Int32Array;
  private readonly endDay: Int32Array;
  private readonly month: Int32Array;
  private readonly type: Uint8Array;
  private readonly basis: Int32Array;
  private readonly basisNames: string[];
  private readonly basisIndex: Map<string, number>;
  /** Position of each event id, -1 for ids the index does not hold. */
  private readonly positionById: Int32Array;
  private readonly actors: Links;
  private readonly tags: Links;
  private readonly byType: Postings;
  private readonly byActor: Postings;
  private readonly byInitiator: Postings;
  private readonly byTarget: Postings;
  private readonly byTag: Postings;
  private readonly byBasis: Postings;
  /** The longest span of a single event's date, in days-as-numbers, to widen date candidate ranges. */
  private readonly maxSpan: number;
  private readonly maxActorId: number;
  private readonly maxTagId: number;
  private readonly minMonth: number;
  private readonly maxMonth: number;
  private readonly unfiltered: IndexResult;
  /** Per-position stamps, so a union of posting lists visits each event once. */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(source: IndexSource) {
    const events = source.events;
    const n = events.ids.length;
    this.size = n;
    this.ids = Int32Array.from(events.ids);
    this.startDay = new Int32Array(n);
    this.endDay = new Int32Array(n);
    this.month = new Int32Array(n);
    this.type = new Uint8Array(n);
    this.basis = new Int32Array(n);
    this.basisNames = [];
    this.basisIndex = new Map();
    let maxId = 0;
    for (let p = 0; p < n; p++) maxId = Math.max(maxId, events.ids[p]!);
    this.positionById = new Int32Array(maxId + 1).fill(-1);
    let maxSpan = 0;
    let minMonth = Number.POSITIVE_INFINITY;
    let maxMonth = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < n; p++) {
      this.startDay[p] = dayNumber(events.dateStart[p]!);
      this.endDay[p] = dayNumber(events.dateEnd[p]!);
      maxSpan = Math.max(maxSpan, this.endDay[p]! - this.startDay[p]!);
      const month = monthNumber(events.dateStart[p]!);
      this.month[p] = month;
      minMonth = Math.min(minMonth, month);
      maxMonth = Math.max(maxMonth, month);
      this.type[p] = TYPE_INDEX.get(events.type[p]!) ?? OTHER_TYPE;
      const basis = events.legalBasis[p];
      if (basis) {
        let b = this.basisIndex.get(basis);
        if (b === undefined) {
          b = this.basisNames.length;
          this.basisNames.push(basis);
          this.basisIndex.set(basis, b);
        }
        this.basis[p] = b;
      } else {
        this.basis[p] = -1;
      }
      this.positionById[this.ids[p]!] = p;
    }
    this.maxSpan = maxSpan;
    this.minMonth = n === 0 ? 0 : minMonth;
    this.maxMonth = n === 0 ? -1 : maxMonth;
    this.seen = new Int32Array(n);

    const { participants, tags } = source;
    this.actors = buildLinks(n, this.positionById, participants.eventIds, participants.actorIds, participants.roles);
    this.tags = buildLinks(n, this.positionById, tags.eventIds, tags.tagIds, null);
    this.byType = buildPostings(n, (p) => this.type[p]!, (p) => p);
    this.byBasis = buildPostings(n, (p) => this.basis[p]!, (p) => p);
    this.byInitiator = buildLinkPostings(n, this.actors, ROLE_INITIATOR);
    this.byTarget = buildLinkPostings(n, this.actors, ROLE_TARGET);
    this.byActor = buildLinkPostings(n, this.actors, null);
    this.byTag = buildLinkPostings(n, this.tags, null);
    this.maxActorId = this.actors.values.reduce((max, id) => Math.max(max, id), 0);
    this.maxTagId = this.tags.values.reduce((max, id) => Math.max(max, id), 0);

    this.unfiltered = this.computeUnfiltered();
  }

  private computeUnfiltered(): IndexResult {
    const lengths = postingLengths;
    const chart = this.emptyChart(this.minMonth, this.maxMonth);
    for (let p = 0; p < this.size; p++) chart.add(p);
    return {
      total: this.size,
      facets: {
        types: sortFacet(lengths(this.byType).map((e) => ({ key: EVENT_TYPE_SLUGS[e.key]!, count: e.count }))),
        actor: sortFacet(lengths(this.byActor)),
        initiator: sortFacet(lengths(this.byInitiator)),
        target: sortFacet(lengths(this.byTarget)),
        tag: sortFacet(lengths(this.byTag)),
        basis: sortFacet(lengths(this.byBasis).map((e) => ({ key: this.basisNames[e.key]!, count: e.count }))),
      },
      chart: chart.result(),
    };
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
    const { result, matched } = this.run(q, true);
    // matched is null when nothing filters: every position matches.
    const count = matched ? matched.length : this.size;
    const at = (i: number): number => (matched ? matched[i]! : i);
    const newest = options.sort === "newest";
    let i: number;
    if (options.cursor) {
      // First index whose (start, id) is after the cursor in the reading direction.
      const day = dayNumber(options.cursor.dateStart);
      const id = options.cursor.id;
      const before = (pos: number) => this.startDay[pos]! < day || (this.startDay[pos]! === day && this.ids[pos]! < id);
      const atOrBefore = (pos: number) => before(pos) || (this.startDay[pos] === day && this.ids[pos] === id);
      // How many matches sort before the cursor (or at it, for oldest-first).
      const test = newest ? before : atOrBefore;
      const lo = partitionPoint(count, (k) => test(at(k)));
      i = newest ? lo - 1 : lo;
    } else {
      i = newest ? count - 1 : 0;
    }
    const ids: number[] = [];
    const step = newest ? -1 : 1;
    while (ids.length < options.limit && i >= 0 && i < count) {
      ids.push(this.ids[at(i)]!);
      i += step;
    }
    return { ...result, ids, hasMore: i >= 0 && i < count };
  }

  private run(q: IndexQuery, collect: boolean): { result: IndexResult; matched: Int32Array | null } {
    const tests = this.buildTests(q);
    const active = tests.filter((t) => t !== null).length;
    if (active === 0) return { result: this.unfiltered, matched: null };

    const facets = {
      types: new Int32Array(TYPE_COUNT),
      // Dense counters by id: actor and tag ids are small integers, and array increments
      // are several times cheaper than Map updates in this loop.
      actor: new Int32Array(this.maxActorId + 1),
      initiator: new Int32Array(this.maxActorId + 1),
      target: new Int32Array(this.maxActorId + 1),
      tag: new Int32Array(this.maxTagId + 1),
      basis: new Int32Array(this.basisNames.length),
    };
    const sets = tests;
    const keys = this.candidateKeys(q);
    const driver = this.smallestCandidates(tests, keys, -1);
    const chartRange = this.chartRange(q);
    const chart = this.emptyChart(chartRange.min, chartRange.max);
    const matched: number[] = [];
    let total = 0;

    const countFacet = (dimension: number, p: number) => {
      if (dimension === DIM.types) bump(facets.types, this.type[p]!);
      else if (dimension === DIM.basis) {
        if (this.basis[p]! >= 0) bump(facets.basis, this.basis[p]!);
      } else if (dimension === DIM.tag) {
        for (let at = this.tags.offsets[p]!; at < this.tags.offsets[p + 1]!; at++) bump(facets.tag, this.tags.values[at]!);
      } else if (dimension === DIM.actor || dimension === DIM.initiator || dimension === DIM.target) {
        const map = dimension === DIM.actor ? facets.actor : dimension === DIM.initiator ? facets.initiator : facets.target;
        const role = dimension === DIM.initiator ? ROLE_INITIATOR : dimension === DIM.target ? ROLE_TARGET : 0;
        const start = this.actors.offsets[p]!;
        for (let at = start; at < this.actors.offsets[p + 1]!; at++) {
          if (role !== 0 && this.actors.roles[at]! !== role) continue;
          const actor = this.actors.values[at]!;
          if (role === 0 && this.seenEarlier(start, at, actor)) continue;
          bump(map, actor);
        }
      }
    };
    const facetDims = [DIM.types, DIM.actor, DIM.initiator, DIM.target, DIM.tag, DIM.basis];
    /** Every facet of one matching event but `skip`'s, with a single walk over its participants (the hot path). */
    const countAll = (p: number, skip: number) => {
      if (skip !== DIM.types) bump(facets.types, this.type[p]!);
      if (skip !== DIM.basis && this.basis[p]! >= 0) bump(facets.basis, this.basis[p]!);
      if (skip !== DIM.tag) {
        for (let at = this.tags.offsets[p]!; at < this.tags.offsets[p + 1]!; at++) bump(facets.tag, this.tags.values[at]!);
      }
      const start = this.actors.offsets[p]!;
      const end = this.actors.offsets[p + 1]!;
      for (let at = start; at < end; at++) {
        const actor = this.actors.values[at]!;
        const role = this.actors.roles[at]!;
        if (role === ROLE_INITIATOR) {
          if (skip !== DIM.initiator) bump(facets.initiator, actor);
        } else if (role === ROLE_TARGET && skip !== DIM.target) {
          bump(facets.target, actor);
        }
        if (skip !== DIM.actor && !this.seenEarlier(start, at, actor)) bump(facets.actor, actor);
      }
    };

    // Pass 1: the main set, and each facet whose only failing filter is its own.
    // Candidates from posting lists all pass their own dimension; a date range is widened
    // by the longest event span, so its candidates are still tested.
    const checks = sets.flatMap((test, d) => (test && (d !== driver.dimension || d === DIM.dates) ? [{ d, test }] : []));
    this.enumerate(driver, (p) => {
      let failed = -1;
      for (let i = 0; i < checks.length; i++) {
        const check = checks[i]!;
        if (!check.test(p)) {
          if (failed !== -1) return;
          failed = check.d;
        }
      }
      if (failed === -1) {
        total++;
        if (collect) matched.push(p);
        chart.add(p);
        // The driver's own facet is counted in pass 2, over events it does not enumerate.
        countAll(p, driver.dimension);
      } else if (failed !== driver.dimension) {
        countFacet(failed, p);
      }
    });

    // Pass 2: the driver's own dimension, under every other filter.
    if (driver.dimension >= 0 && facetDims.includes(driver.dimension)) {
      const others = tests.map((t, d) => (d === driver.dimension ? null : t));
      if (others.every((t) => t === null)) {
        this.copyUnfilteredFacet(driver.dimension, facets);
      } else {
        const second = this.smallestCandidates(others, keys, driver.dimension);
        this.enumerate(second, (p) => {
          for (let d = 0; d < others.length; d++) {
            const test = others[d];
            if (test && !test(p)) return;
          }
          countFacet(driver.dimension, p);
        });
      }
    }

    const matchedPositions = collect ? Int32Array.from(matched).sort() : null;
    return {
      result: {
        total,
        facets: {
          types: sortFacet([...facets.types].map((count, t) => ({ key: EVENT_TYPE_SLUGS[t]!, count }))),
          actor: sortFacet(entries(facets.actor)),
          initiator: sortFacet(entries(facets.initiator)),
          target: sortFacet(entries(facets.target)),
          tag: sortFacet(entries(facets.tag)),
          basis: sortFacet([...facets.basis].map((count, b) => ({ key: this.basisNames[b]!, count }))),
        },
        chart: chart.result(),
      },
      matched: matchedPositions,
    };
  }

  /** Whether an actor already appeared among an event's earlier links (on the other side). */
  private seenEarlier(start: number, at: number, actor: number): boolean {
    for (let before = start; before < at; before++) if (this.actors.values[before] === actor) return true;
    return false;
  }

  private copyUnfilteredFacet(dimension: number, facets: Record<"types" | "basis" | "actor" | "initiator" | "target" | "tag", Int32Array>) {
    const u = this.unfiltered.facets;
    if (dimension === DIM.types) for (const e of u.types) facets.types[TYPE_INDEX.get(e.key) ?? OTHER_TYPE] = e.count;
    else if (dimension === DIM.basis) for (const e of u.basis) facets.basis[this.basisIndex.get(e.key) ?? 0] = e.count;
    else {
      const name = dimension === DIM.actor ? "actor" : dimension === DIM.initiator ? "initiator" : dimension === DIM.target ? "target" : "tag";
      for (const e of u[name]) facets[name][e.key] = e.count;
    }
  }

  /** One membership test per dimension (null when the dimension does not filter). */
  private buildTests(q: IndexQuery): (((p: number) => boolean) | null)[] {
    const tests: (((p: number) => boolean) | null)[] = DIMENSIONS.map(() => null);
    if (q.from || q.to) {
      const from = q.from ? dayNumber(q.from) : 0;
      const to = q.to ? dayNumber(q.to) : 99999999;
      tests[DIM.dates] = (p) => this.startDay[p]! <= to && this.endDay[p]! >= from;
    }
    if (q.types.length > 0) {
      const wanted = new Uint8Array(TYPE_COUNT);
      for (const t of q.types) {
        const index = TYPE_INDEX.get(t);
        if (index !== undefined) wanted[index] = 1;
      }
      tests[DIM.types] = (p) => wanted[this.type[p]!] === 1;
    }
    const actorTest = (ids: number[], role: number) => {
      const wanted = membership(ids, this.maxActorId);
      return (p: number) => {
        for (let at = this.actors.offsets[p]!; at < this.actors.offsets[p + 1]!; at++) {
          if ((role === 0 || this.actors.roles[at]! === role) && wanted[this.actors.values[at]!] === 1) return true;
        }
        return false;
      };
    };
    if (q.actorIds.length > 0) tests[DIM.actor] = actorTest(q.actorIds, 0);
    if (q.initiatorIds.length > 0) tests[DIM.initiator] = actorTest(q.initiatorIds, ROLE_INITIATOR);
    if (q.targetIds.length > 0) tests[DIM.target] = actorTest(q.targetIds, ROLE_TARGET);
    if (q.tagIds.length > 0) {
      const wanted = membership(q.tagIds, this.maxTagId);
      tests[DIM.tag] = (p) => {
        for (let at = this.tags.offsets[p]!; at < this.tags.offsets[p + 1]!; at++) if (wanted[this.tags.values[at]!] === 1) return true;
        return false;
      };
    }
    if (q.bases.length > 0) {
      const wanted = new Set(q.bases.map((b) => this.basisIndex.get(b) ?? -2));
      tests[DIM.basis] = (p) => wanted.has(this.basis[p]!);
    }
    if (q.searchIds !== null) {
      const marks = new Uint8Array(this.size);
      for (const id of q.searchIds) {
        const p = this.positionOf(id);
        if (p >= 0) marks[p] = 1;
      }
      tests[DIM.q] = (p) => marks[p] === 1;
    }
    return tests;
  }

  /** The cheapest way to enumerate a superset of the events passing `tests` (ignoring `skip`). */
  private smallestCandidates(tests: (((p: number) => boolean) | null)[], keys: (number[] | null)[], skip: number): Candidates {
    let best: Candidates = { dimension: -1, lists: null, from: 0, to: this.size, size: this.size };
    const consider = (candidate: Candidates) => {
      if (candidate.size < best.size) best = candidate;
    };
    const fromLists = (dimension: number, postings: Postings | null, keys: number[]) => {
      const lists = keys.flatMap((k) => {
        const list = postings ? postingList(postings, k) : null;
        return list ? [list] : [];
      });
      return { dimension, lists, from: 0, to: 0, size: lists.reduce((s, l) => s + l.length, 0) };
    };
    keys.forEach((dimensionKeys, dimension) => {
      if (dimension === skip || tests[dimension] === null || dimensionKeys === null) return;
      if (dimension === DIM.dates) {
        const [from, to] = dimensionKeys as [number, number];
        consider({ dimension, lists: null, from, to, size: to - from });
      } else if (dimension === DIM.q) {
        // For the search the keys are the matching positions themselves, sorted so that the
        // pass walks the arrays in order (search results come in id order).
        consider({ dimension, lists: [Int32Array.from(dimensionKeys).sort()], from: 0, to: 0, size: dimensionKeys.length });
      } else {
        consider(fromLists(dimension, this.postingsOf(dimension), dimensionKeys));
      }
    });
    return best;
  }

  private positionOf(id: number): number {
    return id >= 0 && id < this.positionById.length ? this.positionById[id]! : -1;
  }

  private postingsOf(dimension: number): Postings | null {
    switch (dimension) {
      case DIM.types:
        return this.byType;
      case DIM.actor:
        return this.byActor;
      case DIM.initiator:
        return this.byInitiator;
      case DIM.target:
        return this.byTarget;
      case DIM.tag:
        return this.byTag;
      case DIM.basis:
        return this.byBasis;
      default:
        return null;
    }
  }

  private enumerate(candidates: Candidates, visit: (p: number) => void): void {
    if (candidates.lists === null) {
      for (let p = candidates.from; p < candidates.to; p++) visit(p);
      return;
    }
    if (candidates.lists.length === 1) {
      for (const p of candidates.lists[0]!) visit(p);
      return;
    }
    const stamp = ++this.stamp;
    for (const list of candidates.lists) {
      for (const p of list) {
        if (this.seen[p] === stamp) continue;
        this.seen[p] = stamp;
        visit(p);
      }
    }
  }

  private chartRange(q: IndexQuery): { min: number; max: number } {
    const min = q.from ? Math.max(this.minMonth, monthNumber(q.from)) : this.minMonth;
    const max = q.to ? Math.min(this.maxMonth, monthNumber(q.to)) : this.maxMonth;
    return { min, max };
  }

  /** Accumulates chart counts by month of dateStart, for months [min, max]. */
  private emptyChart(min: number, max: number) {
    const months = Math.max(0, max - min + 1);
    const counts = new Int32Array(months * TYPE_COUNT);
    return {
      add: (p: number) => {
        const m = this.month[p]!;
        if (m >= min && m <= max) bump(counts, (m - min) * TYPE_COUNT + this.type[p]!);
      },
      result: (): IndexResult["chart"] => {
        // Trim empty months at both ends, then choose months or years for what remains.
        let first = 0;
        let last = months - 1;
        const monthTotal = (m: number) => counts.subarray(m * TYPE_COUNT, (m + 1) * TYPE_COUNT).reduce((s, c) => s + c, 0);
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
            const c = counts[m * TYPE_COUNT + t]!;
            bucket.byType[t] = bucket.byType[t]! + c;
            bucket.total += c;
          }
        }
        return { unit: byYear ? "year" : "month", buckets };
      },
    };
  }

  /**
   * Each active dimension's candidates: posting-list keys, or for dates a position range
   * (widened by the longest event span, since an event overlaps by its end day too).
   */
  private candidateKeys(q: IndexQuery): (number[] | null)[] {
    const keys: (number[] | null)[] = DIMENSIONS.map(() => null);
    if (q.from || q.to) {
      const from = q.from ? dayNumber(q.from) - this.maxSpan : 0;
      const to = q.to ? dayNumber(q.to) : 99999999;
      keys[DIM.dates] = [this.lowerBound(from), this.upperBound(to)];
    }
    keys[DIM.types] = q.types.map((t) => TYPE_INDEX.get(t) ?? -1);
    keys[DIM.actor] = q.actorIds;
    keys[DIM.initiator] = q.initiatorIds;
    keys[DIM.target] = q.targetIds;
    keys[DIM.tag] = q.tagIds;
    keys[DIM.basis] = q.bases.map((b) => this.basisIndex.get(b) ?? -1);
    if (q.searchIds !== null) {
      const positions: number[] = [];
      for (const id of q.searchIds) {
        const p = this.positionOf(id);
        if (p >= 0) positions.push(p);
      }
      keys[DIM.q] = positions;
    }
    return keys;
  }

  /** First position whose start day is >= day (positions are sorted by start day). */
  private lowerBound(day: number): number {
    return partitionPoint(this.size, (p) => this.startDay[p]! < day);
  }

  /** First position whose start day is > day. */
  private upperBound(day: number): number {
    return partitionPoint(this.size, (p) => this.startDay[p]! <= day);
  }
}

type Candidates = { dimension: number; lists: Int32Array[] | null; from: number; to: number; size: number };

function bump(array: Int32Array, index: number): void {
  array[index] = array[index]! + 1;
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

/** A 0/1 lookup table by id (ids above max are never linked, so they are left out). */
function membership(ids: readonly number[], max: number): Uint8Array {
  const table = new Uint8Array(max + 1);
  for (const id of ids) if (id >= 0 && id <= max) table[id] = 1;
  return table;
}

/** The non-zero counters of a dense array, keyed by index. */
function entries(counts: Int32Array): FacetEntry<number>[] {
  const list: FacetEntry<number>[] = [];
  for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) list.push({ key, count: counts[key]! });
  return list;
}

/** Most frequent first; ties in key order so the output is stable. */
function sortFacet<K extends string | number>(list: FacetEntry<K>[]): FacetEntry<K>[] {
  return list
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
