import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomFeed, jsonFeed } from "@/lib/reach/feed";
import { snapshot } from "@/lib/reach/test-snapshot";

const input = { events: [snapshot(), snapshot({ id: 8, datePrecision: "month", date: "2020-12", dateStart: "2020-12-01", dateEnd: "2020-12-31" })], origin: "https://d.example", query: "initiator=ru", description: "2 events · Russia → anyone" };

describe("atomFeed", () => {
  it("is well-formed XML whatever the event text holds, with escaped HTML", () => {
    const xml = atomFeed(input);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "entry" || n === "link" }).parse(xml) as {
      feed: { id: string; link: { "@_rel": string; "@_href": string }[]; entry: { id: string; title: { "#text": string }; content: { "#text": string }; updated: string; published: string }[] };
    };
    expect(doc.feed.id).toBe("https://d.example/?initiator=ru");
    expect(doc.feed.link.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe("https://d.example/feed.atom?initiator=ru");
    const [first, second] = doc.feed.entry;
    expect(first!.id).toBe("https://d.example/events/7");
    expect(first!.title["#text"]).toBe("A &lt;b&gt;bold&lt;/b&gt; ]]&gt; &amp; title");
    expect(first!.content["#text"]).not.toContain("<script>");
    expect(first!.content["#text"]).not.toContain("javascript:");
    expect(first!.content["#text"]).toContain('href="https://example.org/a?b=1&amp;c=2"');
    expect(first!.content["#text"]).toContain("15 April 2021 · Diplomatic expulsion");
    expect(first!.updated).toBe("2021-04-16T10:00:00.000Z");
    expect(first!.published).toBe("2021-04-15T10:00:00.000Z");
    expect(second!.content["#text"]).toContain("December 2020 · ");
  });
});

describe("jsonFeed", () => {
  it("is JSON Feed 1.1 with its required fields and plain-text titles", () => {
    const feed = JSON.parse(jsonFeed(input)) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Demarche: 2 events · Russia → anyone");
    expect(feed.feed_url).toBe("https://d.example/feed.json?initiator=ru");
    expect(feed.author).toBeUndefined();
    expect(feed.authors).toEqual([{ name: "Demarche", url: "https://d.example" }]);
    expect(feed.items).toHaveLength(2);
    const item = feed.items[0]!;
    expect(item.id).toBe("https://d.example/events/7");
    expect(item.title).toBe("A <b>bold</b> ]]> & title");
    expect(typeof item.content_html).toBe("string");
    expect(item.date_modified).toBe("2021-04-16T10:00:00.000Z");
    expect(item._demarche).toMatchObject({ event_id: 7, date: "2021-04-15", date_precision: "day", initiators: ["Russia"], targets: ["United States"] });
  });
});
