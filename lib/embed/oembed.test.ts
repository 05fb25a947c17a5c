import { describe, expect, it } from "vitest";
import { demarchePageOf, oembedParams, oembedQuerySchema } from "@/lib/embed/oembed";
import { fitSize, iframeSnippet, oembedEndpoint } from "@/lib/embed/snippet";

const ORIGIN = "https://demarche.example";

describe("demarchePageOf", () => {
  it("recognises the timeline with its filters and an event, also as their embeds", () => {
    expect(demarchePageOf(`${ORIGIN}/?initiator=ru&target=us`, ORIGIN)).toEqual({ kind: "timeline", search: "initiator=ru&target=us" });
    expect(demarchePageOf(`${ORIGIN}`, ORIGIN)).toEqual({ kind: "timeline", search: "" });
    expect(demarchePageOf(`${ORIGIN}/embed?type=sanctions-imposed&cursor=2021-01-01_4`, ORIGIN)).toEqual({ kind: "timeline", search: "type=sanctions-imposed" });
    expect(demarchePageOf(`${ORIGIN}/events/12`, ORIGIN)).toEqual({ kind: "event", id: 12 });
    expect(demarchePageOf(`${ORIGIN}/events/12/`, ORIGIN)).toEqual({ kind: "event", id: 12 });
    expect(demarchePageOf(`${ORIGIN}/embed/events/7#chain`, ORIGIN)).toEqual({ kind: "event", id: 7 });
  });

  it("refuses other origins, other pages and things that are not URLs", () => {
    for (const url of [
      "https://evil.example/?type=statement",
      "http://demarche.example/events/1",
      "https://demarche.example:444/events/1",
      "https://user:pw@demarche.example/events/1",
      `${ORIGIN}/events/0`,
      `${ORIGIN}/events/abc`,
      `${ORIGIN}/events/1/edit`,
      `${ORIGIN}/admin`,
      `${ORIGIN}/login`,
      `${ORIGIN}/matrix`,
      "/events/1",
      "javascript:alert(1)",
      "not a url",
    ]) {
      expect(demarchePageOf(url, ORIGIN), url).toBeNull();
    }
  });
});

describe("oembedQuerySchema", () => {
  const parse = (q: string) => oembedQuerySchema.safeParse(oembedParams(new URLSearchParams(q)));

  it("accepts a URL with optional sizes and format", () => {
    expect(parse(`url=${encodeURIComponent(ORIGIN)}&maxwidth=400&maxheight=300&format=json`)).toMatchObject({
      success: true,
      data: { url: ORIGIN, maxwidth: 400, maxheight: 300, format: "json" },
    });
    expect(parse(`url=${encodeURIComponent(ORIGIN)}&maxwidth=&format=`)).toMatchObject({ success: true, data: { maxwidth: undefined, format: undefined } });
  });

  it("refuses a missing or too long url and sizes that are not positive whole numbers", () => {
    for (const q of ["", "url=", `url=${"a".repeat(2049)}`, "url=x&maxwidth=0", "url=x&maxwidth=-5", "url=x&maxwidth=12.5", "url=x&maxheight=abc", "url=x&maxheight=100000"]) {
      expect(parse(q).success, q).toBe(false);
    }
  });
});

describe("snippets and sizes", () => {
  it("never exceeds maxwidth/maxheight and keeps the default otherwise", () => {
    expect(fitSize("timeline", {})).toEqual({ width: 600, height: 700 });
    expect(fitSize("timeline", { width: 320, height: 2000 })).toEqual({ width: 320, height: 700 });
    expect(fitSize("event", { height: 200 })).toEqual({ width: 600, height: 200 });
  });

  it("escapes the frame's address and title", () => {
    const snippet = iframeSnippet({ src: `${ORIGIN}/embed?q=a&type=statement`, title: 'Say "hi" <b>', width: 600, height: 700 });
    expect(snippet).toContain(`src="${ORIGIN}/embed?q=a&amp;type=statement"`);
    expect(snippet).toContain('title="Say &quot;hi&quot; &lt;b&gt;"');
    expect(snippet).toMatch(/^<iframe [^>]*width="600" height="700"[^>]*sandbox="allow-scripts[^"]*"><\/iframe>$/);
  });

  it("builds the discovery address with the page URL encoded", () => {
    expect(oembedEndpoint(ORIGIN, `${ORIGIN}/?a=1&b=2`)).toBe(`${ORIGIN}/api/oembed?url=https%3A%2F%2Fdemarche.example%2F%3Fa%3D1%26b%3D2&format=json`);
  });
});
