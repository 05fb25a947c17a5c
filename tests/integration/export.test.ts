import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resolveFilterReferences } from "@/lib/timeline/resolve";
import { listTimelineEvents } from "@/lib/timeline/view";
import { readEventSnapshot } from "@/lib/events/snapshot";
import { exportCsvText } from "@/lib/export/export-text";
import { closeEngines, engineOf } from "@/lib/db/engine";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { eventIdsByTitle, loadExamples } from "./example-data";

let ids: Map<string, number>;

beforeAll(async () => {
  await loadExamples(prisma);
  ids = await eventIdsByTitle(prisma);
  // A draft and a trashed event: neither may appear in a public export, not even as a reference.
  await prisma.event.update({ where: { id: ids.get("US expels 10 Russian diplomats")! }, data: { status: "draft" } });
  await prisma.event.update({ where: { id: ids.get("Russia bars eight current and former US officials")! }, data: { deletedAt: new Date() } });
});

afterAll(async () => {
  await closeEngines();
});

async function timelineIds(query: string): Promise<string[]> {
  const { resolved } = await resolveFilterReferences(prisma, parseTimelineFilters(new URLSearchParams(query)).filters);
  const page = await listTimelineEvents({ filters: resolved, limit: 200 });
  return page.events.map((e) => String(e.id));
}

async function exportRows(query: string): Promise<Record<string, string>[]> {
  return parse(await exportCsvText(prisma, query, { batchSize: 2 }), { columns: true }) as Record<string, string>[];
}

describe("the public CSV export", () => {
  it.each([
    "",
    "sort=oldest",
    "initiator=ru&target=us",
    "actor=turkey&from=2020",
    "type=diplomatic-expulsion&type=statement",
    "q=gencoglu",
    "tag=s-400&sort=oldest",
    "basis=CAATSA+Section+231",
    "from=2021-04&to=2021-04&initiator=atlantis",
  ])("lists exactly the timeline's events in its order for ?%s", async (query) => {
    const rows = await exportRows(query);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).toEqual(await timelineIds(query));
  });

  it("never shows drafts or trash, nor refers to them", async () => {
    const rows = await exportRows("");
    const hidden = [ids.get("US expels 10 Russian diplomats")!, ids.get("Russia bars eight current and former US officials")!].map(String);
    expect(rows.some((r) => hidden.includes(r.id!))).toBe(false);
    expect(rows.every((r) => r.status === "published")).toBe(true);
    const answer = rows.find((r) => r.title === "Russia orders 10 US diplomats to leave")!;
    expect(answer.responds_to).toBe("");
  });
});

describe("the exports' batch loader", () => {
  it("reads the same snapshots as the revision writer, in the order asked", async () => {
    const all = (await prisma.event.findMany({ select: { id: true }, orderBy: { id: "desc" } })).map((e) => e.id);
    await prisma.source.updateMany({ where: { eventId: all[0] }, data: { retrievedAt: new Date("2026-01-02T03:04:05Z") } });
    const expected = await Promise.all(all.map((id) => readEventSnapshot(prisma, id)));
    // The engine's bulk reader (better-sqlite3 or pg), as the export routes use it.
    const direct = engineOf(prisma).snapshotLoader();
    for (const load of [engineOf(prisma).prismaSnapshotLoader(prisma), direct]) {
      const batch = await load([...all, 999_999], { publicRelationsOnly: false });
      expect(batch.map((e) => e.id)).toEqual(all);
      expect(batch).toEqual(expected);
    }
  });
});
