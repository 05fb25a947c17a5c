import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDuplicateEvents } from "@/lib/events/duplicates";
import { enrichDrafts, findDuplicates, findRespondsToCandidates, loadDraftContext } from "@/lib/intake/context";
import type { Draft, DraftActor } from "@/lib/intake/types";
import { createTestDatabase } from "./database";
import { eventIdsByTitle, loadExamples } from "./example-data";

const db = await createTestDatabase();
const prisma = db.prisma;
afterAll(() => db.dispose());

const actorIds = new Map<string, number>();
let events: Map<string, number>;

beforeAll(async () => {
  await loadExamples(prisma);
  for (const a of await prisma.actor.findMany({ select: { id: true, name: true } })) actorIds.set(a.name, a.id);
  events = await eventIdsByTitle(prisma);
});

const actor = (name: string): DraftActor => ({ name, isoCode: null, stateCode: null, kind: "state", actorId: actorIds.get(name) ?? null, mention: name });
const event = (title: string) => events.get(title) ?? -1;

function draft(fields: Partial<Draft> & Pick<Draft, "date" | "type" | "title">): Draft {
  return {
    datePrecision: fields.date.length === 10 ? "day" : fields.date.length === 7 ? "month" : "year",
    dateEnd: null,
    dateSpan: null,
    dateInherited: false,
    measures: [],
    planned: false,
    summary: "",
    legalBasis: null,
    initiators: [],
    targets: [],
    tags: [],
    evidence: fields.title,
    cues: [],
    respondsTo: [],
    duplicateOf: [],
    notes: [],
    ...fields,
  };
}

describe("loadDraftContext", () => {
  it("holds every actor with its aliases and its state's code, and the recorded legal bases", async () => {
    const context = await loadDraftContext(prisma);
    expect(context.actors).toHaveLength(await prisma.actor.count());
    const byName = new Map(context.actors.map((a) => [a.name, a]));
    expect(byName.get("Russia")).toMatchObject({ kind: "state", isoCode: "RU", stateCode: "RU" });
    expect(byName.get("Russia")?.aliases).toEqual(expect.arrayContaining(["the Kremlin", "Moscow", "Russian"]));
    expect(byName.get("Sergey Lavrov")).toMatchObject({ kind: "person", isoCode: null, stateCode: "RU", aliases: ["Sergei Lavrov"] });
    expect(byName.get("Presidency of Defense Industries (SSB)")).toMatchObject({ kind: "organisation", stateCode: "TR" });
    expect(context.legalBases).toEqual(expect.arrayContaining(["Executive Order 14024"]));
    expect(new Set(context.legalBases).size).toBe(context.legalBases.length);
  });
});

describe("findDuplicates", () => {
  it("finds the recorded event a draft restates, with a score and a reason", async () => {
    const found = await findDuplicates(
      prisma,
      draft({ date: "2021-04-15", type: "diplomatic-expulsion", title: "United States expels ten Russian diplomats", initiators: [actor("United States")], targets: [actor("Russia")] }),
    );
    expect(found[0]).toMatchObject({ eventId: event("US expels 10 Russian diplomats"), date: "2021-04-15" });
    expect(found[0]?.score).toBeGreaterThanOrEqual(0.8);
    expect(found[0]?.reason).toMatch(/same date, same type, same initiators, same targets/);
    // The same day's sanctions are another event, not offered.
    expect(found.map((f) => f.eventId)).not.toContain(event("US sanctions Russia over election interference and the SolarWinds hack"));
  });

  it("offers nothing for another date, swapped roles, or a trashed event", async () => {
    const base = { type: "diplomatic-expulsion" as const, title: "US expels 10 Russian diplomats", initiators: [actor("United States")], targets: [actor("Russia")] };
    expect(await findDuplicates(prisma, draft({ ...base, date: "2021-05-20" }))).toEqual([]);
    const swapped = await findDuplicates(prisma, draft({ ...base, date: "2021-04-15", initiators: [actor("Russia")], targets: [actor("United States")] }));
    expect(swapped.map((f) => f.eventId)).not.toContain(event("US expels 10 Russian diplomats"));
    const id = event("Czech Republic expels 18 Russian diplomats over the Vrbetice explosions");
    const czech = draft({ date: "2021-04-17", type: "diplomatic-expulsion", title: "Czech Republic expels 18 Russian diplomats", initiators: [actor("Czech Republic")], targets: [actor("Russia")] });
    expect((await findDuplicates(prisma, czech))[0]?.eventId).toBe(id);
    await prisma.event.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await findDuplicates(prisma, czech)).toEqual([]);
    await prisma.event.update({ where: { id }, data: { deletedAt: null } });
  });

  it("is the same finder the import can use, on ids", async () => {
    const found = await findDuplicateEvents(prisma, {
      dateStart: "2021-04-16",
      dateEnd: "2021-04-16",
      type: "diplomatic-expulsion",
      title: "Russia orders ten US diplomats out",
      initiatorIds: [actorIds.get("Russia") ?? 0],
      targetIds: [actorIds.get("United States") ?? 0],
    });
    expect(found[0]?.eventId).toBe(event("Russia orders 10 US diplomats to leave"));
  });
});

