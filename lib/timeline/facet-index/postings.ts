/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Typed-array reads in hot loops: every index is bounded by construction (see index.ts). */
import { CHUNK_MASK, type Work } from "@/lib/timeline/facet-index/work";

/** Posting lists by small integer key, in one array: the positions for key k are [offsets[k], offsets[k+1]). */
export type Postings = { offsets: Int32Array; positions: Int32Array };

/** Groups positions by key into sorted posting lists (positions are visited in order). */
export function* buildPostings(count: number, keyAt: (i: number) => number, positionAt: (i: number) => number): Work<Postings> {
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

export function postingList(postings: Postings, key: number): Int32Array | null {
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
export type Links = { offsets: Int32Array; values: Int32Array; roles: Uint8Array; first: Uint8Array };

export function* buildLinks(
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
export function* buildLinkPostings(size: number, links: Links, role: number | null): Work<Postings> {
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
