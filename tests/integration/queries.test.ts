import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { eventDetailSelect, getEventChain, getPublicEvent, isPublicRow } from "@/lib/events/queries";
import { listTimelineEvents } from "@/lib/timeline/view";
import { decodeCursor } from "@/lib/timeline/cursor";
import { eventIdsByTitle, loadExamples } from "./example-data";

let ids: Map<string, number>;

beforeAll(async () => {
  await loadExamples(prisma);
  ids = await eventIdsByTitle(prisma);
});

const id = (title: string) => {
  const found = ids.get(title);
  if (found === undefined) throw new Error(`no event "${title}"`);
  return found;
};

/**
 * The event page as the Prisma select that Engine.eventPage replaced reads it: the oracle
 * for the one-statement read (issue 15). Relation lists are put in the statement's order
 * (relations to other events by id, those from others oldest first, then by id); the rest
 * is the select's own order.
 */
async function prismaEventPage(eventId: number) {
  const { relationsFrom: _from, relationsTo: _to, _count: _count, ...core } = eventDetailSelect;
  const row = await prisma.event.findUnique({
    where: { id: eventId },
    select: { ...core, status: true, deletedAt: true, tags: { orderBy: { tagId: "asc" }, select: core.tags.select } },
  });
  if (!row || !isPublicRow(row)) return null;
  const ref = { select: { id: true, title: true, datePrecision: true, dateStart: true, status: true, deletedAt: true } } as const;
  const [outgoing, incoming, edit] = await Promise.all([
    prisma.eventRelation.findMany({ where: { fromId: eventId }, orderBy: { id: "asc" }, select: { kind: true, to: ref } }),
    prisma.eventRelation.findMany({ where: { toId: eventId }, orderBy: [{ from: { dateStart: "asc" } }, { id: "asc" }], select: { kind: true, from: ref } }),
    prisma.eventRevision.findFirst({ where: { eventId, userId: { not: null } }, orderBy: { id: "desc" }, select: { createdAt: true } }),
  ]);
  const strip = ({ status: _s, deletedAt: _d, ...event }: { id: number; title: string; datePrecision: string; dateStart: string; status: string; deletedAt: Date | null }) => event;
  const { status: _status, deletedAt: _deletedAt, ...event } = row;
  const answers = incoming.filter((r) => isPublicRow(r.from));
  return {
    ...event,
    measures: [...event.measures].sort((a, b) => (a.measure < b.measure ? -1 : 1)),
    relationsFrom: outgoing.filter((r) => isPublicRow(r.to)).map((r) => ({ kind: r.kind, to: strip(r.to) })),
    relationsTo: answers.map((r) => ({ kind: r.kind, from: strip(r.from) })),
    _count: { relationsTo: answers.filter((r) => r.kind === "responds-to").length },
    lastEditedAt: edit?.createdAt ?? null,
  };
}

describe("the event page's one-statement read", () => {
  it("reads every event exactly as the Prisma select does, and nothing that is not public", async () => {
    // A draft and a trashed event that others relate to: neither is read, nor shown as a relation.
    const draftId = id("Biden proposes a summit with Putin in a phone call");
    const trashedId = id("US expels 10 Russian diplomats");
    await prisma.event.update({ where: { id: draftId }, data: { status: "draft" } });
    await prisma.event.update({ where: { id: trashedId }, data: { deletedAt: new Date() } });
    try {
      await compareEveryEvent();
      expect(await getPublicEvent(draftId)).toBeNull();
      expect(await getPublicEvent(trashedId)).toBeNull();
    } finally {
      await prisma.event.update({ where: { id: draftId }, data: { status: "published" } });
      await prisma.event.update({ where: { id: trashedId }, data: { deletedAt: null } });
    }
    await compareEveryEvent();
  });

  async function compareEveryEvent() {
    const all = await prisma.event.findMany({ select: { id: true, status: true, deletedAt: true }, orderBy: { id: "asc" } });
    // Not vacuous: the example data has public events with actors, tags, sources, measures and relations both ways.
    const publicIds = all.filter(isPublicRow).map((e) => e.id);
    expect(publicIds.length).toBeGreaterThan(10);
    let withEverything = 0;
    for (const { id: eventId } of all) {
      const expected = await prismaEventPage(eventId);
      const actual = await getPublicEvent(eventId);
      expect(actual, `event ${eventId}`).toEqual(expected);
      if (actual && actual.participants.length > 1 && actual.tags.length > 0 && actual.sources.length > 0 && actual.relationsFrom.length + actual.relationsTo.length > 0) withEverything++;
    }
    expect(withEverything).toBeGreaterThan(0);
  }

  it("answers no event, not an error, for ids outside what an id column holds", async () => {
    for (const bad of [0, -1, 2_147_483_648, 9_999_999_999, 1.5, Number.NaN]) expect(await getPublicEvent(bad)).toBeNull();
  });

  it("sees a write at once (committed through Prisma, read through the engine's reader)", async () => {
    const eventId = id("Lavrov says US-Russia ties are worse than during the Cold War");
    const before = await getPublicEvent(eventId);
    await prisma.event.update({ where: { id: eventId }, data: { title: "Lavrov, retitled for the test" } });
    try {
      expect((await getPublicEvent(eventId))?.title).toBe("Lavrov, retitled for the test");
      expect(await getPublicEvent(eventId)).toEqual(await prismaEventPage(eventId));
    } finally {
      await prisma.event.update({ where: { id: eventId }, data: { title: before?.title ?? "" } });
    }
  });
});

