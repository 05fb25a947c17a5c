import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsvGET } from "@/app/export.csv/route";
import { GET as feedJsonGET } from "@/app/feed.json/route";
import { GET as eventsGET } from "@/app/api/v1/events/route";
import { prisma } from "@/lib/db";
import { closeEngines, engineOf, type BulkRow } from "@/lib/db/engine";
import { exportCsvText } from "@/lib/export/export-text";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { resolveFilterReferences } from "@/lib/timeline/resolve";
import { countTimelineEvents, listTimelineEvents } from "@/lib/timeline/view";

// Issue 11, item 8: a broad search used to become one `id IN (...)` list of every match, past
// SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. More than 70,000 matches here.
const MATCHES = 72_000;
const OTHERS = 500;
const ORIGIN = "http://127.0.0.1:3113";

beforeAll(async () => {
  const rows: BulkRow[] = [];
  const now = new Date("2026-01-01T00:00:00Z");
  for (let i = 0; i < MATCHES + OTHERS; i++) {
    const day = `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 10}`;
    const word = i < MATCHES ? "zebrafinch" : "otherword";
    rows.push({
      title: `Bulk ${word} ${i}`,
      summary: "",
      datePrecision: "day",
      dateStart: day,
      dateEnd: day,
      type: "statement",
      status: "published",
      searchText: `bulk ${word} ${i}`,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  await engineOf(prisma).insertRows(prisma, "Event", rows);
  // What autovacuum does shortly after a large import; without statistics PostgreSQL's planner
  // reads the fresh table whole for every slice of the export.
  if (engineOf(prisma).provider === "postgresql") await prisma.$executeRawUnsafe('ANALYZE "Event"');
}, 60_000);

afterAll(async () => {
  await closeEngines();
});

async function resolved(query: string) {
  return (await resolveFilterReferences(prisma, parseTimelineFilters(new URLSearchParams(query)).filters)).resolved;
}

describe("a search matching more than 70,000 events", () => {
  it("is counted and paged by the timeline", async () => {
    const filters = await resolved("q=zebrafinch");
    expect(filters.searchIds?.length).toBe(MATCHES);
    expect(await countTimelineEvents(filters)).toBe(MATCHES);
    const page = await listTimelineEvents({ filters, limit: 20 });
    expect(page.events).toHaveLength(20);
    expect(page.events.every((e) => e.title.includes("zebrafinch"))).toBe(true);
  });

  it("exports every match through the CSV route, and a complete file", async () => {
    const response = await exportCsvGET(new Request(`${ORIGIN}/export.csv?q=zebrafinch`));
    expect(response.status).toBe(200);
    const text = await response.text();
    const lines = text.trimEnd().split("\r\n");
    // The header and one line per event (no summary, so no quoted line breaks).
    expect(lines.length).toBe(MATCHES + 1);
    expect(lines.slice(1).every((l) => l.includes("zebrafinch"))).toBe(true);
  }, 120_000);

  it("is narrowed by other filters in the export helper", async () => {
    const text = await exportCsvText(prisma, "q=zebrafinch&from=2010&to=2010");
    const lines = text.trimEnd().split("\r\n").slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBe(await countTimelineEvents(await resolved("q=zebrafinch&from=2010&to=2010")));
  }, 60_000);

  it("serves the feed and the read API", async () => {
    const feed = await feedJsonGET(new Request(`${ORIGIN}/feed.json?q=zebrafinch`));
    expect(feed.status).toBe(200);
    const body = (await feed.json()) as { items: unknown[] };
    expect(body.items.length).toBeGreaterThan(0);
    const api = await eventsGET(new Request(`${ORIGIN}/api/v1/events?q=zebrafinch&limit=10`, { headers: { "X-Forwarded-For": "10.9.9.9" } }));
    expect(api.status).toBe(200);
  }, 60_000);
});
