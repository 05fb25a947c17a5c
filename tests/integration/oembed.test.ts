import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as oembed } from "@/app/api/oembed/route";
import { GET as embedTimeline } from "@/app/embed/route";
import { loadTimelinePage } from "@/lib/timeline/page-data";
import { loadExamples } from "./example-data";

const ORIGIN = "http://demarche.test";

beforeAll(async () => {
  await loadExamples(prisma);
});

async function ask(params: Record<string, string>): Promise<Response> {
  return oembed(new Request(`${ORIGIN}/api/oembed?${new URLSearchParams(params).toString()}`, { headers: { host: "demarche.test" } }));
}

type Rich = { type: string; version: string; html: string; width: number; height: number; title: string; provider_name: string; provider_url: string };

const srcOf = (html: string) => /src="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "";

describe("oEmbed", () => {
  it("answers a timeline URL with filters with a rich iframe of the same view", async () => {
    const response = await ask({ url: `${ORIGIN}/?target=us&initiator=ru`, format: "json" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as Rich;
    const page = await loadTimelinePage("initiator=ru&target=us");
    expect(page.view.total).toBeGreaterThan(0);
    expect(body).toMatchObject({ type: "rich", version: "1.0", provider_name: "Demarche", provider_url: `${ORIGIN}/`, title: page.summary, width: 600, height: 700 });
    expect(body.html).toMatch(/^<iframe [^>]*width="600" height="700"/);
    const src = srcOf(body.html);
    expect(src).toBe(`${ORIGIN}/embed?${page.query}`);
    // The frame shows the page's events.
    const frame = await (await embedTimeline(new Request(src, { headers: { host: "demarche.test" } }))).text();
    expect([...frame.matchAll(/data-event-id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(page.view.events.map((e) => e.id).slice(0, 20));
  });

  it("answers an event URL with the event's embed and respects maxwidth and maxheight", async () => {
    const event = await prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true, title: true } });
    const body = (await (await ask({ url: `${ORIGIN}/events/${event.id}`, maxwidth: "320", maxheight: "240" })).json()) as Rich;
    expect(body).toMatchObject({ type: "rich", title: event.title, width: 320, height: 240 });
    expect(srcOf(body.html)).toBe(`${ORIGIN}/embed/events/${event.id}`);
    expect(body.html).toContain('width="320" height="240"');
    const big = (await (await ask({ url: `${ORIGIN}/events/${event.id}`, maxwidth: "5000", maxheight: "5000" })).json()) as Rich;
    expect(big.width).toBeLessThanOrEqual(5000);
    expect(big).toMatchObject({ width: 600, height: 560 });
  });

  it("answers 404 for foreign, unknown and non-embeddable URLs", async () => {
    for (const url of [
      "https://evil.example/?type=statement",
      "http://demarche.test.evil.example/events/1",
      `${ORIGIN}/events/999999`,
      `${ORIGIN}/admin`,
      `${ORIGIN}/login?next=/`,
      "not a url",
    ]) {
      const response = await ask({ url });
      expect(response.status, url).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    const draft = await prisma.event.findFirst({ where: { status: "draft" }, select: { id: true } });
    if (draft) expect((await ask({ url: `${ORIGIN}/events/${draft.id}` })).status).toBe(404);
  });

  it("answers 501 for XML and other formats", async () => {
    for (const format of ["xml", "XML", "yaml"]) expect((await ask({ url: `${ORIGIN}/`, format })).status, format).toBe(501);
    expect((await ask({ url: `${ORIGIN}/`, format: "JSON" })).status).toBe(200);
  });

  it("answers 400 for missing or bad parameters and for unknown filter values", async () => {
    expect((await ask({})).status).toBe(400);
    expect((await ask({ url: "" })).status).toBe(400);
    expect((await ask({ url: `${ORIGIN}/`, maxwidth: "wide" })).status).toBe(400);
    expect((await ask({ url: `${ORIGIN}/`, maxheight: "-1" })).status).toBe(400);
    expect((await ask({ url: `${ORIGIN}/${"x".repeat(3000)}` })).status).toBe(400);
    const unknown = await ask({ url: `${ORIGIN}/?initiator=zz` });
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { error: { code: string; problems: { param: string; value: string }[] } };
    expect(body.error.code).toBe("bad_filter");
    expect(body.error.problems).toContainEqual(expect.objectContaining({ param: "initiator", value: "zz" }));
  });
});
