import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as atomGET } from "@/app/feed.atom/route";
import { GET as jsonGET } from "@/app/feed.json/route";
import { prisma } from "@/lib/db";
import { NO_FILTERS } from "@/lib/timeline/resolve";
import { recentlyChangedIds } from "@/lib/reach/recent";
import { resolveTimelineQuery } from "@/lib/timeline/page-data";
import { loadExamples } from "./example-data";
import { call, newestChanged, ORIGIN, pageIds, REFUSED_QUERIES, VIEW_QUERIES } from "./reach-helpers";

beforeAll(async () => {
  await loadExamples(prisma);
  // Change times that differ from the load order, so "newest change first" is tested.
  const events = await prisma.event.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const [i, e] of events.entries()) {
    await prisma.event.update({ where: { id: e.id }, data: { updatedAt: new Date(Date.UTC(2025, 0, 1) + ((i * 7) % events.length) * 60_000) } });
  }
});

type HtmlText = { "#text": string; "@_type": string };
type AtomEntry = { id: string; title: HtmlText; updated: string; content: HtmlText };

async function atom(query: string) {
  const response = await call(atomGET, `/feed.atom${query ? `?${query}` : ""}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/atom+xml");
  const text = await response.text();
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(text) as {
    feed: { id: string; title: string; updated: string; entry?: AtomEntry[] };
  };
  return { response, feed: doc.feed, entries: doc.feed.entry ?? [] };
}

type JsonFeed = {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: { id: string; url: string; title: string; content_html?: string; content_text?: string; date_modified: string; _demarche: { event_id: number } }[];
};

async function json(query: string) {
  const response = await call(jsonGET, `/feed.json${query ? `?${query}` : ""}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/feed+json");
  return { response, feed: (await response.json()) as JsonFeed };
}

const idOf = (link: string) => Number(/\/events\/(\d+)$/.exec(link)?.[1]);

describe("the Atom and JSON feeds", () => {
  it.each(VIEW_QUERIES)("list the page's events for ?%s, newest change first", async (query) => {
    const expected = await newestChanged(query, 50);
    expect(expected.length).toBeGreaterThan(0);
    const { entries, feed } = await atom(query);
    expect(entries.map((e) => idOf(e.id))).toEqual(expected);
    expect(feed.id).toBe(`${ORIGIN}/${query ? `?${(await resolveTimelineQuery(query)).query}` : ""}`);
    // Newest change first, and the feed's own update time is its newest entry's.
    const times = entries.map((e) => Date.parse(e.updated));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(Date.parse(feed.updated)).toBe(times[0]);
    // The same events as the page, as a set (the page orders by date, the feed by change).
    expect(new Set(entries.map((e) => idOf(e.id)))).toEqual(new Set((await pageIds(query)).slice(0, 50)));

    const { feed: jf } = await json(query);
    expect(jf.version).toBe("https://jsonfeed.org/version/1.1");
    expect(typeof jf.title).toBe("string");
    for (const item of jf.items) {
      expect(typeof item.id).toBe("string");
      expect(typeof (item.content_html ?? item.content_text)).toBe("string");
      expect(item.url).toBe(item.id);
    }
    expect(jf.items.map((i) => i._demarche.event_id)).toEqual(expected);
  });

  it("says what each entry is: title, date at its precision, type, who acted on whom, sources, link", async () => {
    const event = await prisma.event.findFirstOrThrow({
      where: { title: "Russia orders 10 US diplomats to leave" },
      select: { id: true },
    });
    const { entries } = await atom("initiator=ru&target=us");
    const entry = entries.find((e) => idOf(e.id) === event.id)!;
    expect(entry.title["@_type"]).toBe("html");
    expect(entry.title["#text"]).toBe("Russia orders 10 US diplomats to leave");
    expect(entry.content["#text"]).toContain("16 April 2021");
    expect(entry.content["#text"]).toContain("Russia, Sergey Lavrov → United States");
    expect(entry.content["#text"]).toContain(`${ORIGIN}/events/${event.id}`);
    expect(entry.content["#text"]).toContain("<a href=\"https://www.irishexaminer.com/");
    const month = await prisma.event.findFirstOrThrow({ where: { datePrecision: "month", status: "published" }, select: { id: true } });
    const all = await atom("");
    const monthEntry = all.entries.find((e) => idOf(e.id) === month.id)!;
    expect(monthEntry.content["#text"]).not.toMatch(/<strong>\d{1,2} /);
  });

  it("puts a correction first and changes the validators", async () => {
    const first = await atom("");
    const last = first.entries.at(-1)!;
    await prisma.event.update({ where: { id: idOf(last.id) }, data: { summary: "Corrected summary." } });
    const second = await atom("");
    expect(idOf(second.entries[0]!.id)).toBe(idOf(last.id));
    expect(second.response.headers.get("etag")).not.toBe(first.response.headers.get("etag"));
    expect(second.entries[0]!.content["#text"]).toContain("Corrected summary.");
  });

  it("answers 304 to a current ETag or Last-Modified, 200 otherwise", async () => {
    for (const handler of [atomGET, jsonGET]) {
      const path = handler === atomGET ? "/feed.atom?initiator=ru" : "/feed.json?initiator=ru";
      const first = await call(handler, path);
      const etag = first.headers.get("etag")!;
      const lastModified = first.headers.get("last-modified")!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
      const byTag = await call(handler, path, { "If-None-Match": etag });
      expect(byTag.status).toBe(304);
      expect(await byTag.text()).toBe("");
      expect(byTag.headers.get("etag")).toBe(etag);
      expect((await call(handler, path, { "If-Modified-Since": lastModified })).status).toBe(304);
      expect((await call(handler, path, { "If-None-Match": '"other"' })).status).toBe(200);
      expect((await call(handler, path, { "If-Modified-Since": new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
    }
  });

  it.each(REFUSED_QUERIES)("refuses ?%s with a 400 naming %s", async (query, value) => {
    for (const handler of [atomGET, jsonGET]) {
      const response = await call(handler, `/feed.${handler === atomGET ? "atom" : "json"}?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string; problems: { value: string }[] } };
      expect(body.error.code).toBe("invalid_filter");
      expect(body.error.message).toContain(value);
      expect(body.error.problems.map((p) => p.value)).toContain(value);
    }
  });
});

describe("recentlyChangedIds", () => {
  it("gives the same answer by either strategy (small view read whole, large view walked)", async () => {
    for (const query of VIEW_QUERIES) {
      const { resolved } = await resolveTimelineQuery(query);
      for (const limit of [1, 3, 50]) expect(await recentlyChangedIds(resolved, limit)).toEqual(await newestChanged(query, limit));
    }
    expect(await recentlyChangedIds(NO_FILTERS, 2)).toEqual(await newestChanged("", 2));
  });
});
