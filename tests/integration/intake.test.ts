import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventSnapshot } from "@/lib/events/snapshot";
import { draftPrefix, parseReviewIntent, type ReviewIntent } from "@/lib/intake/review";
import { createIntake, findIntake, INTAKE_MAX_AGE_MS, removeExpiredIntakes } from "@/lib/intake/store";
import type { Draft, DraftActor, DraftContext, Drafter } from "@/lib/intake/types";
import { reviewStep } from "@/lib/intake/write";
import { accuracyByField } from "@/lib/intake/accuracy";
import { loadDraftContext } from "@/lib/intake/context";
import { createTestDatabase } from "./database";
import { loadExamples } from "./example-data";

const db = await createTestDatabase();
const prisma = db.prisma;
afterAll(() => db.dispose());

let userId: number;
let actors: Map<string, { id: number; isoCode: string | null }>;
let existingEventId: number;
beforeAll(async () => {
  await loadExamples(prisma);
  userId = (await prisma.user.create({ data: { email: "intake@example.org", passwordHash: "x", role: "editor" } })).id;
  actors = new Map((await prisma.actor.findMany({ select: { id: true, name: true, isoCode: true } })).map((a) => [a.name, a]));
  existingEventId = (await prisma.event.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;
});

function known(name: string): DraftActor {
  const actor = actors.get(name);
  if (!actor) throw new Error(`no actor ${name}`);
  return { name, isoCode: actor.isoCode, stateCode: actor.isoCode, kind: "state", actorId: actor.id, mention: name };
}

function draft(overrides: Partial<Draft>): Draft {
  return {
    date: "2021-04-28",
    datePrecision: "day",
    dateEnd: null,
    dateSpan: null,
    dateInherited: false,
    type: "diplomatic-expulsion",
    measures: [],
    planned: false,
    title: "Russia expels US diplomats",
    summary: "",
    legalBasis: null,
    initiators: [known("Russia")],
    targets: [known("United States")],
    tags: [],
    evidence: "On Wednesday Russia expelled ten US diplomats.",
    cues: [{ field: "date", start: 3, end: 12, text: "Wednesday" }],
    respondsTo: [],
    duplicateOf: [],
    notes: [],
    ...overrides,
  };
}

/** A drafter with fixed answers: the review flow is under test here, not the drafting. */
function fakeDrafter(drafts: () => Draft[]): Drafter {
  return { draft: () => ({ drafts: drafts() }) };
}

const context: DraftContext = { actors: [], legalBases: [] };

async function newIntake(drafts: () => Draft[], now?: Date) {
  return createIntake(
    prisma,
    { text: "Article text.", published: "2021-04-29", publisher: "Press TV", title: "Ties worse than during the Cold War", url: "https://example.org/article" },
    { drafter: fakeDrafter(drafts), context, userId, now },
  );
}

/** The form as the review screen posts it, built from what the server holds (plus changes). */
async function form(id: string, changes: Record<string, string | string[]> = {}): Promise<FormData> {
  const found = await findIntake(prisma, id);
  if (found.status !== "found") throw new Error(found.status);
  const data = new FormData();
  data.set("version", String(found.intake.version));
  found.intake.review.drafts.forEach((d, i) => {
    if (d.status !== "pending") return;
    const p = draftPrefix(i);
    const v = d.values;
    const fields: Record<string, string | string[]> = {
      present: "1",
      title: v.title,
      summary: v.summary,
      date: v.date,
      datePrecision: v.datePrecision,
      endDate: v.endDate,
      endDatePrecision: v.endDatePrecision,
      type: v.type,
      legalBasis: v.legalBasis,
      location: v.location,
      measures: v.measures,
      initiatorIds: v.initiators.map((a) => String(a.id)),
      initiatorName: v.initiators.map((a) => a.name),
      initiatorIsoCode: v.initiators.map((a) => a.isoCode ?? ""),
      targetIds: v.targets.map((a) => String(a.id)),
      targetName: v.targets.map((a) => a.name),
      targetIsoCode: v.targets.map((a) => a.isoCode ?? ""),
      tags: v.tags,
      newActor: d.newActors,
      respondsTo: d.respondsTo,
      ...(d.checked ? { checked: "1" } : {}),
      ...(d.notDuplicate ? { notDuplicate: "1" } : {}),
    };
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) data.append(`${p}${name}`, one);
    }
  });
  for (const [name, value] of Object.entries(changes)) {
    data.delete(name);
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

async function step(id: string, intent: string, changes: Record<string, string | string[]> = {}, publish = false) {
  const data = await form(id, changes);
  const parsed = parseReviewIntent(intent, 100) as ReviewIntent;
  return reviewStep(prisma, id, data, parsed, { userId, publish });
}

async function review(id: string) {
  const found = await findIntake(prisma, id);
  if (found.status !== "found") throw new Error(found.status);
  return found.intake.review;
}

describe("the drafter's context", () => {
  it("holds every actor with its aliases and state, and the legal bases recorded", async () => {
    const russia = actors.get("Russia");
    await prisma.actorAlias.create({ data: { actorId: russia?.id ?? 0, alias: "Test Alias of Russia", normalised: "test alias of russia", kind: "other" } });
    const context = await loadDraftContext(prisma);
    expect(context.actors).toHaveLength(actors.size);
    expect(context.actors.find((a) => a.name === "Russia")?.aliases).toContain("Test Alias of Russia");
    const lavrov = context.actors.find((a) => a.name === "Sergey Lavrov");
    expect(lavrov).toMatchObject({ kind: "person", isoCode: null });
    const bases = await prisma.event.findMany({ where: { legalBasis: { not: null } }, distinct: ["legalBasis"], select: { legalBasis: true } });
    expect(bases.length).toBeGreaterThan(0);
    expect([...context.legalBases].sort()).toEqual(bases.map((b) => b.legalBasis).sort());
  });
});

describe("intake review", () => {
  it("writes nothing when an article is pasted, and keeps the intake for a day", async () => {
    const before = await prisma.event.count();
    const now = new Date("2026-01-01T10:00:00Z");
    const { id, drafts } = await newIntake(() => [draft({})], now);
    expect(drafts).toBe(1);
    expect(await prisma.event.count()).toBe(before);
    const row = await prisma.intake.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.getTime() - now.getTime()).toBe(INTAKE_MAX_AGE_MS);
    expect(row.createdById).toBe(userId);
  });

  it("accepts a draft as an event with the article as its source, an intake revision and an extraction record", async () => {
    const { id } = await newIntake(() => [draft({})]);
    const result = await step(id, "accept:0", { "d0.title": "Russia expels ten US diplomats" });
    expect(result.status).toBe("saved");
    if (result.status !== "saved") return;
    const [eventId] = result.accepted;
    expect(eventId).toBeDefined();
    const snapshot = await readEventSnapshot(prisma, eventId as number);
    expect(snapshot).toMatchObject({
      title: "Russia expels ten US diplomats",
      date: "2021-04-28",
      datePrecision: "day",
      type: "diplomatic-expulsion",
      status: "draft",
    });
    expect(snapshot?.initiators.map((a) => a.name)).toEqual(["Russia"]);
    expect(snapshot?.targets.map((a) => a.name)).toEqual(["United States"]);
    expect(snapshot?.sources).toEqual([
      expect.objectContaining({ url: "https://example.org/article", title: "Ties worse than during the Cold War", publisher: "Press TV", publishedOn: "2021-04-29" }),
    ]);
    const revisions = await prisma.eventRevision.findMany({ where: { eventId }, select: { kind: true, userId: true } });
    expect(revisions).toEqual([{ kind: "intake", userId }]);
    const record = await prisma.extractionRecord.findFirstOrThrow({ where: { eventId } });
    expect(record.intakeId).toBe(id);
    expect(record.draftIndex).toBe(0);
    expect(JSON.parse(record.changedFields)).toEqual(["title"]);
    expect((JSON.parse(record.proposed) as Draft).title).toBe("Russia expels US diplomats");
    expect(JSON.parse(record.saved)).toMatchObject({ title: "Russia expels ten US diplomats", date: "2021-04-28" });
    expect((await review(id)).drafts[0]).toMatchObject({ status: "accepted", eventId });
    expect((await review(id)).message).toBe("1 draft accepted as draft event.");
  });

  it("publishes when the editor ticks it", async () => {
    const { id } = await newIntake(() => [draft({ title: "Published at once" })]);
    const result = await step(id, "accept:0", {}, true);
    if (result.status !== "saved") throw new Error(result.status);
    expect((await prisma.event.findUniqueOrThrow({ where: { id: result.accepted[0] } })).status).toBe("published");
  });

  it("discards a draft without writing, and can bring it back", async () => {
    const before = { events: await prisma.event.count(), records: await prisma.extractionRecord.count() };
    const { id } = await newIntake(() => [draft({}), draft({ title: "Second" })]);
    expect((await step(id, "discard:1")).status).toBe("saved");
    expect((await review(id)).drafts.map((d) => d.status)).toEqual(["pending", "discarded"]);
    expect(await prisma.event.count()).toBe(before.events);
    expect(await prisma.extractionRecord.count()).toBe(before.records);
    // "Accept all checked" skips the discarded draft.
    const all = await step(id, "accept-checked");
    if (all.status !== "saved") throw new Error(all.status);
    expect(all.accepted).toHaveLength(1);
    expect((await step(id, "restore:1")).status).toBe("saved");
    expect((await review(id)).drafts[1]?.status).toBe("pending");
  });

  it("refuses a likely duplicate until the editor ticks “not a duplicate”", async () => {
    const duplicateOf = [{ eventId: existingEventId, title: "Recorded", date: "2021-04-28", score: 0.9, reason: "same type and actors" }];
    const { id } = await newIntake(() => [draft({ duplicateOf })]);
    const before = await prisma.event.count();
    const refused = await step(id, "accept:0", { "d0.title": "Typed by the editor" });
    expect(refused.status).toBe("invalid");
    expect(await prisma.event.count()).toBe(before);
    const kept = (await review(id)).drafts[0];
    expect(kept?.errors.notDuplicate?.[0]).toMatch(/already be recorded/);
    expect(kept?.values.title).toBe("Typed by the editor");
    const accepted = await step(id, "accept:0", { "d0.notDuplicate": "1" });
    expect(accepted.status).toBe("saved");
    expect(await prisma.event.count()).toBe(before + 1);
  });

  it("returns the event form's field errors and keeps everything typed; nothing is written", async () => {
    const { id } = await newIntake(() => [draft({}), draft({ title: "Other" })]);
    const before = await prisma.event.count();
    const result = await step(id, "accept-checked", { "d0.title": "", "d0.date": "2021-13-45", "d1.summary": "Kept" });
    expect(result.status).toBe("invalid");
    expect(await prisma.event.count()).toBe(before);
    const r = await review(id);
    expect(Object.keys(r.drafts[0]?.errors ?? {})).toEqual(expect.arrayContaining(["title", "date"]));
    expect(r.drafts[0]?.values.date).toBe("2021-13-45");
    expect(r.drafts[1]?.values.summary).toBe("Kept");
    expect(r.drafts.map((d) => d.status)).toEqual(["pending", "pending"]);
    expect(r.message).toMatch(/Draft 1 needs attention/);
  });

  it("links a confirmed “responds to” candidate, never an unconfirmed one", async () => {
    const { id } = await newIntake(() => [
      draft({ title: "US expels Russian diplomats", initiators: [known("United States")], targets: [known("Russia")], date: "2021-04-15" }),
      draft({
        respondsTo: [
          { draftIndex: 0, title: "US expels Russian diplomats", date: "2021-04-15", score: 0.9, reason: "text cue 'in retaliation for'" },
          { eventId: existingEventId, title: "Recorded", date: "2021-01-01", score: 0.5, reason: "initiator and target swapped" },
        ],
      }),
    ]);
    // Accepting both together, confirming only the draft candidate: the earlier draft is created first.
    const result = await step(id, "accept-checked", { "d1.respondsTo": "draft:0" });
    if (result.status !== "saved") throw new Error(result.status);
    const r = await review(id);
    const [first, second] = [r.drafts[0]?.eventId, r.drafts[1]?.eventId];
    const relations = await prisma.eventRelation.findMany({ where: { fromId: second ?? 0 }, select: { toId: true, kind: true } });
    expect(relations).toEqual([{ toId: first, kind: "responds-to" }]);
    const record = await prisma.extractionRecord.findFirstOrThrow({ where: { eventId: second ?? 0 } });
    expect(JSON.parse(record.changedFields)).not.toContain("respondsTo");
    // The unconfirmed event candidate was not linked.
    expect(await prisma.eventRelation.count({ where: { fromId: second ?? 0, toId: existingEventId } })).toBe(0);
  });

  it("makes a confirmed link to a draft accepted later, when that draft is accepted", async () => {
    const { id } = await newIntake(() => [
      draft({ title: "Earlier act", initiators: [known("United States")], targets: [known("Russia")] }),
      draft({ title: "Answer", respondsTo: [{ draftIndex: 0, title: "Earlier act", date: "2021-04-28", score: 1, reason: "tit-for-tat" }] }),
    ]);
    const answer = await step(id, "accept:1", { "d1.respondsTo": "draft:0" });
    if (answer.status !== "saved") throw new Error(answer.status);
    const answerId = answer.accepted[0] as number;
    expect(await prisma.eventRelation.count({ where: { fromId: answerId } })).toBe(0);
    const earlier = await step(id, "accept:0");
    if (earlier.status !== "saved") throw new Error(earlier.status);
    expect(await prisma.eventRelation.findMany({ where: { fromId: answerId }, select: { toId: true } })).toEqual([{ toId: earlier.accepted[0] }]);
    const kinds = await prisma.eventRevision.findMany({ where: { eventId: answerId }, orderBy: { id: "asc" }, select: { kind: true, version: true } });
    expect(kinds).toEqual([
      { kind: "intake", version: 1 },
      { kind: "intake", version: 2 },
    ]);
  });

  it("creates a proposed new actor under its state when the editor keeps it", async () => {
    const lavrov: DraftActor = { name: "Sergey Viktorovich Testov", isoCode: null, stateCode: "RU", kind: "person", actorId: null, mention: "Testov" };
    const { id } = await newIntake(() => [draft({ initiators: [lavrov], title: "Testov condemns the move" })]);
    const result = await step(id, "accept:0");
    if (result.status !== "saved") throw new Error(result.status);
    const created = await prisma.actor.findUniqueOrThrow({ where: { name: lavrov.name }, select: { kind: true, parent: { select: { isoCode: true } } } });
    expect(created).toEqual({ kind: "person", parent: { isoCode: "RU" } });
    const snapshot = await readEventSnapshot(prisma, result.accepted[0] as number);
    expect(snapshot?.initiators.map((a) => a.name)).toEqual([lavrov.name]);
  });

  it("refuses a step from a stale form, and a second accept of the same draft", async () => {
    const { id } = await newIntake(() => [draft({ title: "Once only" })]);
    const data = await form(id);
    const first = await reviewStep(prisma, id, data, { kind: "accept", index: 0 }, { userId, publish: false });
    expect(first.status).toBe("saved");
    const again = await reviewStep(prisma, id, data, { kind: "accept", index: 0 }, { userId, publish: false });
    expect(again.status).toBe("stale");
    expect(await prisma.event.count({ where: { title: "Once only" } })).toBe(1);
  });

  it("refuses an expired intake and removes it", async () => {
    const { id } = await newIntake(() => [draft({ title: "Too late" })], new Date(Date.now() - INTAKE_MAX_AGE_MS - 1000));
    const data = new FormData();
    data.set("version", "1");
    data.set("d0.present", "1");
    data.set("d0.title", "Too late");
    expect((await reviewStep(prisma, id, data, { kind: "accept", index: 0 }, { userId, publish: false })).status).toBe("expired");
    expect(await prisma.intake.count({ where: { id } })).toBe(0);
    expect(await prisma.event.count({ where: { title: "Too late" } })).toBe(0);
    await newIntake(() => [draft({})], new Date(Date.now() - 2 * INTAKE_MAX_AGE_MS));
    expect(await removeExpiredIntakes(prisma)).toBe(1);
  });

  it("counts per field how often editors changed the proposal", async () => {
    const stats = await accuracyByField(prisma);
    const title = stats.fields.find((f) => f.field === "title");
    expect(stats.records).toBeGreaterThan(0);
    expect(title?.changed).toBeGreaterThanOrEqual(1);
    expect(title?.total).toBe(stats.records);
    const type = stats.fields.find((f) => f.field === "type");
    expect(type?.changed).toBe(0);
  });
});
