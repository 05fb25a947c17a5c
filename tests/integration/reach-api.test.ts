import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as actorsGET } from "@/app/api/v1/actors/route";
import { GET as eventTypesGET } from "@/app/api/v1/event-types/route";
import { GET as eventGET } from "@/app/api/v1/events/[id]/route";
import { GET as eventsGET, OPTIONS as eventsOPTIONS } from "@/app/api/v1/events/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as exportJsonGET } from "@/app/export.json/route";
import { actorListSchema, apiErrorSchema, apiEventDetailSchema, eventListSchema, eventTypeListSchema } from "@/lib/api/schemas";
import { hitRateLimit } from "@/lib/api/rate-limit";
import { prisma } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { EVENT_TYPES } from "@/lib/events/vocabulary";
import { eventIdsByTitle, loadExamples } from "./example-data";
import { call, ORIGIN, pageIds, REFUSED_QUERIES, VIEW_QUERIES } from "./reach-helpers";

let ids: Map<string, number>;
let client = 0;
/** A fresh client address per request group, so the rate limit only bites where a test wants it. */
const fresh = () => ({ "X-Forwarded-For": `10.0.${Math.floor(++client / 250)}.${client % 250}` });

beforeAll(async () => {
  await loadExamples(prisma);
  ids = await eventIdsByTitle(prisma);
  await prisma.event.update({ where: { id: ids.get("US expels 10 Russian diplomats")! }, data: { status: "draft" } });
});

afterAll(() => {
  delete process.env.DEMARCHE_API_RATE_LIMIT;
});

const eventPath = (id: number | string) => [eventGET, `/api/v1/events/${id}`] as const;
async function getEvent(id: number | string, headers: Record<string, string> = fresh()) {
  const [handler, path] = eventPath(id);
  return handler(new Request(`${ORIGIN}${path}`, { headers }), { params: Promise.resolve({ id: String(id) }) });
}

async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

