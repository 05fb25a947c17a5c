import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { engineOf } from "@/lib/db/engine";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { mergeActors } from "@/lib/actors/write";
import { resolveFilterReferences } from "@/lib/timeline/resolve";
import { getTimelineView } from "@/lib/timeline/view";
import { eventInputSchema, type EventInputRaw } from "@/lib/events/schema";
import { readEventSnapshot, snapshotToInput } from "@/lib/events/snapshot";
import { createEvent, purgeEvent, restoreEvent, trashEvent, updateEvent } from "@/lib/events/write";
import { facetIndexLoads, lastFacetIndexBuildMs } from "@/lib/timeline/facet-store";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { foldText } from "@/lib/text/fold";

const searchEventIds = (words: readonly string[]) => engineOf(prisma).timeline.search(words);
const matchSearchIds = (db: typeof prisma, words: readonly string[]) => engineOf(db).searchIds(db, words);
const timelineSource = () => engineOf(prisma).timeline;
import { loadExamples } from "./example-data";
import { actorIdNamed, createTestEvent } from "./factories";

// Runs on the engine of the suite (SQLite, or PostgreSQL with DEMARCHE_TEST_DATABASE=postgresql):
// both must give exactly the answers computed here without any database.

let userId: number;
beforeAll(async () => {
  await loadExamples(prisma);
  userId = (await prisma.user.create({ data: { email: "tl@example.org", passwordHash: "x", role: "editor" } })).id;
});

const actorId = (name: string) => actorIdNamed(prisma, name);
const newEvent = (overrides: Partial<EventInputRaw>) => createTestEvent(prisma, { status: "published", ...overrides }, userId);

async function view(query: string) {
  const parsed = parseTimelineFilters(new URLSearchParams(query));
  const { resolved } = await resolveFilterReferences(prisma, parsed.filters, { search: searchEventIds });
  return getTimelineView({ filters: resolved, limit: 200 });
}

/** FTS5's prefix query, computed independently: every word starts a run of letters and digits of the folded text. */
async function expectedSearch(words: string[]): Promise<number[]> {
  const events = await prisma.event.findMany({ select: { id: true, searchText: true }, orderBy: { id: "asc" } });
  return events
    .filter((e) => {
      const tokens = foldText(e.searchText).split(/[^\p{L}\p{N}]+/u);
      return words.every((w) => tokens.some((t) => t.startsWith(w)));
    })
    .map((e) => e.id);
}

