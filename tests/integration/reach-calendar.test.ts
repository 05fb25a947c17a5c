import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/calendar.ics/route";
import { prisma } from "@/lib/db";
import { CALENDAR_NOTE } from "@/lib/reach/calendar";
import { loadExamples } from "./example-data";
import { call, pageIds, REFUSED_QUERIES, VIEW_QUERIES } from "./reach-helpers";

beforeAll(async () => {
  // East of UTC, where a local-midnight Date is the previous UTC day.
  process.env.TZ = "Asia/Tokyo";
  await loadExamples(prisma);
});

async function calendar(query: string) {
  const response = await call(GET, `/calendar.ics${query ? `?${query}` : ""}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/calendar");
  const component = new ICAL.Component(ICAL.parse(await response.text()));
  const events = component.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { id: Number(/^event-(\d+)@/.exec(e.uid)?.[1]), start: e.startDate.toString(), end: e.endDate.toString(), isDate: e.startDate.isDate };
  });
  return { response, component, events };
}

describe("/calendar.ics", () => {
  it("runs in Tokyo", () => {
    expect(new Date(2021, 0, 1).getTimezoneOffset()).toBe(-540);
  });

  it.each(VIEW_QUERIES)("holds the page's day-dated events for ?%s, on their own days", async (query) => {
    const ids = await pageIds(query);
    const rows = await prisma.event.findMany({ where: { id: { in: ids } }, select: { id: true, datePrecision: true, dateStart: true, endDate: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const expected = ids.filter((id) => byId.get(id)?.datePrecision === "day");
    const { events, component } = await calendar(query);
    expect(events.map((e) => e.id)).toEqual(expected);
    for (const e of events) {
      const row = byId.get(e.id)!;
      expect(e.isDate).toBe(true);
      expect(e.start).toBe(row.dateStart);
      if (!row.endDate) expect(e.end).toBe(new Date(Date.parse(`${row.dateStart}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
      else expect(e.end > row.dateStart).toBe(true);
    }
    expect(String(component.getFirstPropertyValue("x-wr-caldesc"))).toContain(CALENDAR_NOTE);
  });

  it("leaves month- and year-dated events out, and shows a measure with an end as a span", async () => {
    const partial = await prisma.event.findMany({ where: { status: "published", datePrecision: { not: "day" } }, select: { id: true } });
    expect(partial.length).toBeGreaterThan(0);
    const { events } = await calendar("");
    const shown = new Set(events.map((e) => e.id));
    expect(partial.some((p) => shown.has(p.id))).toBe(false);
    const withEnd = await prisma.event.findFirst({ where: { status: "published", datePrecision: "day", endDate: { not: null } }, select: { id: true, endDate: true } });
    if (withEnd) {
      const span = events.find((e) => e.id === withEnd.id)!;
      expect(span.end > span.start).toBe(true);
    } else {
      const e = await prisma.event.findFirstOrThrow({ where: { status: "published", datePrecision: "day", deletedAt: null }, select: { id: true, dateStart: true } });
      await prisma.event.update({ where: { id: e.id }, data: { endDate: "2030-05-21" } });
      const again = await calendar("");
      expect(again.events.find((x) => x.id === e.id)).toMatchObject({ start: e.dateStart, end: "2030-05-22" });
    }
  });

  it("answers 304 to a current ETag", async () => {
    const first = await calendar("initiator=us");
    const etag = first.response.headers.get("etag")!;
    const again = await call(GET, "/calendar.ics?initiator=us", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    const since = await call(GET, "/calendar.ics?initiator=us", { "If-Modified-Since": first.response.headers.get("last-modified")! });
    expect(since.status).toBe(304);
  });

  it.each(REFUSED_QUERIES)("refuses ?%s with a 400 naming %s", async (query, value) => {
    const response = await call(GET, `/calendar.ics?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; problems: { value: string }[] } };
    expect(body.error.code).toBe("invalid_filter");
    expect(body.error.problems.map((p) => p.value)).toContain(value);
  });
});
