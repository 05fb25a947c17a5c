import { describe, expect, it } from "vitest";
import { EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";
import { FacetIndex, ROLE_INITIATOR, ROLE_TARGET, type IndexQuery, type IndexSource } from "@/lib/timeline/facet-index";

/** Seeded generator so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = {
  id: number;
  dateStart: string;
  dateEnd: string;
  type: string;
  legalBasis: string | null;
  initiators: number[];
  targets: number[];
  tags: number[];
};

const pad = (n: number) => String(n).padStart(2, "0");

function makeRows(count: number, rand: () => number): Row[] {
  const rows: Row[] = [];
  const int = (n: number) => Math.floor(rand() * n);
  for (let i = 0; i < count; i++) {
    const year = 2018 + int(4);
    const month = 1 + int(12);
    const precision = rand();
    const [dateStart, dateEnd] =
      precision < 0.8
        ? [`${year}-${pad(month)}-${pad(1 + int(28))}`, ""]
        : precision < 0.95
          ? [`${year}-${pad(month)}-01`, `${year}-${pad(month)}-28`]
          : [`${year}-01-01`, `${year}-12-31`];
    const pickSome = (max: number, n: number) => [...new Set(Array.from({ length: 1 + int(n) }, () => 1 + int(max)))];
    rows.push({
      // Ids deliberately not in date order.
      id: 1000 + ((i * 7919) % (count * 3)),
      dateStart,
      dateEnd: dateEnd || dateStart,
      type: EVENT_TYPE_SLUGS[int(EVENT_TYPE_SLUGS.length)] ?? "other",
      legalBasis: rand() < 0.5 ? `Basis ${int(5)}` : null,
      initiators: pickSome(8, 2),
      targets: pickSome(8, 2),
      tags: rand() < 0.3 ? [] : pickSome(6, 3),
    });
  }
  return rows.sort((a, b) => (a.dateStart === b.dateStart ? a.id - b.id : a.dateStart < b.dateStart ? -1 : 1));
}

function sourceOf(rows: Row[]): IndexSource {
  const participants = rows.flatMap((r) => [
    ...r.initiators.map((actorId) => [r.id, actorId, ROLE_INITIATOR] as const),
    ...r.targets.map((actorId) => [r.id, actorId, ROLE_TARGET] as const),
  ]);
  const tags = rows.flatMap((r) => r.tags.map((tagId) => [r.id, tagId] as const));
  return {
    events: {
      ids: rows.map((r) => r.id),
      dateStart: rows.map((r) => r.dateStart),
      dateEnd: rows.map((r) => r.dateEnd),
      type: rows.map((r) => r.type),
      legalBasis: rows.map((r) => r.legalBasis),
    },
    // A participant row of an event the index does not hold (a draft) must be ignored.
    participants: {
      eventIds: [...participants.map((p) => p[0]), 999_999],
      actorIds: [...participants.map((p) => p[1]), 1],
      roles: [...participants.map((p) => p[2]), ROLE_INITIATOR],
    },
    tags: { eventIds: tags.map((t) => t[0]), tagIds: tags.map((t) => t[1]) },
  };
}

const EMPTY: IndexQuery = { from: null, to: null, types: [], actorIds: [], initiatorIds: [], targetIds: [], tagIds: [], bases: [], searchIds: null };

type Dim = "dates" | "types" | "actor" | "initiator" | "target" | "tag" | "basis" | "q";

/** The brute-force answer: does a row pass the query, leaving out one dimension? */
function passes(row: Row, q: IndexQuery, skip: Dim | null): boolean {
  const some = (values: number[], wanted: number[]) => wanted.length === 0 || values.some((v) => wanted.includes(v));
  return (
    (skip === "dates" || ((q.to === null || row.dateStart <= q.to) && (q.from === null || row.dateEnd >= q.from))) &&
    (skip === "types" || q.types.length === 0 || q.types.includes(row.type)) &&
    (skip === "actor" || some([...row.initiators, ...row.targets], q.actorIds)) &&
    (skip === "initiator" || some(row.initiators, q.initiatorIds)) &&
    (skip === "target" || some(row.targets, q.targetIds)) &&
    (skip === "tag" || some(row.tags, q.tagIds)) &&
    (skip === "basis" || q.bases.length === 0 || (row.legalBasis !== null && q.bases.includes(row.legalBasis))) &&
    (skip === "q" || q.searchIds === null || q.searchIds.includes(row.id))
  );
}

function tally<K>(rows: Row[], keysOf: (r: Row) => K[]): { key: K; count: number }[] {
  const map = new Map<K, number>();
  for (const row of rows) for (const key of new Set(keysOf(row))) map.set(key, (map.get(key) ?? 0) + 1);
  return [...map].map(([key, count]) => ({ key, count }));
}

const byKey = <K>(list: { key: K; count: number }[]) => [...list].sort((a, b) => String(a.key).localeCompare(String(b.key)));

function randomQuery(rand: () => number, rows: Row[]): IndexQuery {
  const int = (n: number) => Math.floor(rand() * n);
  const some = (max: number) => (rand() < 0.35 ? [...new Set(Array.from({ length: 1 + int(2) }, () => 1 + int(max)))] : []);
  const day = () => `${2018 + int(4)}-${pad(1 + int(12))}-${pad(1 + int(28))}`;
  let from = rand() < 0.3 ? day() : null;
  let to = rand() < 0.3 ? day() : null;
  if (from && to && from > to) [from, to] = [to, from];
  return {
    from,
    to,
    types: rand() < 0.3 ? [EVENT_TYPE_SLUGS[int(EVENT_TYPE_SLUGS.length)] ?? "other"] : [],
    actorIds: some(8),
    initiatorIds: some(8),
    targetIds: some(8),
    tagIds: some(6),
    bases: rand() < 0.2 ? [`Basis ${int(6)}`] : [],
    searchIds: rand() < 0.2 ? rows.filter(() => rand() < 0.4).map((r) => r.id) : null,
  };
}

/** Every single filter value (the precomputed answers), checked before random combinations. */
function singleQueries(): IndexQuery[] {
  return [
    ...EVENT_TYPE_SLUGS.map((t) => ({ ...EMPTY, types: [t] })),
    ...[1, 2, 3, 4, 5, 6, 7, 8, 40].flatMap((id) => [
      { ...EMPTY, actorIds: [id] },
      { ...EMPTY, initiatorIds: [id] },
      { ...EMPTY, targetIds: [id] },
    ]),
    ...[1, 2, 3, 4, 5, 6, 9].map((id) => ({ ...EMPTY, tagIds: [id] })),
    ...[0, 1, 2, 3, 4].map((b) => ({ ...EMPTY, bases: [`Basis ${b}`] })),
  ];
}

/** Checks an index against a brute-force scan of the rows it should hold. */
function expectLikeBruteForce(index: FacetIndex, rows: Row[], rand: () => number, rounds: number): void {
  const singles = singleQueries();
  for (let round = 0; round < singles.length + rounds; round++) {
    const q = singles[round] ?? randomQuery(rand, rows);
    const result = index.query(q);
    const matching = rows.filter((r) => passes(r, q, null));
    expect(result.total, JSON.stringify(q)).toBe(matching.length);
    const facet = (skip: Dim, keysOf: (r: Row) => (string | number)[]) =>
      byKey(tally(rows.filter((r) => passes(r, q, skip)), keysOf));
    expect(byKey(result.facets.types)).toEqual(facet("types", (r) => [r.type]));
    expect(byKey(result.facets.initiator)).toEqual(facet("initiator", (r) => r.initiators));
    expect(byKey(result.facets.target)).toEqual(facet("target", (r) => r.targets));
    expect(byKey(result.facets.actor)).toEqual(facet("actor", (r) => [...r.initiators, ...r.targets]));
    expect(byKey(result.facets.tag)).toEqual(facet("tag", (r) => r.tags));
    expect(byKey(result.facets.basis)).toEqual(facet("basis", (r) => (r.legalBasis ? [r.legalBasis] : [])));
    expect(result.chart.buckets.reduce((sum, b) => sum + b.total, 0)).toBe(
      matching.filter((r) => (q.from === null || r.dateStart >= q.from.slice(0, 7)) && (q.to === null || r.dateStart.slice(0, 7) <= q.to.slice(0, 7))).length,
    );
  }
}

/** Checks that keyset pages of an index list exactly the rows that match, in order. */
function expectPagesLikeBruteForce(index: FacetIndex, rows: Row[], rand: () => number, rounds: number, withSingles = false): void {
  const singles = withSingles ? singleQueries() : [];
  for (let round = 0; round < singles.length + rounds; round++) {
    const q = singles[round] ?? randomQuery(rand, rows);
    for (const sort of ["newest", "oldest"] as const) {
      const expected = rows.filter((r) => passes(r, q, null)).map((r) => r.id);
      if (sort === "newest") expected.reverse();
      const seen: number[] = [];
      let cursor: { dateStart: string; id: number } | null = null;
      for (;;) {
        const page = index.page(q, { sort, cursor, limit: 7 });
        seen.push(...page.ids);
        const last = page.ids.at(-1);
        if (!page.hasMore || last === undefined) break;
        const row = rows.find((r) => r.id === last);
        cursor = { dateStart: row?.dateStart ?? "", id: last };
      }
      expect(seen).toEqual(expected);
    }
  }
}

// Brute-force checks of hundreds of queries: generous timeouts for a loaded machine (no timing is asserted).
// Each test draws its queries from a seed of its own, so it replays alone or in any order.
describe("FacetIndex", { timeout: 60_000 }, () => {
  const rows = makeRows(600, random(42));
  const index = new FacetIndex(sourceOf(rows));

  it("answers random filter combinations exactly like a brute-force scan", () => {
    expectLikeBruteForce(index, rows, random(43), 300);
  });

  it("pages through the matches in both orders with keyset cursors, each exactly once", () => {
    expectPagesLikeBruteForce(index, rows, random(44), 40);
  });

  it("gives the same answers with precomputed single-filter answers", () => {
    const rand = random(45);
    const precomputed = new FacetIndex(sourceOf(rows), { singleMin: 1 });
    expectLikeBruteForce(precomputed, rows, rand, 50);
    expectPagesLikeBruteForce(precomputed, rows, rand, 20, true);
  });

  it("sorts facets by count and shows months, or years for long ranges", () => {
    const all = index.query(EMPTY);
    expect(all.total).toBe(rows.length);
    const counts = all.facets.initiator.map((e) => e.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(all.chart.unit).toBe("month");
    expect(all.chart.buckets[0]?.key).toMatch(/^2018-\d\d$/);

    const spread = new FacetIndex(sourceOf([...rows, { ...rows[0]!, id: 1, dateStart: "2030-06-01", dateEnd: "2030-06-01" }].sort((a, b) => (a.dateStart < b.dateStart ? -1 : 1))));
    const years = spread.query(EMPTY).chart;
    expect(years.unit).toBe("year");
    expect(years.buckets.map((b) => b.key)).toContain("2030");
    expect(years.buckets.reduce((s, b) => s + b.total, 0)).toBe(rows.length + 1);
  });

  it("matches an event by the period its date covers", () => {
    const month = new FacetIndex(sourceOf([{ id: 1, dateStart: "2020-12-01", dateEnd: "2020-12-31", type: "statement", legalBasis: null, initiators: [1], targets: [2], tags: [] }]));
    expect(month.query({ ...EMPTY, from: "2020-12-10" }).total).toBe(1);
    expect(month.query({ ...EMPTY, to: "2020-12-10" }).total).toBe(1);
    expect(month.query({ ...EMPTY, from: "2021-01-01" }).total).toBe(0);
    expect(month.query({ ...EMPTY, bases: ["Unknown basis"] }).total).toBe(0);
  });
});

describe("FacetIndex patches", { timeout: 60_000 }, () => {
  const byTimeline = (a: Row, b: Row) => (a.dateStart === b.dateStart ? a.id - b.id : a.dateStart < b.dateStart ? -1 : 1);

  /** Random writes: some events leave (trashed, unpublished, purged), some change, some are new. */
  function randomWrites(rand: () => number, rows: Row[], nextId: () => number): { rows: Row[]; changedIds: number[]; upserts: Row[] } {
    const int = (n: number) => Math.floor(rand() * n);
    const current = new Map(rows.map((r) => [r.id, r]));
    const changedIds: number[] = [];
    const fresh = makeRows(12, rand);
    for (let k = 0; k < 6; k++) {
      const victim = rows[int(rows.length)];
      if (!victim) continue;
      current.delete(victim.id);
      changedIds.push(victim.id);
    }
    for (let k = 0; k < 6; k++) {
      const target = rows[int(rows.length)];
      const replacement = fresh[k];
      if (!target || !replacement) continue;
      // Same id, other date, type, basis, actors and tags (possibly a new basis and new actor ids).
      const changed = { ...replacement, id: target.id, legalBasis: k === 0 ? "A brand new basis" : replacement.legalBasis, initiators: k === 1 ? [40] : replacement.initiators };
      current.set(target.id, changed);
      changedIds.push(target.id);
    }
    for (let k = 6; k < 12; k++) {
      const row = fresh[k];
      if (!row) continue;
      const id = nextId();
      current.set(id, { ...row, id, tags: k === 6 ? [9] : row.tags, dateStart: k === 7 ? "2031-02-03" : row.dateStart, dateEnd: k === 7 ? "2031-02-03" : row.dateEnd });
      changedIds.push(id);
    }
    // A write that touched an event that is not public before or after (a draft): no row.
    changedIds.push(nextId());
    const next = [...current.values()].sort(byTimeline);
    const upserts = next.filter((r) => changedIds.includes(r.id));
    return { rows: next, changedIds, upserts };
  }

  it.each([2_000, 1])("answers like a brute-force scan after patches, and the same after compaction (single answers from %i)", (singleMin) => {
    const rand = random(7);
    let rows = makeRows(500, rand);
    let id = 100_000;
    let index = new FacetIndex(sourceOf(rows), { singleMin });
    for (let round = 0; round < 8; round++) {
      const writes = randomWrites(rand, rows, () => id++);
      // Rows for the patch come in any order.
      index = index.patch({ eventIds: writes.changedIds, rows: sourceOf([...writes.upserts].reverse()) });
      rows = writes.rows;
      expect(index.size).toBe(rows.length);
      expect(index.overlaySize).toBeGreaterThan(0);
      expectLikeBruteForce(index, rows, rand, 60);
      expectPagesLikeBruteForce(index, rows, rand, 8, round === 7);
    }
    const compacted = index.compact();
    expect(compacted.overlaySize).toBe(0);
    expect(compacted.size).toBe(rows.length);
    expectLikeBruteForce(compacted, rows, rand, 100);
    expectPagesLikeBruteForce(compacted, rows, rand, 10);
    // Patching continues on the compacted base.
    const writes = randomWrites(rand, rows, () => id++);
    const patched = compacted.patch({ eventIds: writes.changedIds, rows: sourceOf(writes.upserts) });
    expectLikeBruteForce(patched, writes.rows, rand, 60);
  });

  it("leaves the index it was made from unchanged", () => {
    const rand = random(11);
    const rows = makeRows(200, rand);
    const index = new FacetIndex(sourceOf(rows));
    const before = index.query(EMPTY);
    const gone = rows[0]!;
    const patched = index.patch({ eventIds: [gone.id], rows: sourceOf([]) });
    expect(patched.query(EMPTY).total).toBe(rows.length - 1);
    expect(patched.page(EMPTY, { sort: "oldest", cursor: null, limit: 1 }).ids).toEqual([rows[1]!.id]);
    expect(index.query(EMPTY)).toEqual(before);
    expect(index.page(EMPTY, { sort: "oldest", cursor: null, limit: 1 }).ids).toEqual([gone.id]);
  });

  it("builds and compacts in slices with the same answers", async () => {
    const rand = random(5);
    let rows = makeRows(300, rand);
    let index = await FacetIndex.load(sourceOf(rows), { singleMin: 1 });
    expectLikeBruteForce(index, rows, rand, 20);
    let id = 500_000;
    for (let round = 0; round < 3; round++) {
      const writes = randomWrites(rand, rows, () => id++);
      index = index.patch({ eventIds: writes.changedIds, rows: sourceOf(writes.upserts) });
      rows = writes.rows;
    }
    const compacted = await index.compactAsync();
    expect(compacted.overlaySize).toBe(0);
    expectLikeBruteForce(compacted, rows, rand, 30);
    expectPagesLikeBruteForce(compacted, rows, rand, 5);
  });

  it("patches an empty index", () => {
    const rand = random(3);
    const rows = makeRows(20, rand);
    const patched = new FacetIndex(sourceOf([])).patch({ eventIds: rows.map((r) => r.id), rows: sourceOf(rows) });
    expectLikeBruteForce(patched, rows, rand, 40);
    expectPagesLikeBruteForce(patched, rows, rand, 5);
  });
});
