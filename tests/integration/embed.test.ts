import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createEvent } from "@/lib/events/write";
import { eventInputSchema } from "@/lib/events/schema";
import { loadTimelinePage } from "@/lib/timeline/page-data";
import { GET as embedTimeline } from "@/app/embed/route";
import { GET as embedEvent } from "@/app/embed/events/[id]/route";
import { EMBED_PAGE_SIZE } from "@/lib/embed/page-data";
import { loadExamples } from "./example-data";

const ORIGIN = "http://demarche.test";

beforeAll(async () => {
  await loadExamples(prisma);
  // More events than one embed page holds, so the embed's own paging is exercised.
  const actors = await prisma.actor.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  for (let i = 0; i < 30; i++) {
    const input = eventInputSchema.parse({
      title: `Embed probe ${i + 1}`,
      summary: `Probe event ${i + 1} <script>alert(1)</script> & more.`,
      date: `2022-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
      type: i % 2 === 0 ? "statement" : "sanctions-imposed",
      status: "published",
      initiatorIds: [actors[i % actors.length]!.id],
      targetIds: [actors[(i + 3) % actors.length]!.id],
    });
    await createEvent(prisma, input, { userId: null });
  }
});

async function fetchEmbed(search: string): Promise<Response> {
  return embedTimeline(new Request(`${ORIGIN}/embed${search ? `?${search}` : ""}`, { headers: { host: "demarche.test" } }));
}

const idsIn = (body: string) => [...body.matchAll(/data-event-id="(\d+)"/g)].map((m) => Number(m[1]));
const nextHrefIn = (body: string) => /<a href="(\/embed\?[^"]*cursor=[^"]*)">More events<\/a>/.exec(body)?.[1]?.replaceAll("&amp;", "&") ?? null;

/** Every id of a timeline view, page after page, as the timeline page lists them. */
async function timelineIds(query: string): Promise<number[]> {
  const ids: number[] = [];
  let search = query;
  for (let guard = 0; guard < 50; guard++) {
    const page = await loadTimelinePage(search);
    ids.push(...page.view.events.map((e) => e.id));
    if (!page.view.nextCursor) return ids;
    search = `${query}${query ? "&" : ""}cursor=${encodeURIComponent(page.view.nextCursor)}`;
  }
  throw new Error("too many pages");
}

/** Every id an embed shows, following its own "More events" links. */
async function embedIds(query: string): Promise<number[]> {
  const ids: number[] = [];
  let search = query;
  for (let guard = 0; guard < 50; guard++) {
    const response = await fetchEmbed(search);
    expect(response.status).toBe(200);
    const body = await response.text();
    const page = idsIn(body);
    expect(page.length).toBeLessThanOrEqual(EMBED_PAGE_SIZE);
    ids.push(...page);
    const next = nextHrefIn(body);
    if (!next) return ids;
    search = next.replace(/^\/embed\?/, "");
  }
  throw new Error("too many pages");
}

const QUERIES = [
  "",
  "sort=oldest",
  "type=sanctions-imposed",
  "initiator=ru&target=us",
  "type=diplomatic-expulsion&type=ambassador-recalled",
  "from=2021-04&to=2021-04",
  "q=sanctions",
  "q=embed+probe",
  "tag=s-400",
  "to=2019",
];

describe("embed of a timeline view", () => {
  for (const query of QUERIES) {
    it(`lists the timeline's events in the timeline's order for "${query}"`, async () => {
      const expected = await timelineIds(query);
      const shown = await embedIds(query);
      expect(shown).toEqual(expected);
      if (query === "" || query === "q=embed+probe") expect(shown.length).toBeGreaterThan(EMBED_PAGE_SIZE);
    });
  }

  it("says what the view is and links to it; cards open Demarche in a new tab", async () => {
    const body = await (await fetchEmbed("initiator=ru&target=us")).text();
    const page = await loadTimelinePage("initiator=ru&target=us");
    expect(page.view.total).toBeGreaterThan(0);
    expect(body).toContain(page.summary.replace("→", "→"));
    expect(body).toContain(`href="${ORIGIN}/?initiator=ru&amp;target=us"`);
    const first = page.view.events[0]!;
    expect(body).toContain(`<a href="${ORIGIN}/events/${first.id}" target="_blank" rel="noopener">`);
    expect(body).not.toMatch(/<header|site-header|Editors/);
  });

  it("escapes event text", async () => {
    const body = await (await fetchEmbed("q=embed+probe")).text();
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more.");
    expect(body).not.toContain("<script>alert(1)");
  });

  it("shows the page's notice for unknown filter values and ignores them as the page does", async () => {
    const body = await (await fetchEmbed("initiator=zz&type=no-such-type")).text();
    const page = await loadTimelinePage("initiator=zz&type=no-such-type");
    expect(page.problems.length).toBe(2);
    for (const p of page.problems) expect(body).toContain(p.message.replaceAll('"', "&quot;"));
    expect(idsIn(body)).toEqual(page.view.events.slice(0, EMBED_PAGE_SIZE).map((e) => e.id));
  });

  it("is framable anywhere and sets no cookie", async () => {
    const response = await fetchEmbed("");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("stays under 60 KB for 20 events", async () => {
    const body = await (await fetchEmbed("")).text();
    expect(idsIn(body)).toHaveLength(20);
    expect(Buffer.byteLength(body)).toBeLessThan(60 * 1024);
  });
});

describe("embed of one event", () => {
  const call = (id: string) => embedEvent(new Request(`${ORIGIN}/embed/events/${id}`, { headers: { host: "demarche.test" } }), { params: Promise.resolve({ id }) });

  it("shows the event with its relations in both directions and its chain", async () => {
    const relation = await prisma.eventRelation.findFirstOrThrow({ select: { fromId: true, toId: true, from: { select: { title: true } }, to: { select: { title: true } } } });
    for (const [id, other] of [
      [relation.fromId, relation.to.title],
      [relation.toId, relation.from.title],
    ] as const) {
      const response = await call(String(id));
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain("Related events");
      expect(body).toContain("The whole chain");
      expect(body).toContain(other.replaceAll("'", "&#39;").replaceAll('"', "&quot;"));
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    }
  });

  it("answers 404 for an unknown or a draft event and for a bad id", async () => {
    const draft = await prisma.event.findFirst({ where: { status: "draft" }, select: { id: true } });
    for (const id of ["999999", "abc", ...(draft ? [String(draft.id)] : [])]) {
      expect((await call(id)).status).toBe(404);
    }
  });
});
