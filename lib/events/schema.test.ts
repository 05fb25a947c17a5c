import { describe, expect, it } from "vitest";
import { eventInputSchema, type EventInputRaw } from "./schema";
import { buildSearchText } from "./search-text";

const valid: EventInputRaw = {
  title: "US expels 10 Russian diplomats",
  date: "2021-04-15",
  type: "diplomatic-expulsion",
  initiatorIds: [1],
  targetIds: [2],
  sources: [{ url: "https://example.org/a", title: "A" }],
};

function errors(input: Partial<EventInputRaw>): Record<string, string[]> {
  const result = eventInputSchema.safeParse({ ...valid, ...input });
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("eventInputSchema", () => {
  it("accepts a minimal event and fills defaults", () => {
    const parsed = eventInputSchema.parse(valid);
    expect(parsed).toMatchObject({
      title: "US expels 10 Russian diplomats",
      summary: "",
      status: "draft",
      legalBasis: null,
      location: null,
      endDate: null,
      tags: [],
      measures: [],
      relations: [],
    });
    expect(parsed.date).toMatchObject({ precision: "day", start: "2021-04-15", end: "2021-04-15" });
    expect(parsed.sources[0]).toEqual({ url: "https://example.org/a", title: "A", publisher: null, publishedOn: null, archiveUrl: null });
  });

  it("requires a title, a valid date, a known type and an initiator", () => {
    expect(errors({ title: "   " })).toEqual({ title: ["Enter a title."] });
    expect(errors({ date: "2021-02-30" })).toEqual({ date: ["2021-02-30: February 2021 has no day 30."] });
    expect(errors({ date: "April 2021" }).date?.[0]).toMatch(/YYYY-MM/);
    expect(errors({ type: "invasion" as EventInputRaw["type"] })).toEqual({ type: ["Choose an event type."] });
    expect(errors({ initiatorIds: [] })).toEqual({ initiatorIds: ["Add at least one initiator."] });
  });

  it("reports a title over the limit instead of cutting it", () => {
    expect(errors({ title: "x".repeat(300) })).toEqual({});
    expect(errors({ title: "x".repeat(301) }).title?.[0]).toMatch(/at most 300 characters/);
  });

  it("rejects an end before the date", () => {
    expect(errors({ date: "2021-04", endDate: "2021-03-31" })).toEqual({ endDate: ["The end cannot be before the date."] });
    expect(errors({ date: "2021-04", endDate: "2021-04-01" })).toEqual({});
  });

  it("accepts only http and https source URLs, without duplicates", () => {
    expect(errors({ sources: [{ url: "javascript:alert(1)", title: "x" }] })["sources.0.url"]?.[0]).toMatch(/http/);
    expect(errors({ sources: [{ url: "ftp://example.org/x", title: "x" }] })["sources.0.url"]).toBeDefined();
    expect(
      errors({
        sources: [
          { url: "https://example.org/a", title: "A" },
          { url: "https://EXAMPLE.org/a/", title: "again" },
        ],
      }),
    ).toEqual({ "sources.1.url": ["This source is listed twice."] });
    expect(errors({ sources: [{ url: null, title: "" }] })).toEqual({ "sources.0.title": ["A source needs a URL or a title."] });
    expect(errors({ sources: [{ url: null, title: "Press TV, 29 April 2021" }] })).toEqual({});
  });

  it("enforces sensible lengths", () => {
    expect(errors({ title: "x".repeat(301) }).title).toBeDefined();
    expect(errors({ tags: ["x".repeat(81)] })["tags.0"]).toBeDefined();
  });

  it("refuses an actor on both sides", () => {
    expect(errors({ initiatorIds: [1, 2], targetIds: [2] })).toEqual({ targetIds: ["An actor cannot be both initiator and target."] });
  });
});

describe("buildSearchText", () => {
  it("folds everything searchable into one text", () => {
    const text = buildSearchText({
      title: "US sanctions SSB",
      summary: "Under CAATSA",
      legalBasis: "CAATSA Section 231",
      actorNames: ["Serhat Gençoğlu"],
      actorCodes: ["TR", null],
      tags: ["S-400"],
      sources: [{ title: "Janes report", publisher: "Janes" }],
    });
    for (const word of ["ssb", "caatsa section 231", "serhat gencoglu", "tr", "s-400", "janes report"]) {
      expect(text).toContain(word);
    }
  });
});

describe("eventInputSchema, the rules the admin form relies on", () => {
  it("accepts dates at every precision and an end at or after the start", () => {
    expect(eventInputSchema.parse({ ...valid, date: "2019" }).date).toMatchObject({ precision: "year", start: "2019-01-01", end: "2019-12-31" });
    expect(errors({ date: "2021-04", endDate: "2021" })).toEqual({});
    expect(errors({ date: "2021-04-15", endDate: "2021-04-15" })).toEqual({});
    expect(errors({ date: "2021-04-15", endDate: "2021-04-14" })).toEqual({ endDate: ["The end cannot be before the date."] });
    expect(errors({ endDate: "2021-13" })).toEqual({ endDate: ["2021-13: there is no month 13."] });
  });

  it("refuses a relation of an event to itself and the same link twice", () => {
    expect(errors({ id: 7, relations: [{ kind: "responds-to", eventId: 7 }] })).toEqual({
      "relations.0.eventId": ["An event cannot relate to itself."],
    });
    expect(errors({ id: 7, relations: [{ kind: "responds-to", eventId: 3 }, { kind: "responds-to", eventId: 3 }] })).toEqual({
      "relations.1.eventId": ["This link is listed twice."],
    });
    expect(errors({ id: 7, relations: [{ kind: "responds-to", eventId: 3 }, { kind: "follows-up", eventId: 3 }] })).toEqual({});
    expect(errors({ relations: [{ kind: "befriends" as "eases", eventId: 3 }] })).toEqual({
      "relations.0.kind": ["Choose how the events relate."],
    });
  });

  it("limits the length of every text and the number of items", () => {
    expect(errors({ summary: "x".repeat(20_001) }).summary).toEqual(["At most 20000 characters."]);
    expect(errors({ legalBasis: "x".repeat(301) }).legalBasis).toEqual(["At most 300 characters."]);
    expect(errors({ location: "x".repeat(201) }).location).toEqual(["At most 200 characters."]);
    expect(errors({ tags: Array.from({ length: 31 }, (_, i) => `tag ${i}`) }).tags).toEqual(["At most 30 tags."]);
    expect(errors({ sources: [{ url: `https://example.org/${"x".repeat(2_000)}`, title: "long" }] })["sources.0.url"]).toEqual([
      "At most 2000 characters.",
    ]);
    expect(errors({ sources: [{ url: "https://example.org", title: "x".repeat(501) }] })["sources.0.title"]).toEqual(["At most 500 characters."]);
  });

  it("accepts only http and https web addresses with a host, for sources and archived copies", () => {
    expect(errors({ sources: [{ url: "https://example.org/a", title: "A", archiveUrl: "data:text/html,hi" }] })["sources.0.archiveUrl"]).toBeDefined();
    expect(errors({ sources: [{ url: "http://", title: "A" }] })["sources.0.url"]).toBeDefined();
    expect(errors({ sources: [{ url: "example.org/a", title: "A" }] })["sources.0.url"]).toBeDefined();
    expect(errors({ sources: [{ url: "HTTPS://example.org/a", title: "A" }] })).toEqual({});
  });

  it("trims texts and turns empty optional ones into nothing", () => {
    const parsed = eventInputSchema.parse({ ...valid, title: "  Spaced  ", legalBasis: "  ", location: " Moscow " });
    expect(parsed).toMatchObject({ title: "Spaced", legalBasis: null, location: "Moscow" });
  });
});
