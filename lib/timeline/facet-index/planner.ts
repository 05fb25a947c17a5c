/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops: every index is bounded by construction (see index.ts). */
import type { Base } from "@/lib/timeline/facet-index/base";
import type { Counters, Chart } from "@/lib/timeline/facet-index/counting";
import type { Columns } from "@/lib/timeline/facet-index/columns";
import { postingList } from "@/lib/timeline/facet-index/postings";
import type { Scratch } from "@/lib/timeline/facet-index/scratch";
import { D_ACTOR, D_BASIS, D_DATES, D_INITIATOR, D_Q, D_TAG, D_TARGET, D_TYPES, DIMENSIONS, ROLE_INITIATOR, ROLE_TARGET, TYPE_COUNT, TYPE_INDEX, dayNumber, type IndexQuery } from "@/lib/timeline/facet-index/types";

/**
 * The query planner: a query compiled into lookup tables, one membership test per
 * dimension, and the cheapest candidates to enumerate (a posting list or a union of them,
 * the date range, the search matches, or the precomputed answer of one broad value).
 */

/** What the planner reads of an index. */
export type PlanContext = {
  base: Base;
  scratch: Scratch;
  basisNames: readonly string[];
  basisIndex: ReadonlyMap<string, number>;
  maxActorId: number;
  maxTagId: number;
};

/** A query with its references turned into lookup tables, usable on the base and the overlay. */
export type Compiled = {
  dates: { from: number; to: number } | null;
  types: Uint8Array | null;
  actor: Uint8Array | null;
  initiator: Uint8Array | null;
  target: Uint8Array | null;
  tag: Uint8Array | null;
  basis: Uint8Array | null;
  search: boolean;
};

export type Test = ((p: number) => boolean) | null;

/** One membership test per dimension of a column set (null when the dimension does not filter). */
export function buildTests(c: Columns, q: Compiled, searched: ((p: number) => boolean) | null): Test[] {
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
export type Candidates = { dimension: number; list: Int32Array | null; from: number; to: number; size: number };

export function compileQuery(ctx: PlanContext, q: IndexQuery): Compiled {
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
    basis = new Uint8Array(ctx.basisNames.length);
    for (const name of q.bases) {
      const b = ctx.basisIndex.get(name);
      if (b !== undefined) basis[b] = 1;
    }
  }
  return {
    dates: q.from || q.to ? { from: q.from ? dayNumber(q.from) : 0, to: q.to ? dayNumber(q.to) : 99999999 } : null,
    types,
    actor: table(q.actorIds, ctx.maxActorId),
    initiator: table(q.initiatorIds, ctx.maxActorId),
    target: table(q.targetIds, ctx.maxActorId),
    tag: table(q.tagIds, ctx.maxTagId),
    basis,
    search: q.searchIds !== null,
  };
}

/** The query's keys in each dimension that has posting lists (unknown names become -1, which matches nothing). */
export function listKeys(ctx: PlanContext, q: IndexQuery): [number, number[]][] {
  return [
    [D_TYPES, q.types.map((t) => TYPE_INDEX.get(t) ?? -1)],
    [D_ACTOR, q.actorIds],
    [D_INITIATOR, q.initiatorIds],
    [D_TARGET, q.targetIds],
    [D_TAG, q.tagIds],
    [D_BASIS, q.bases.map((name) => ctx.basisIndex.get(name) ?? -1)],
  ];
}

/** The precomputed answer for a query whose only filter is one value with a long posting list. */
export function singleAnswer(ctx: PlanContext, q: IndexQuery): { dimension: number; list: Int32Array; answer: { total: number; counts: Counters; chart: Chart } } | null {
  if (q.from || q.to || q.searchIds !== null) return null;
  const candidates = listKeys(ctx, q);
  for (const [dimension, keys] of candidates) {
    if (keys.length === 0) continue;
    const unique = [...new Set(keys)];
    if (unique.length !== 1) return null;
    const key = unique[0]!;
    const answer = ctx.base.single.get(`${dimension}:${key}`);
    const list = answer ? postingList(ctx.base.postingsOf(dimension)!, key) : null;
    return answer && list ? { dimension, list, answer } : null;
  }
  return null;
}

/**
 * The cheapest way to enumerate a superset of the base events passing `tests` (ignoring
 * `skip`): a posting list or a union of them, the date range (contiguous in timeline
 * order, widened by the longest event span since an event overlaps by its end day too),
 * or the search matches; the whole base when nothing narrows it.
 */
export function smallestCandidates(
  ctx: PlanContext,
  q: IndexQuery,
  compiled: Compiled,
  tests: Test[],
  skip: number,
  search: { stamp: number; count: number; min: number; max: number },
): Candidates & { unsorted: boolean } {
  const base = ctx.base;
  type Choice = { dimension: number; size: number; make: () => Candidates & { unsorted: boolean } };
  const choices: Choice[] = [];
  if (compiled.dates && tests[D_DATES] && skip !== D_DATES) {
    const from = q.from ? base.lowerBound(dayNumber(q.from) - base.maxSpan) : 0;
    const to = q.to ? base.upperBound(dayNumber(q.to)) : base.cols.size;
    choices.push({ dimension: D_DATES, size: Math.max(0, to - from), make: () => ({ dimension: D_DATES, list: null, from, to: Math.max(from, to), size: Math.max(0, to - from), unsorted: false }) });
  }
  const keysByDimension = listKeys(ctx, q);
  for (const [dimension, keys] of keysByDimension) {
    if (dimension === skip || !tests[dimension] || keys.length === 0) continue;
    const postings = base.postingsOf(dimension)!;
    const lists = [...new Set(keys)].flatMap((k) => {
      const list = postingList(postings, k);
      return list ? [list] : [];
    });
    const size = lists.reduce((s, l) => s + l.length, 0);
    choices.push({ dimension, size, make: () => union(ctx, dimension, lists, size) });
  }
  if (tests[D_Q] && skip !== D_Q) {
    choices.push({
      dimension: D_Q,
      size: search.count,
      make: () => {
        // Search results come in id order: enumerate the stamped positions in timeline order.
        const out = new Int32Array(search.count);
        let n = 0;
        for (let p = search.min; p <= search.max; p++) if (ctx.scratch.searched[p] === search.stamp) out[n++] = p;
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
export function union(ctx: PlanContext, dimension: number, lists: Int32Array[], size: number): Candidates & { unsorted: boolean } {
  if (lists.length === 0) return { dimension, list: new Int32Array(0), from: 0, to: 0, size: 0, unsorted: false };
  if (lists.length === 1) return { dimension, list: lists[0]!, from: 0, to: 0, size: lists[0]!.length, unsorted: false };
  const stamp = ctx.scratch.nextStamp();
  const out = new Int32Array(size);
  let n = 0;
  for (const list of lists) {
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      if (ctx.scratch.seen[p] === stamp) continue;
      ctx.scratch.seen[p] = stamp;
      out[n++] = p;
    }
  }
  return { dimension, list: out.subarray(0, n), from: 0, to: 0, size: n, unsorted: true };
}