describe("GET /api/v1/events", () => {
  it.each(VIEW_QUERIES)("pages through the timeline's events for ?%s by following next", async (query) => {
    const expected = await pageIds(query);
    expect(expected.length).toBeGreaterThan(0);
    const seen: number[] = [];
    let url: string | null = `/api/v1/events?${query}${query ? "&" : ""}limit=3`;
    let pages = 0;
    while (url) {
      const response = await call(eventsGET, url.replace(ORIGIN, ""), fresh());
      expect(response.status).toBe(200);
      const body = eventListSchema.parse(await response.json());
      expect(body.meta.total).toBe(expected.length);
      expect(body.data.length).toBeLessThanOrEqual(3);
      seen.push(...body.data.map((e) => e.id));
      if (body.links.next) expect(response.headers.get("link")).toBe(`<${body.links.next}>; rel="next"`);
      url = body.links.next;
      expect(++pages).toBeLessThan(100);
    }
    expect(seen).toEqual(expected);
  });

  it("gives each event as the JSON export does, with its address", async () => {
    const exported = (await (await call(exportJsonGET, "/export.json?initiator=ru")).json()) as { id: number }[];
    const body = eventListSchema.parse(await (await call(eventsGET, "/api/v1/events?initiator=ru&limit=200", fresh())).json());
    expect(body.data.map(({ url, ...rest }) => {
      expect(url).toBe(`${ORIGIN}/events/${rest.id}`);
      return rest;
    })).toEqual(exported);
    expect(body.links.html).toBe(`${ORIGIN}/?initiator=ru`);
  });

  it.each(["limit=0", "limit=201", "limit=abc", "limit=1.5", "limit=-3", "limit=5&limit=6"])("refuses %s", async (query) => {
    const response = await call(eventsGET, `/api/v1/events?${query}`, fresh());
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_parameter");
  });

  it.each(["garbage", "2021-04-16", "2021-04-16_0", "2021-04-16_12345678901", "_12"])("refuses cursor=%s", async (cursor) => {
    const response = await call(eventsGET, `/api/v1/events?cursor=${cursor}`, fresh());
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_cursor");
    expect(error.problems?.[0]?.param).toBe("cursor");
  });

  it("accepts the bounds of limit and a cursor past the end", async () => {
    expect(eventListSchema.parse(await (await call(eventsGET, "/api/v1/events?limit=1", fresh())).json()).data).toHaveLength(1);
    expect((await call(eventsGET, "/api/v1/events?limit=200", fresh())).status).toBe(200);
    const end = eventListSchema.parse(await (await call(eventsGET, "/api/v1/events?cursor=1000-01-01_1", fresh())).json());
    expect(end.data).toEqual([]);
    expect(end.links.next).toBeNull();
  });

  it.each(REFUSED_QUERIES)("refuses ?%s with a 400 naming %s", async (query, value) => {
    const response = await call(eventsGET, `/api/v1/events?${query}`, fresh());
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_filter");
    expect(error.problems?.map((p) => p.value)).toContain(value);
  });

  it("is open to other origins for GET, and answers 304 to a current ETag", async () => {
    const response = await call(eventsGET, "/api/v1/events?target=us", fresh());
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = eventsOPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    const again = await call(eventsGET, "/api/v1/events?target=us", { ...fresh(), "If-None-Match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });
});

describe("GET /api/v1/events/:id", () => {
  it("gives the full event with its relations both ways", async () => {
    const id = ids.get("Russia orders 10 US diplomats to leave")!;
    const response = await getEvent(id);
    expect(response.status).toBe(200);
    const body = apiEventDetailSchema.parse(await response.json());
    const exported = ((await (await call(exportJsonGET, "/export.json")).json()) as { id: number }[]).find((e) => e.id === id);
    const { url, relatedBy, ...rest } = body;
    expect(rest).toEqual(exported);
    expect(url).toBe(`${ORIGIN}/events/${id}`);
    // The draft it answered is hidden; the public relations are there.
    const publicRelations = await prisma.eventRelation.findMany({ where: { OR: [{ fromId: id }, { toId: id }], from: { status: "published" }, to: { status: "published" } } });
    expect(body.relations.length + relatedBy.length).toBe(publicRelations.length);
    const answered = await prisma.eventRelation.findFirst({ where: { from: { status: "published" }, to: { status: "published" } }, select: { toId: true, fromId: true, kind: true } });
    expect(answered).not.toBeNull();
    const target = apiEventDetailSchema.parse(await (await getEvent(answered!.toId)).json());
    expect(target.relatedBy).toContainEqual({ kind: answered!.kind, eventId: answered!.fromId });
  });

  it("answers 404 in the error shape for a draft, a missing id or a malformed one", async () => {
    for (const id of [ids.get("US expels 10 Russian diplomats")!, 999_999, "abc", "0", "1e3"]) {
      const response = await getEvent(id);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
  });
});

describe("actors, event types and the OpenAPI document", () => {
  it("lists every actor in pages, with values the filters accept", async () => {
    const all = await prisma.actor.count();
    const seen: number[] = [];
    let url: string | null = "/api/v1/actors?limit=7";
    while (url) {
      const body = actorListSchema.parse(await (await call(actorsGET, url.replace(ORIGIN, ""), fresh())).json());
      seen.push(...body.data.map((a) => a.id));
      url = body.links.next;
    }
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
    const first = actorListSchema.parse(await (await call(actorsGET, "/api/v1/actors", fresh())).json()).data;
    for (const actor of first.slice(0, 5)) expect((await call(eventsGET, `/api/v1/events?actor=${actor.filterValue}`, fresh())).status).toBe(200);
    expect((await call(actorsGET, "/api/v1/actors?limit=1001", fresh())).status).toBe(400);
    expect((await call(actorsGET, "/api/v1/actors?cursor=x", fresh())).status).toBe(400);
  });

  it("lists the event types", async () => {
    const body = eventTypeListSchema.parse(await (await call(eventTypesGET, "/api/v1/event-types", fresh())).json());
    expect(body.data.map((t) => t.slug)).toEqual(EVENT_TYPES.map((t) => t.slug));
  });

  it("serves the OpenAPI document", async () => {
    const doc = (await (await call(openapiGET, "/api/v1/openapi.json", fresh())).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/events");
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After past the limit, per client", async () => {
    process.env.DEMARCHE_API_RATE_LIMIT = "3";
    try {
      const me = { "X-Forwarded-For": "192.0.2.10" };
      for (let i = 0; i < 3; i++) {
        const ok = await call(eventTypesGET, "/api/v1/event-types", me);
        expect(ok.status).toBe(200);
        expect(ok.headers.get("x-ratelimit-remaining")).toBe(String(2 - i));
      }
      const refused = await call(eventsGET, "/api/v1/events", me);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect((await errorOf(refused)).code).toBe("rate_limited");
      expect((await call(eventTypesGET, "/api/v1/event-types", { "X-Forwarded-For": "192.0.2.11" })).status).toBe(200);
    } finally {
      delete process.env.DEMARCHE_API_RATE_LIMIT;
    }
  });

  it("is shared by every instance on the database, and a new window starts afresh", async () => {
    const other = createPrismaClient();
    try {
      const config = { limit: 4, windowMs: 60_000 };
      const now = new Date("2030-01-01T00:00:10Z");
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await hitRateLimit(i % 2 === 0 ? prisma : other, "198.51.100.7", config, now));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, false]);
      expect(results[4]!.retryAfterSeconds).toBe(50);
      const next = await hitRateLimit(other, "198.51.100.7", config, new Date("2030-01-01T00:01:00Z"));
      expect(next).toMatchObject({ allowed: true, remaining: 3 });
      // The past window's rows are gone.
      expect(await prisma.apiRateLimit.count({ where: { windowStart: { lt: new Date("2030-01-01T00:01:00Z") } } })).toBe(0);
      // At once, from both instances: every request is counted once.
      const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => hitRateLimit(i % 2 ? prisma : other, "198.51.100.8", config, now)));
      expect(burst.filter((r) => r.allowed)).toHaveLength(4);
    } finally {
      await other.$disconnect();
    }
  });
});