describe("timeline queries", () => {
  it("lists public events newest first, in keyset pages that cover everything exactly once", async () => {
    const expected = await prisma.event.findMany({
      where: { status: "published", deletedAt: null },
      select: { id: true, dateStart: true },
    });
    expected.sort((a, b) => (a.dateStart === b.dateStart ? b.id - a.id : a.dateStart < b.dateStart ? 1 : -1));

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listTimelineEvents>> = await listTimelineEvents({ cursor: decodeCursor(cursor), limit: 4 });
      expect(page.events.length).toBeLessThanOrEqual(4);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual(expected.map((e) => e.id));
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });

  it("hides drafts and the trash everywhere", async () => {
    const draftId = id("Biden proposes a summit with Putin in a phone call");
    const trashedId = id("US expels 10 Russian diplomats");
    await prisma.event.update({ where: { id: draftId }, data: { status: "draft" } });
    await prisma.event.update({ where: { id: trashedId }, data: { deletedAt: new Date() } });
    try {
      const page = await listTimelineEvents({ limit: 200 });
      expect(page.events.map((e) => e.id)).not.toContain(draftId);
      expect(page.events.map((e) => e.id)).not.toContain(trashedId);
      expect(await getPublicEvent(draftId)).toBeNull();
      expect(await getPublicEvent(trashedId)).toBeNull();
      // The answer to a trashed event no longer links to it or counts it.
      const answer = page.events.find((e) => e.id === id("Russia orders 10 US diplomats to leave"));
      expect(answer?.relationsFrom).toEqual([]);
      const chain = await getEventChain(id("Russia orders 10 US diplomats to leave"));
      expect(chain.events.map((e) => e.id)).not.toContain(trashedId);
    } finally {
      await prisma.event.update({ where: { id: draftId }, data: { status: "published" } });
      await prisma.event.update({ where: { id: trashedId }, data: { deletedAt: null } });
    }
  });

  it("counts the answers to an event", async () => {
    const page = await listTimelineEvents({ limit: 200 });
    const usExpels = page.events.find((e) => e.id === id("US expels 10 Russian diplomats"));
    expect(usExpels?._count.relationsTo).toBe(1);
    const eo = page.events.find((e) => e.id === id("US sanctions Russia over election interference and the SolarWinds hack"));
    expect(eo?._count.relationsTo).toBe(1);
  });

  it("returns the whole chain, transitively, in both directions, oldest first", async () => {
    const expected = [
      "US expels 10 Russian diplomats",
      "Russia orders 10 US diplomats to leave",
      "Russia formally declares 10 US embassy employees persona non grata",
    ];
    for (const title of expected) {
      const chain = await getEventChain(id(title));
      expect(chain.events.map((e) => e.title)).toEqual(expected);
      expect(chain.links).toHaveLength(2);
      expect(chain.truncated).toBe(false);
    }
    const lone = await getEventChain(id("Lavrov says US-Russia ties are worse than during the Cold War"));
    expect(lone.events.map((e) => e.title)).toEqual(["Lavrov says US-Russia ties are worse than during the Cold War"]);
  });

  it("reads one event with its relations both ways", async () => {
    const event = await getPublicEvent(id("Russia orders 10 US diplomats to leave"));
    expect(event?.relationsFrom.map((r) => [r.kind, r.to.title])).toEqual([["responds-to", "US expels 10 Russian diplomats"]]);
    expect(event?.relationsTo.map((r) => [r.kind, r.from.title])).toEqual([
      ["follows-up", "Russia formally declares 10 US embassy employees persona non grata"],
    ]);
    expect(await getPublicEvent(999_999)).toBeNull();
  });

  it("dates the last change by a person, not the loading of the example data", async () => {
    const eventId = id("Blinken and Lavrov meet in Reykjavik");
    expect((await getPublicEvent(eventId))?.lastEditedAt).toBeNull();
    const user = await prisma.user.create({ data: { email: "last-edit@example.org", passwordHash: "x" } });
    const at = new Date("2026-11-30T10:00:00.000Z");
    await prisma.eventRevision.create({ data: { eventId, version: 2, kind: "update", snapshot: "{}", userId: user.id, createdAt: at } });
    expect((await getPublicEvent(eventId))?.lastEditedAt).toEqual(at);
  });
});
