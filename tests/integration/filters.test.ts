import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { overlaps, parsePartialDate } from "@/lib/dates/partial-date";
import { resolveFilterReferences, type ResolvedFilters } from "@/lib/timeline/resolve";
import { countTimelineEvents, getTimelineView, listTimelineEvents, type FacetName } from "@/lib/timeline/view";
import { readEventSnapshot, type EventSnapshot } from "@/lib/events/snapshot";
import { parseTimelineFilters, type TimelineFilters } from "@/lib/timeline/filters";
import { timelineIdBatches } from "@/lib/timeline/read";
import { foldText, slugify } from "@/lib/text/fold";
import { loadExamples } from "./example-data";

let all: EventSnapshot[];

async function readAll(): Promise<EventSnapshot[]> {
  const ids = await prisma.event.findMany({ select: { id: true } });
  return (await Promise.all(ids.map((e) => readEventSnapshot(prisma, e.id)))).filter((e): e is EventSnapshot => e !== null);
}

beforeAll(async () => {
  await loadExamples(prisma);
  // Drafts and trashed events must never show: make some.
  const [draft, trashed] = await prisma.event.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 2, skip: 3 });
  await prisma.event.update({ where: { id: draft!.id }, data: { status: "draft" } });
  await prisma.event.update({ where: { id: trashed!.id }, data: { deletedAt: new Date() } });
  all = await readAll();
});

async function resolve(q: string): Promise<{ filters: TimelineFilters; resolved: ResolvedFilters }> {
  const parsed = parseTimelineFilters(new URLSearchParams(q));
  const { resolved } = await resolveFilterReferences(prisma, parsed.filters);
  return { filters: parsed.filters, resolved };
}

async function query(q: string): Promise<string[]> {
  const { resolved } = await resolve(q);
  const page = await listTimelineEvents({ filters: resolved, limit: 200 });
  return page.events.map((e) => e.title);
}

const isPublic = (e: EventSnapshot) => e.status === "published" && e.deletedAt === null;

/** The same question answered without the query builder: plain filtering of full snapshots. */
function expected(predicate: (e: EventSnapshot) => boolean, sort: "newest" | "oldest" = "newest"): string[] {
  return all
    .filter(isPublic)
    .filter(predicate)
    .sort((a, b) => (a.dateStart === b.dateStart ? a.id - b.id : a.dateStart < b.dateStart ? -1 : 1) * (sort === "newest" ? -1 : 1))
    .map((e) => e.title);
}

const code = (list: { isoCode: string | null }[], iso: string) => list.some((a) => a.isoCode === iso);

/** Search semantics, computed independently: every word starts a word of the event's text. */
function matchesWords(e: EventSnapshot, words: string[]): boolean {
  const text = [
    e.title,
    e.summary,
    e.legalBasis,
    e.location,
    ...[...e.initiators, ...e.targets].flatMap((a) => [a.name, a.isoCode]),
    ...e.tags,
    ...e.sources.flatMap((s) => [s.title, s.publisher]),
  ]
    .filter((p): p is string => !!p)
    .join(" ");
  const tokens = foldText(text).split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => tokens.some((t) => t.startsWith(w)));
}

/** Whether an event passes one URL's filters, leaving out one facet (for facet counts). */
function passes(e: EventSnapshot, f: TimelineFilters, skip: FacetName | null): boolean {
  const refers = (a: { name: string; isoCode: string | null }, refs: string[]) =>
    refs.some((r) => slugify(a.name) === r || a.isoCode?.toLowerCase() === r);
  const range = { start: f.from?.start ?? "0000-01-01", end: f.to?.end ?? "9999-12-31" };
  return (
    overlaps({ start: e.dateStart, end: e.dateEnd }, range) &&
    (skip === "type" || f.types.length === 0 || (f.types as string[]).includes(e.type)) &&
    (skip === "actor" || f.actors.length === 0 || [...e.initiators, ...e.targets].some((a) => refers(a, f.actors))) &&
    (skip === "initiator" || f.initiators.length === 0 || e.initiators.some((a) => refers(a, f.initiators))) &&
    (skip === "target" || f.targets.length === 0 || e.targets.some((a) => refers(a, f.targets))) &&
    (skip === "tag" || f.tags.length === 0 || e.tags.some((t) => f.tags.includes(slugify(t)))) &&
    (skip === "basis" || f.bases.length === 0 || (e.legalBasis !== null && f.bases.includes(e.legalBasis))) &&
    matchesWords(e, f.words)
  );
}

const COMBINATIONS = [
  "",
  "initiator=ru&target=us&from=2021-04&to=2021-04",
  "from=2020-12-10&to=2020-12-20",
  "type=diplomatic-expulsion&type=designation&sort=oldest",
  "tag=s-400",
  "basis=CAATSA+Section+231",
  "q=GENCOGLU",
  "q=persona+non+grata",
  "actor=czech-republic",
  "actor=us&type=sanctions-imposed",
  "initiator=us&initiator=ru&from=2019&to=2021",
  "target=tr&q=sanction",
  "from=2021",
  "to=2020-06",
  "tag=s-400&type=sanctions-imposed&initiator=us",
];

