import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { overlaps, parsePartialDate } from "@/lib/dates/partial-date";
import { resolveFilterReferences } from "@/lib/events/filter-query";
import { listTimelineEvents } from "@/lib/events/queries";
import { readEventSnapshot, type EventSnapshot } from "@/lib/events/snapshot";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { foldText } from "@/lib/text/fold";
import { loadExamples } from "./example-data";

let all: EventSnapshot[];

beforeAll(async () => {
  await loadExamples(prisma);
  const ids = await prisma.event.findMany({ select: { id: true } });
  all = (await Promise.all(ids.map((e) => readEventSnapshot(prisma, e.id)))).filter((e): e is EventSnapshot => e !== null);
});

async function query(q: string): Promise<string[]> {
  const parsed = parseTimelineFilters(new URLSearchParams(q));
  const { resolved } = await resolveFilterReferences(prisma, parsed.filters);
  const page = await listTimelineEvents({ filters: resolved, limit: 200 });
  return page.events.map((e) => e.title);
}

/** The same question answered without the query builder: plain filtering of full snapshots. */
function expected(predicate: (e: EventSnapshot) => boolean, sort: "newest" | "oldest" = "newest"): string[] {
  return all
    .filter((e) => e.status === "published" && e.deletedAt === null)
    .filter(predicate)
    .sort((a, b) => (a.dateStart === b.dateStart ? a.id - b.id : a.dateStart < b.dateStart ? -1 : 1) * (sort === "newest" ? -1 : 1))
    .map((e) => e.title);
}

const code = (list: { isoCode: string | null }[], iso: string) => list.some((a) => a.isoCode === iso);

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

  it("search case- and accent-insensitively across actors and text", async () => {
    expect(await query("q=GENCOGLU")).toEqual(expected((e) => e.targets.some((a) => foldText(a.name).includes("gencoglu"))));
    expect(await query("q=persona+non+grata")).toEqual(
      expected((e) => ["persona", "non", "grata"].every((w) => foldText(`${e.title} ${e.summary}`).includes(w))),
    );
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
});
