import { describe, expect, it } from "vitest";
import { EMPTY_FILTERS, hasActiveFilters, parseTimelineFilters, serializeTimelineFilters } from "./filters";

const parse = (query: string) => parseTimelineFilters(new URLSearchParams(query));

describe("parseTimelineFilters", () => {
  it("gives the empty filter for an empty query", () => {
    expect(parse("")).toEqual({ filters: EMPTY_FILTERS, problems: [] });
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
  });

  it("reads every parameter", () => {
    const { filters, problems } = parse(
      "q=Gençoğlu+CAATSA&from=2020-12&to=2021&type=sanctions-imposed&type=designation&actor=turkey" +
        "&initiator=US&target=ru&tag=s-400&basis=CAATSA+Section+231&sort=oldest",
    );
    expect(problems).toEqual([]);
    expect(filters).toMatchObject({
      q: "Gençoğlu CAATSA",
      words: ["gencoglu", "caatsa"],
      types: ["sanctions-imposed", "designation"],
      actors: ["turkey"],
      initiators: ["us"],
      targets: ["ru"],
      tags: ["s-400"],
      bases: ["CAATSA Section 231"],
      sort: "oldest",
    });
    expect(filters.from).toMatchObject({ value: "2020-12", start: "2020-12-01" });
    expect(filters.to).toMatchObject({ value: "2021", end: "2021-12-31" });
    expect(hasActiveFilters(filters)).toBe(true);
  });

  it("accepts a plain record of search params as Next.js passes them", () => {
    const { filters } = parseTimelineFilters({ type: ["meeting", "statement"], q: "geneva", unrelated: "x" });
    expect(filters.types).toEqual(["meeting", "statement"]);
    expect(filters.words).toEqual(["geneva"]);
  });

  it("reports and ignores malformed values, never throwing", () => {
    const { filters, problems } = parse("from=2021-02-30&to=soon&type=invasion&type=meeting&sort=random&initiator=<script>");
    expect(filters).toMatchObject({ from: null, to: null, types: ["meeting"], initiators: [], sort: "newest" });
    expect(problems.map((p) => p.param)).toEqual(["from", "to", "type", "initiator", "sort"]);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
  });

  it("ignores a range that ends before it starts", () => {
    const { filters, problems } = parse("from=2021-05&to=2021-04");
    expect(filters.from).toBeNull();
    expect(filters.to).toBeNull();
    expect(problems[0]?.message).toMatch(/ends .* before it starts/);
  });

  it("caps long searches and long lists", () => {
    const { filters, problems } = parse(`q=${"a".repeat(500)}&${Array.from({ length: 25 }, (_, i) => `tag=t${i}`).join("&")}`);
    expect(filters.q).toHaveLength(200);
    expect(filters.tags).toHaveLength(20);
    expect(problems.map((p) => p.param)).toEqual(["q", "tag"]);
  });

  it("round-trips through serializeTimelineFilters", () => {
    const query = "q=s-400&from=2020-12&to=2021-04-16&type=designation&actor=turkey&initiator=us&target=ru&tag=caatsa&basis=EO+14024&sort=oldest";
    const once = parse(query).filters;
    expect(parse(serializeTimelineFilters(once).toString()).filters).toEqual(once);
    expect(serializeTimelineFilters(EMPTY_FILTERS).toString()).toBe("");
  });
});