describe(`the timeline source on ${resolveDatabaseTarget().provider}`, () => {
  it("searches word prefixes of folded text, Cyrillic and punctuation included, like FTS5", async () => {
    const texts = [
      { title: "Россия высылает дипломатов", summary: "Ответ на решение Вашингтона, ёлка и йод" },
      { title: "Sanctions on Gençoğlu and the SSB (Presidency of Defense Industries)", summary: "U.S. e-mail, CAATSA's section 231" },
      { title: "Snake_case tokens and x²power", summary: "2021-04 measures; Ærø café Straße" },
      { title: "Łódź naïve coöperation", summary: "日本foo and numbers 12345" },
    ];
    for (const t of texts) await newEvent(t);
    const queries = [
      "россия",
      "высыл",
      "ашингтон",
      "елка",
      "иод",
      "gencoglu",
      "coglu",
      "ssb",
      "presidency defense",
      "u s",
      "mail",
      "caatsa",
      "caatsas",
      "231",
      "case",
      "snake",
      "power",
      "2021 04",
      "aero",
      "cafe",
      "strasse",
      "lodz",
      "naive",
      "cooperation",
      "foo",
      "1234",
      "2345",
      "sanction",
      "nothingmatcheswhatsoever",
    ];
    for (const q of queries) {
      const words = parseTimelineFilters(new URLSearchParams({ q })).filters.words;
      const expected = await expectedSearch(words);
      expect(await searchEventIds(words), q).toEqual(expected);
      expect(await matchSearchIds(prisma, words), q).toEqual(expected);
    }
    // A few that must find something, so the oracle is not trivially empty.
    for (const q of ["россия", "gencoglu", "ssb", "snake", "strasse", "lodz", "231"]) {
      expect((await searchEventIds(parseTimelineFilters(new URLSearchParams({ q })).filters.words)).length, q).toBeGreaterThan(0);
    }
    expect(await searchEventIds(["coglu"])).toEqual([]);
  });

  it("keeps the word search current through creates, edits, raw updates and purges", async () => {
    // On PostgreSQL the words live in their own table, kept by triggers (migration event_words):
    // every kind of write must reach it, and the answers must stay those of the oracle.
    const id = await newEvent({ title: "Quixotic blockade of Zanzibar" });
    expect(await searchEventIds(["quixot"])).toEqual([id]);
    expect(await searchEventIds(["quixotic", "zanzib"])).toEqual([id]);

    const snapshot = await readEventSnapshot(prisma, id);
    if (!snapshot) throw new Error("no snapshot");
    await prisma.$transaction((tx) =>
      updateEvent(tx, id, eventInputSchema.parse({ ...snapshotToInput(snapshot), title: "Xylophonic blockade" }), { userId }),
    );
    expect(await searchEventIds(["quixot"])).toEqual([]);
    expect(await searchEventIds(["xylophon", "blockade"])).toEqual([id]);
    // A write that leaves the search text alone keeps the words; a raw update of it moves them.
    await prisma.event.update({ where: { id }, data: { summary: "unchanged search text" } });
    expect(await searchEventIds(["xylophon"])).toEqual([id]);
    await prisma.event.updateMany({ where: { id }, data: { searchText: "zygomorphic  yttrium-99" } });
    expect(await searchEventIds(["xylophon"])).toEqual([]);
    expect(await searchEventIds(["zygo", "ytt", "99"])).toEqual(await expectedSearch(["zygo", "ytt", "99"]));
    expect(await matchSearchIds(prisma, ["zygo"])).toEqual([id]);

    await prisma.$transaction((tx) => trashEvent(tx, id, { userId }));
    await prisma.$transaction((tx) => purgeEvent(tx, id, { userId }));
    expect(await searchEventIds(["zygo"])).toEqual([]);
  });

  it("logs every write in the change log", async () => {
    const source = timelineSource();
    const before = await source.latestChange();
    const id = await newEvent({ title: "Logged event" });
    const after = await source.latestChange();
    expect(after).toBeGreaterThan(before);
    expect((await source.changesSince(before)).eventIds).toContain(id);
    const rows = await source.loadEvents([id, 999_999]);
    expect(Array.from(rows.events.ids)).toEqual([id]);
    expect(rows.participants.eventIds.length).toBe(2);
  });

  it("shows every write at once in counts, facets and pages, without reloading the whole index", async () => {
    await view(""); // the index is loaded
    const loads = facetIndexLoads();
    const built = lastFacetIndexBuildMs();
    const russia = await actorId("Russia");
    const total = (await view("")).total;
    const expulsions = (await view("type=diplomatic-expulsion")).total;

    // Create (published): in the total, its type, its initiator and the first page.
    const id = await prisma.$transaction(async (tx) => {
      const input = eventInputSchema.parse({
        title: "Freshly published expulsion",
        date: "2030-01-15",
        type: "diplomatic-expulsion",
        status: "published",
        legalBasis: "A basis nobody used before",
        tags: ["brand-new-tag"],
        initiatorIds: [russia],
        targetIds: [await actorId("United States")],
        sources: [{ url: "https://example.org/new", title: "New" }],
      });
      return createEvent(tx, input, { userId });
    });
    let v = await view("");
    expect(v.total).toBe(total + 1);
    expect(v.events[0]?.id).toBe(id);
    expect(v.facets.basis.find((o) => o.value === "A basis nobody used before")?.count).toBe(1);
    expect((await view("type=diplomatic-expulsion")).total).toBe(expulsions + 1);
    expect((await view("basis=A basis nobody used before")).events.map((e) => e.id)).toEqual([id]);
    expect((await view("q=freshly")).events.map((e) => e.id)).toEqual([id]);

    // Edit: another type and date; the old ones lose it.
    const snapshot = await readEventSnapshot(prisma, id);
    if (!snapshot) throw new Error("no snapshot");
    await prisma.$transaction((tx) =>
      updateEvent(tx, id, eventInputSchema.parse({ ...snapshotToInput(snapshot), type: "statement", date: "2019-03-02" }), { userId }),
    );
    v = await view("type=diplomatic-expulsion");
    expect(v.total).toBe(expulsions);
    expect((await view("from=2019-03-02&to=2019-03-02")).events.map((e) => e.id)).toContain(id);

    // Trash, restore, unpublish, purge.
    await prisma.$transaction((tx) => trashEvent(tx, id, { userId }));
    expect((await view("")).total).toBe(total);
    expect((await view("q=freshly")).total).toBe(0);
    await prisma.$transaction((tx) => restoreEvent(tx, id, { userId }));
    expect((await view("")).total).toBe(total + 1);
    await prisma.$transaction((tx) => trashEvent(tx, id, { userId }));
    await prisma.$transaction((tx) => purgeEvent(tx, id, { userId }));
    expect((await view("")).total).toBe(total);

    // Merging actors moves their events in the actor facets.
    const a = await newEvent({ title: "Event of a soon merged actor", initiatorIds: [await actorId("Czech Republic")] });
    const czBefore = (await view("")).facets.initiator.find((o) => o.label === "Czech Republic")?.count ?? 0;
    const ruBefore = (await view("")).facets.initiator.find((o) => o.label === "Russia")?.count ?? 0;
    expect(czBefore).toBeGreaterThan(0);
    const cz = await actorId("Czech Republic");
    await prisma.$transaction((tx) => mergeActors(tx, russia, cz, userId));
    v = await view("");
    expect(v.facets.initiator.find((o) => o.label === "Russia")).toBeUndefined();
    expect(v.facets.initiator.find((o) => o.label === "Czech Republic")?.count).toBeLessThanOrEqual(czBefore + ruBefore);
    expect(v.facets.initiator.find((o) => o.label === "Czech Republic")?.count).toBeGreaterThan(czBefore);
    expect((await view("initiator=cz")).events.map((e) => e.id)).toContain(a);

    // Every write was patched in: the whole index was loaded once.
    expect(facetIndexLoads()).toBe(loads);
    expect(lastFacetIndexBuildMs()).toBe(built);
  });
});