describe("filtered timeline queries", () => {
  it("combine initiator and target by ISO code with a month", async () => {
    const april = parsePartialDate("2021-04")!;
    const result = await query("initiator=ru&target=us&from=2021-04&to=2021-04");
    expect(result).toEqual(
      expected((e) => code(e.initiators, "RU") && code(e.targets, "US") && overlaps({ start: e.dateStart, end: e.dateEnd }, april)),
    );
    expect(result).toEqual([
      "Lavrov says US-Russia ties are worse than during the Cold War",
      "Russia formally declares 10 US embassy employees persona non grata",
      "Russia bars eight current and former US officials",
      "Russia orders 10 US diplomats to leave",
    ]);
  });

  it("match a month-precision event from a day inside its month", async () => {
    const result = await query("from=2020-12-10&to=2020-12-20");
    expect(result).toContain('Turkey condemns the US sanctions as a "grave mistake"');
    expect(result).toEqual(expected((e) => e.dateEnd >= "2020-12-10" && e.dateStart <= "2020-12-20"));
  });

  it("filter by types, tags and legal basis, oldest first", async () => {
    expect(await query("type=diplomatic-expulsion&type=designation&sort=oldest")).toEqual(
      expected((e) => ["diplomatic-expulsion", "designation"].includes(e.type), "oldest"),
    );
    expect(await query("tag=s-400")).toEqual(expected((e) => e.tags.includes("S-400")));
    expect(await query("basis=CAATSA+Section+231")).toEqual(expected((e) => e.legalBasis === "CAATSA Section 231"));
  });

  it("search case- and accent-insensitively across actors and text, by word prefix", async () => {
    const gencoglu = await query("q=GENCOGLU");
    expect(gencoglu.length).toBeGreaterThan(0);
    expect(gencoglu).toEqual(expected((e) => e.targets.some((a) => foldText(a.name).includes("gencoglu"))));
    expect(await query("q=gencog")).toEqual(gencoglu);
    // Inside a word is not a match: words are found from their start.
    expect(await query("q=coglu")).toEqual([]);
    expect(await query("q=persona+non+grata")).toEqual(expected((e) => matchesWords(e, ["persona", "non", "grata"])));
  });

  it("any participant by slug", async () => {
    expect(await query("actor=czech-republic")).toEqual(
      expected((e) => [...e.initiators, ...e.targets].some((a) => a.name === "Czech Republic")),
    );
  });

  it("ignore unknown references and report them", async () => {
    const parsed = parseTimelineFilters(new URLSearchParams("initiator=atlantis&target=us"));
    const { resolved, problems } = await resolveFilterReferences(prisma, parsed.filters);
    expect(problems).toEqual([{ param: "initiator", value: "atlantis", message: expect.stringMatching(/No actor "atlantis"/) }]);
    expect(resolved.initiatorIds).toEqual([]);
    expect(resolved.targetIds).toHaveLength(1);
  });

  it.each(COMBINATIONS)("agree with an independent computation and with the export's ids: %s", async (q) => {
    const { filters, resolved } = await resolve(q);
    const expectedTitles = expected((e) => passes(e, filters, null), filters.sort);
    expect(await query(q)).toEqual(expectedTitles);
    expect(await countTimelineEvents(resolved)).toBe(expectedTitles.length);
    // The exports read the same events in the same order, in batches (small ones here).
    const exported: number[] = [];
    for await (const batch of timelineIdBatches(prisma, resolved, 3)) exported.push(...batch);
    const titleOf = new Map(all.map((e) => [e.id, e.title]));
    expect(exported.map((id) => titleOf.get(id))).toEqual(expectedTitles);
  });
});

describe("facet counts", () => {
  const facetKeys: Record<FacetName, (e: EventSnapshot) => string[]> = {
    type: (e) => [e.type],
    initiator: (e) => e.initiators.map((a) => a.name),
    target: (e) => e.targets.map((a) => a.name),
    actor: (e) => [...new Set([...e.initiators, ...e.targets].map((a) => a.name))],
    tag: (e) => e.tags,
    basis: (e) => (e.legalBasis ? [e.legalBasis] : []),
  };

  it.each(COMBINATIONS)("count each option under the other active filters: %s", async (q) => {
    const { filters, resolved } = await resolve(q);
    const view = await getTimelineView({ filters: resolved, limit: 5 });
    for (const [facet, keysOf] of Object.entries(facetKeys) as [FacetName, (e: EventSnapshot) => string[]][]) {
      const counts = new Map<string, number>();
      for (const e of all.filter(isPublic).filter((e) => passes(e, filters, facet))) {
        for (const key of keysOf(e)) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const shown = new Map(
        view.facets[facet].filter((o) => o.count > 0).map((o) => [facet === "type" ? o.value : o.label, o.count]),
      );
      expect(Object.fromEntries(shown), `${facet} facet for "${q}"`).toEqual(Object.fromEntries(counts));
      // Selected values are listed (checked) even when nothing else matches them.
      for (const option of view.facets[facet]) {
        if (option.selected) expect(option.count, `${facet} ${option.value}`).toBe(counts.get(facet === "type" ? option.value : option.label) ?? 0);
      }
    }
    // The chart counts exactly the matching events.
    expect(view.chart.buckets.reduce((sum, b) => sum + b.total, 0)).toBe(view.total);
  });

  it("follow a write at once (the facet index is rebuilt when the data changes)", async () => {
    const { resolved } = await resolve("type=diplomatic-expulsion");
    const before = await countTimelineEvents(resolved);
    const one = await prisma.event.findFirstOrThrow({ where: { type: "diplomatic-expulsion", status: "published", deletedAt: null } });
    await prisma.event.update({ where: { id: one.id }, data: { status: "draft" } });
    expect(await countTimelineEvents(resolved)).toBe(before - 1);
    await prisma.event.update({ where: { id: one.id }, data: { status: "published" } });
    expect(await countTimelineEvents(resolved)).toBe(before);
  });
});
