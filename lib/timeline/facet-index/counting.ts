/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops: every index is bounded by construction (see index.ts). */
import type { Columns } from "@/lib/timeline/facet-index/columns";
import { D_ACTOR, D_BASIS, D_INITIATOR, D_TAG, D_TARGET, D_TYPES, FACET_TABLE, MAX_MONTH_BARS, ROLE_INITIATOR, ROLE_TARGET, TYPE_COUNT, type ChartBucket, type IndexResult } from "@/lib/timeline/facet-index/types";

/** Counting facets and the activity chart, event by event. */

/** Dense counters by key: actor and tag ids are small integers; array increments beat Map updates. */
export type Counters = {
  types: Int32Array;
  actor: Int32Array;
  initiator: Int32Array;
  target: Int32Array;
  tag: Int32Array;
  basis: Int32Array;
};

export function newCounters(maxActorId: number, maxTagId: number, basisCount: number): Counters {
  return {
    types: new Int32Array(TYPE_COUNT),
    actor: new Int32Array(maxActorId + 1),
    initiator: new Int32Array(maxActorId + 1),
    target: new Int32Array(maxActorId + 1),
    tag: new Int32Array(maxTagId + 1),
    basis: new Int32Array(basisCount),
  };
}

export function bump(array: Int32Array, index: number): void {
  array[index] = array[index]! + 1;
}

/** Every facet of one event but `skip`'s, with a single walk over its participants (the hot path). */
export function countAll(c: Columns, p: number, skip: number, k: Counters): void {
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
export function countFacet(c: Columns, p: number, dimension: number, k: Counters): void {
  if (dimension === D_TYPES) bump(k.types, c.type[p]!);
  else if (dimension === D_BASIS) {
    if (c.basis[p]! >= 0) bump(k.basis, c.basis[p]!);
  } else if (dimension === D_TAG) {
    for (let at = c.tags.offsets[p]!; at < c.tags.offsets[p + 1]!; at++) bump(k.tag, c.tags.values[at]!);
  } else {
    const facet = FACET_TABLE[dimension];
    if (!facet || facet.role === null) return;
    const counts = k[facet.name];
    const role = facet.role;
    const actors = c.actors;
    for (let at = actors.offsets[p]!; at < actors.offsets[p + 1]!; at++) {
      if (role === 0 ? actors.first[at] === 1 : actors.roles[at] === role) bump(counts, actors.values[at]!);
    }
  }
}

/** Month x type counts over months [min, max]. */
export type Chart = { min: number; months: number; counts: Int32Array };

export function newChart(min: number, max: number): Chart {
  const months = Math.max(0, max - min + 1);
  return { min, months, counts: new Int32Array(months * TYPE_COUNT) };
}

export function chartAdd(chart: Chart, c: Columns, p: number, delta: number): void {
  const m = c.month[p]! - chart.min;
  if (m >= 0 && m < chart.months) {
    const at = m * TYPE_COUNT + c.type[p]!;
    chart.counts[at] = chart.counts[at]! + delta;
  }
}

/** Adds a chart's counts into another over the months they share. */
export function addChart(into: Chart, from: Chart): void {
  for (let m = 0; m < from.months; m++) {
    const target = from.min + m - into.min;
    if (target < 0 || target >= into.months) continue;
    for (let t = 0; t < TYPE_COUNT; t++) {
      const at = target * TYPE_COUNT + t;
      into.counts[at] = into.counts[at]! + from.counts[m * TYPE_COUNT + t]!;
    }
  }
}

export function chartResult(chart: Chart): IndexResult["chart"] {
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

/** Adds counters of possibly smaller arrays into `into`. */
export function addInto(into: Counters, from: Counters): void {
  for (const key of Object.keys(into) as (keyof Counters)[]) {
    const a = into[key];
    const b = from[key];
    for (let i = 0; i < b.length; i++) a[i] = a[i]! + b[i]!;
  }
}

export function subtractFrom(into: Counters, from: Counters): void {
  for (const key of Object.keys(into) as (keyof Counters)[]) {
    const a = into[key];
    const b = from[key];
    for (let i = 0; i < b.length; i++) a[i] = a[i]! - b[i]!;
  }
}

export function copyFacet(dimension: number, from: Counters, into: Counters): void {
  const key = FACET_TABLE[dimension]?.name;
  if (key) into[key].set(from[key].subarray(0, into[key].length));
}
