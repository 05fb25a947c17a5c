/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops: every index is bounded by construction (see index.ts). */
import { buildColumns, columnInputOf, type ColumnInput, type Columns } from "@/lib/timeline/facet-index/columns";
import { chartAdd, countAll, newChart, newCounters, type Chart, type Counters } from "@/lib/timeline/facet-index/counting";
import { buildLinkPostings, buildPostings, type Postings } from "@/lib/timeline/facet-index/postings";
import { partitionPoint } from "@/lib/timeline/facet-index/sort";
import { FACET_DIMENSIONS, FACET_TABLE, ROLE_INITIATOR, ROLE_TARGET, type FacetCounter, type IndexSource } from "@/lib/timeline/facet-index/types";
import { CHUNK_MASK, type Work } from "@/lib/timeline/facet-index/work";

/** Posting lists at least this long (and at least 1/SINGLE_SHARE of the events) get a precomputed single-filter answer. */
export const SINGLE_MIN_POSTINGS = 2_000;
export const SINGLE_SHARE = 100;

/** The immutable, shared part of an index: built once from the database, or by `compact`. */
export class Base {
  // Assigned by build(), a generator, so that building can be resumed in slices.
  cols!: Columns;
  /** Position of each event id, -1 for ids the base does not hold. */
  positionById!: Int32Array;
  /** Posting lists per facet dimension, by its name in FACET_TABLE. */
  postings!: Record<FacetCounter, Postings>;
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
    this.postings = {
      types: yield* buildPostings(n, (p) => c.type[p]!, (p) => p),
      basis: yield* buildPostings(n, (p) => c.basis[p]!, (p) => p),
      initiator: yield* buildLinkPostings(n, c.actors, ROLE_INITIATOR),
      target: yield* buildLinkPostings(n, c.actors, ROLE_TARGET),
      actor: yield* buildLinkPostings(n, c.actors, null),
      tag: yield* buildLinkPostings(n, c.tags, null),
    };
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
  }

  positionOf(id: number): number {
    return id >= 0 && id < this.positionById.length ? this.positionById[id]! : -1;
  }

  postingsOf(dimension: number): Postings | null {
    const facet = FACET_TABLE[dimension];
    return facet ? this.postings[facet.name] : null;
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

/** Turns database rows (strings) into numeric columns and a legal-basis dictionary. */
export function* baseFrom(source: IndexSource, singleMin: number): Work<Base> {
  const { input, basisNames } = yield* columnInputOf(source);
  return yield* Base.build(input, basisNames, singleMin);
}
