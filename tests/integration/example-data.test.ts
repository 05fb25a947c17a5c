import { afterAll, describe, expect, it } from "vitest";
import { readEventSnapshot } from "@/lib/events/snapshot";
import { loadExampleData, readExampleData } from "@/lib/events/example-data";
import { createTestDatabase } from "./database";
import { EXAMPLE_FILE, eventIdsByTitle, loadExamples } from "./example-data";

const db = await createTestDatabase();
afterAll(() => db.dispose());

describe("example data", () => {
  it("loads every event with its actors, dates, sources and tags", async () => {
    const data = readExampleData(EXAMPLE_FILE);
    const result = await loadExamples(db.prisma);
    expect(result).toEqual({ events: data.events.length, actors: data.actors.length });
    expect(await db.prisma.event.count({ where: { status: "published" } })).toBe(data.events.length);

    const ids = await eventIdsByTitle(db.prisma);
    const caatsa = await readEventSnapshot(db.prisma, ids.get("US sanctions Turkey's defence procurement agency under CAATSA over the S-400")!);
    expect(caatsa).toMatchObject({
      date: "2020-12-14",
      datePrecision: "day",
      dateStart: "2020-12-14",
      dateEnd: "2020-12-14",
      type: "sanctions-imposed",
      legalBasis: "CAATSA Section 231",
      measures: ["financial", "trade", "travel"],
      tags: ["CAATSA", "S-400"],
    });
    expect(caatsa?.initiators.map((a) => a.name)).toEqual(["United States"]);
    expect(caatsa?.targets.map((a) => a.name)).toEqual([
      "Turkey",
      "Presidency of Defense Industries (SSB)",
      "İsmail Demir",
      "Faruk Yiğit",
      "Serhat Gençoğlu",
      "Mustafa Alper Deniz",
    ]);
    expect(caatsa?.sources.map((s) => s.url)).toEqual([
      "https://www.defenceturkey.com/en/content/the-united-states-sanctions-turkey-under-caatsa-4302",
      "https://janes.com/osint-insights/defence-news/us-government-sanctions-turkey-over-s-400-buy_14280",
    ]);

    const f35 = await readEventSnapshot(db.prisma, ids.get("US removes Turkey from the F-35 programme over its S-400 purchase")!);
    expect(f35).toMatchObject({ date: "2019", datePrecision: "year", dateStart: "2019-01-01", dateEnd: "2019-12-31" });
    const condemn = await readEventSnapshot(db.prisma, ids.get('Turkey condemns the US sanctions as a "grave mistake"')!);
    expect(condemn).toMatchObject({ date: "2020-12", dateStart: "2020-12-01", dateEnd: "2020-12-31" });

    const lavrov = await readEventSnapshot(db.prisma, ids.get("Lavrov says US-Russia ties are worse than during the Cold War")!);
    expect(lavrov?.sources).toEqual([
      expect.objectContaining({ url: null, title: "US-Russia ties worse than during Cold War: Lavrov", publishedOn: "2021-04-29" }),
    ]);

    const ssbOfficial = await db.prisma.actor.findUnique({ where: { name: "Serhat Gençoğlu" }, include: { parent: true } });
    expect(ssbOfficial).toMatchObject({ kind: "person", slug: "serhat-gencoglu", parent: { name: "Turkey", isoCode: "TR" } });
  });

  it("keeps the responds-to chains of the file intact", async () => {
    const data = readExampleData(EXAMPLE_FILE);
    const ids = await eventIdsByTitle(db.prisma);
    const titleByKey = new Map(data.events.map((e) => [e.key, e.title]));
    const expected = data.events.flatMap((e) =>
      e.relations.map((r) => `${e.title} —${r.kind}→ ${titleByKey.get(r.event)}`),
    );
    const stored = await db.prisma.eventRelation.findMany({
      select: { kind: true, from: { select: { title: true } }, to: { select: { title: true } } },
    });
    expect(stored.map((r) => `${r.from.title} —${r.kind}→ ${r.to.title}`).sort()).toEqual(expected.sort());
    expect(expected).toContain("Russia orders 10 US diplomats to leave —responds-to→ US expels 10 Russian diplomats");
    expect(expected).toContain("Russia bars eight current and former US officials —responds-to→ US sanctions Russia over election interference and the SolarWinds hack");
    expect(ids.size).toBe(data.events.length);
  });

  it("records a revision with a full snapshot for every loaded event", async () => {
    const revisions = await db.prisma.eventRevision.findMany({ select: { eventId: true, kind: true, version: true, snapshot: true } });
    expect(revisions).toHaveLength(await db.prisma.event.count());
    for (const revision of revisions) {
      expect(revision.kind).toBe("import");
      expect(JSON.parse(revision.snapshot)).toMatchObject({ id: revision.eventId, version: 1 });
    }
  });

  it("makes accented names searchable in plain letters", async () => {
    const found = await db.prisma.event.findMany({ where: { searchText: { contains: "gencoglu" } }, select: { title: true } });
    expect(found.map((e) => e.title)).toEqual(["US sanctions Turkey's defence procurement agency under CAATSA over the S-400"]);
  });

  it("loads all of a file or nothing", async () => {
    const other = await createTestDatabase();
    try {
      const data = readExampleData(EXAMPLE_FILE);
      const broken = {
        ...data,
        events: [...data.events, { ...data.events[0]!, key: "broken", initiators: ["Atlantis"] }],
      };
      await expect(loadExampleData(other.prisma, broken)).rejects.toThrow(/unknown actor "Atlantis"/);
      expect(await other.prisma.event.count()).toBe(0);
      expect(await other.prisma.actor.count()).toBe(0);
    } finally {
      await other.dispose();
    }
  });
});
