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

describe("parseTimelineFilters, parameter by parameter", () => {
  const parse = (q: string) => parseTimelineFilters(new URLSearchParams(q));

  it("folds the search into at most ten distinct words", () => {
    const { filters } = parse("q=Gençoğlu+GENCOGLU+S-400&q=more");
    expect(filters.q).toBe("Gençoğlu GENCOGLU S-400 more");
    expect(filters.words).toEqual(["gencoglu", "s", "400", "more"]);
    expect(parse(`q=${Array.from({ length: 15 }, (_, i) => `w${i}`).join("+")}`).filters.words).toHaveLength(10);
  });

  it("reads dates at every precision and reports extra or invalid ones", () => {
    expect(parse("from=2021&to=2021-04-15").filters).toMatchObject({
      from: { precision: "year", start: "2021-01-01" },
      to: { precision: "day", end: "2021-04-15" },
    });
    const extra = parse("from=2020&from=2021");
    expect(extra.filters.from?.value).toBe("2020");
    expect(extra.problems).toEqual([expect.objectContaining({ param: "from", value: "2021" })]);
    for (const bad of ["21", "2021-13", "2021-04-31", "April", "2021/04"]) {
      const { filters, problems } = parse(`to=${encodeURIComponent(bad)}`);
      expect(filters.to, bad).toBeNull();
      expect(problems[0]?.message, bad).toMatch(/"to" ignored/);
    }
  });

  it("lowercases actor references and accepts slugs and ISO codes in every role", () => {
    const { filters, problems } = parse("actor=Czech-Republic&initiator=US&target=ru&target=ru&tag=S-400");
    expect(filters).toMatchObject({ actors: ["czech-republic"], initiators: ["us"], targets: ["ru"], tags: ["s-400"] });
    expect(problems).toEqual([]);
    for (const [param, value] of [["actor", "..."], ["target", "%25%25"], ["tag", "a%20b"]]) {
      const bad = parse(`${param}=${value}`);
      expect(bad.problems[0]?.param).toBe(param);
      expect(bad.problems[0]?.message).toMatch(/not a valid/);
    }
  });

  it("accepts an actor alias as typed, in its folded slug shape", () => {
    const { filters, problems } = parse("actor=U.S.&initiator=the%20Kremlin&target=T%C3%BCrkiye&target=C%C3%B4te%20d%E2%80%99Ivoire");
    expect(filters).toMatchObject({ actors: ["us"], initiators: ["kremlin"], targets: ["türkiye", "cote-divoire"] });
    expect(problems).toEqual([]);
  });

  it("keeps legal bases as given, whitespace collapsed", () => {
    expect(parse("basis=CAATSA++Section+231&basis=Executive+Order+14024").filters.bases).toEqual([
      "CAATSA Section 231",
      "Executive Order 14024",
    ]);
  });

  it("knows both sort orders", () => {
    expect(parse("sort=oldest").filters.sort).toBe("oldest");
    expect(parse("sort=newest").filters.sort).toBe("newest");
    expect(parse("sort=OLDEST").problems[0]?.message).toMatch(/Unknown sort order/);
  });

  it("says whether anything narrows the view (sort alone does not)", () => {
    expect(hasActiveFilters(parse("sort=oldest").filters)).toBe(false);
    for (const q of ["q=x", "from=2020", "to=2020", "type=meeting", "actor=us", "initiator=us", "target=us", "tag=x", "basis=x"]) {
      expect(hasActiveFilters(parse(q).filters), q).toBe(true);
    }
  });
});