describe("findRespondsToCandidates", () => {
  it("offers the earlier events with initiator and target swapped, ranked, within 60 days", async () => {
    const found = await findRespondsToCandidates(
      prisma,
      draft({ date: "2021-04-16", type: "diplomatic-expulsion", title: "Russia expels US diplomats", initiators: [actor("Russia")], targets: [actor("United States")] }),
    );
    expect(found[0]).toMatchObject({ eventId: event("US expels 10 Russian diplomats"), date: "2021-04-15" });
    expect(found[0]?.reason).toMatch(/^initiator and target swapped, same type/);
    const ids = found.map((f) => f.eventId);
    expect(ids).toContain(event("US sanctions Russia over election interference and the SolarWinds hack"));
    for (let i = 1; i < found.length; i++) expect(found[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(found[i]?.score ?? 0);
    // Turkey's sanctions by the US are between other actors; Biden's "killer" remark (March) is a statement, still compatible but lower.
    expect(ids).not.toContain(event("US removes Turkey from the F-35 programme over its S-400 purchase"));
  });

  it("offers nothing more than 60 days on, in the same direction, or without resolved actors", async () => {
    const later = draft({ date: "2021-07-01", type: "diplomatic-expulsion", title: "Russia expels US diplomats", initiators: [actor("Russia")], targets: [actor("United States")] });
    const found = await findRespondsToCandidates(prisma, later);
    expect(found.map((f) => f.eventId)).not.toContain(event("US expels 10 Russian diplomats"));
    const same = draft({ date: "2021-04-16", type: "diplomatic-expulsion", title: "US expels more", initiators: [actor("United States")], targets: [actor("Russia")] });
    expect((await findRespondsToCandidates(prisma, same)).map((f) => f.eventId)).not.toContain(event("US expels 10 Russian diplomats"));
    const unresolved = { ...actor("Atlantis"), actorId: null };
    expect(await findRespondsToCandidates(prisma, draft({ date: "2021-04-16", type: "statement", title: "x", initiators: [unresolved], targets: [actor("United States")] }))).toEqual([]);
  });
});

describe("enrichDrafts", () => {
  it("fills duplicates and database responds-to candidates beside the drafter's own, ranked, never both for one event", async () => {
    const drafts: Draft[] = [
      draft({
        date: "2021-04-16",
        type: "diplomatic-expulsion",
        title: "Russia orders 10 US diplomats to leave",
        initiators: [actor("Russia")],
        targets: [actor("United States")],
        respondsTo: [{ draftIndex: 1, title: "US expels diplomats", date: "2021-04-15", score: 0.7, reason: "text cue 'in retaliation for'" }],
      }),
      draft({ date: "2021-04-15", type: "diplomatic-expulsion", title: "US expels diplomats", initiators: [actor("United States")], targets: [actor("Russia")] }),
      draft({ date: "bad", type: "statement", title: "Undated" }),
    ];
    const before = JSON.stringify(drafts);
    const [first, second, third] = await enrichDrafts(prisma, drafts);
    expect(JSON.stringify(drafts)).toBe(before);
    expect(first?.duplicateOf[0]?.eventId).toBe(event("Russia orders 10 US diplomats to leave"));
    const responds = first?.respondsTo ?? [];
    expect(responds.some((c) => c.draftIndex === 1)).toBe(true);
    expect(responds.some((c) => c.eventId === event("US expels 10 Russian diplomats"))).toBe(true);
    expect(responds.map((c) => c.eventId)).not.toContain(event("Russia orders 10 US diplomats to leave"));
    for (let i = 1; i < responds.length; i++) expect(responds[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(responds[i]?.score ?? 0);
    expect(second?.duplicateOf[0]?.eventId).toBe(event("US expels 10 Russian diplomats"));
    expect(third).toMatchObject({ duplicateOf: [], respondsTo: [] });
  });
});
