import { describe, expect, it } from "vitest";
import { runDraftCli } from "./cli";
import { findTypeCues, findMeasures } from "./cues";
import { IntakeInputError, draftArticle } from "./drafter";
import { findLegalBases } from "./legal";
import type { Draft, DraftContext } from "./types";

const EMPTY: DraftContext = { actors: [], legalBases: [] };
const TODAY = { today: "2026-12-02" };

function draft(text: string, published = "2021-04-29", context = EMPTY): Draft[] {
  return draftArticle({ text, published }, context, TODAY).drafts;
}
const codes = (actors: Draft["initiators"]) => [...new Set(actors.map((a) => a.stateCode ?? a.name))].sort();

describe("type cues and modality", () => {
  it.each([
    ["Russia expelled 10 US diplomats on Friday.", "diplomatic-expulsion"],
    ["Russia declared 20 Czech embassy employees persona non grata on 18 April.", "diplomatic-expulsion"],
    ["On 21 July the State Department ordered China to close its consulate in Houston.", "diplomatic-expulsion"],
    ["Russia recalled its ambassador to Washington last month.", "ambassador-recalled"],
    ["China downgraded diplomatic relations with Lithuania on Sunday.", "ambassador-recalled"],
    ["The United States imposed sanctions on Russia on 15 April.", "sanctions-imposed"],
    ["The EU imposed travel bans and asset freezes on four Chinese officials on 22 March.", "designation"],
    ["Russia barred eight US officials from entering the country on Friday.", "designation"],
    ["Blinken warned on Wednesday that Turkey could face sanctions.", "sanctions-threatened"],
    ["On Tuesday the US threatened Turkey with sanctions.", "sanctions-threatened"],
    ["The EU lifted sanctions on Belarus in February 2016.", "sanctions-eased"],
    ["Turkey's Foreign Ministry condemned the sanctions on Monday.", "statement"],
    ["Biden and Putin met in Geneva on Wednesday.", "meeting"],
    ["Putin signed Decree No. 243 on Friday.", "countermeasure"],
    ["In May, Russia designated the United States and the Czech Republic as \"unfriendly\" countries.", "countermeasure"],
    ["Turkey took delivery of the S-400 missile system in July 2019.", "arms-transfer"],
  ])("%s -> %s", (sentence, type) => {
    const drafts = draft(sentence);
    expect(drafts.map((d) => d.type)).toContain(type);
    expect(drafts[0]?.cues.some((c) => c.field === "type")).toBe(true);
  });

  it("reads no event where the text denies or only considers one", () => {
    expect(draft("Russia did not expel any diplomats on Friday.")).toEqual([]);
    expect(draft("Several governments said on Friday they were considering measures of their own.")).toEqual([]);
  });

  it("names the sanction measures", () => {
    expect(findMeasures("travel bans and asset freezes").map((m) => m.measure).sort()).toEqual(["financial", "travel"]);
    expect(findMeasures("an arms embargo").map((m) => m.measure)).toEqual(["arms"]);
    const [d] = draft("The EU imposed travel bans and asset freezes on four Chinese officials on 22 March.");
    expect(d?.measures.sort()).toEqual(["financial", "travel"]);
    expect(findTypeCues("nothing happened here")).toEqual([]);
  });
});

describe("legal bases", () => {
  it.each([
    ["under Section 231 of the Countering America's Adversaries Through Sanctions Act (CAATSA)", "CAATSA Section 231"],
    ["under CAATSA", "CAATSA"],
    ["Executive Order 14024", "Executive Order 14024"],
    ["E.O. 13818", "Executive Order 13818"],
    ["under the Global Magnitsky Act", "Global Magnitsky Act"],
    ["Council Decision (CFSP) 2022/328", "Council Decision (CFSP) 2022/328"],
    ["Council Regulation (EU) No 269/2014", "Council Regulation (EU) No 269/2014"],
    ["Putin signed Decree No. 243", "Decree No. 243"],
  ])("%s -> %s", (text, basis) => {
    expect(findLegalBases(text).map((b) => b.basis)).toEqual([basis]);
  });

  it("reuses a basis already recorded", () => {
    expect(findLegalBases("Putin signed Decree No. 243 on Friday.", ["Presidential Decree No. 243"]).map((b) => b.basis)).toEqual(["Presidential Decree No. 243"]);
    expect(findLegalBases("sanctions under caatsa section 231", ["CAATSA Section 231"]).map((b) => b.basis)).toEqual(["CAATSA Section 231"]);
  });

  it("puts the basis on the draft", () => {
    const [d] = draft("The United States on Monday imposed sanctions on Turkey's defence agency under Section 231 of CAATSA.", "2020-12-15");
    expect(d).toMatchObject({ type: "sanctions-imposed", date: "2020-12-14", legalBasis: "CAATSA Section 231" });
  });
});

describe("draftArticle", () => {
  const ARTICLE = [
    "US-Russia ties worse than during Cold War",
    "Thursday, 29 April 2021 7:07 AM",
    "On 15 April, the United States expelled 10 Russian diplomats and imposed sanctions on Russia under Executive Order 14024.",
    "Moscow responded in kind on 16 April.",
    "The Russian Foreign Ministry said it would expel 10 US diplomats in retaliation for the American measures.",
    "It also barred eight US officials from entering Russia.",
    "Last month, Russia recalled its ambassador to Washington.",
    "Biden and Putin will meet next month.",
  ].join("\n\n");

  it("drafts each dated event with date, precision, type, initiators and targets", () => {
    const drafts = draft(ARTICLE);
    const rows = drafts.map((d) => [d.date, d.datePrecision, d.type, codes(d.initiators), codes(d.targets), d.planned]);
    expect(rows).toEqual([
      ["2021-04-15", "day", "diplomatic-expulsion", ["US"], ["RU"], false],
      ["2021-04-15", "day", "sanctions-imposed", ["US"], ["RU"], false],
      ["2021-04-16", "day", "diplomatic-expulsion", ["RU"], ["US"], false],
      ["2021-04-16", "day", "designation", ["RU"], ["US"], false],
      ["2021-03", "month", "ambassador-recalled", ["RU"], ["US"], false],
      ["2021-05", "month", "meeting", ["RU", "US"], [], true],
    ]);
    expect(drafts[1]?.legalBasis).toBe("Executive Order 14024");
    expect(drafts[2]?.dateInherited).toBe(true);
    expect(drafts[2]?.notes.join(" ")).toMatch(/inherited/);
    for (const d of drafts) {
      expect(d.evidence.length).toBeGreaterThan(10);
      for (const c of d.cues.filter((c) => c.start >= 0)) expect(d.evidence.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it("offers the tit-for-tat pair as a 'responds to' candidate, never a link", () => {
    const drafts = draft(ARTICLE);
    const reply = drafts[2];
    expect(reply?.respondsTo[0]).toMatchObject({ draftIndex: 0 });
    expect(reply?.respondsTo[0]?.reason).toMatch(/retaliation|swapped/);
    // Candidates only ever point at earlier (or same-day) events.
    for (const d of drafts) for (const c of d.respondsTo) expect(c.date <= d.date || d.date.startsWith(c.date) || c.date.startsWith(d.date)).toBe(true);
  });

  it("offers a swapped pair without a text cue when the types agree and the dates are close", () => {
    const drafts = draft("Britain expelled 23 Russian diplomats on 14 March.\n\nRussia expelled 23 British diplomats on 17 March.", "2018-03-18");
    expect(drafts[1]?.respondsTo.map((c) => c.draftIndex)).toEqual([0]);
    expect(drafts[1]?.respondsTo[0]?.reason).toMatch(/swapped/);
  });

  it("marks spans and deadlines", () => {
    const [a] = draft("The US expelled Russian diplomats last week.");
    expect(a).toMatchObject({ date: "2021-04", datePrecision: "month", dateSpan: { from: "2021-04-19", to: "2021-04-25" } });
    const [b] = draft("On 21 April, Russia declared 10 US embassy employees persona non grata and ordered them to leave by 21 May.");
    expect(b).toMatchObject({ date: "2021-04-21", dateEnd: "2021-05-21", planned: false });
  });

  it("resolves to existing actors with their ids", () => {
    const context: DraftContext = {
      actors: [
        { id: 3, name: "Russia", kind: "state", isoCode: "RU", stateCode: null, aliases: [] },
        { id: 4, name: "Sergey Lavrov", kind: "person", isoCode: null, stateCode: "RU", aliases: [] },
      ],
      legalBases: [],
    };
    const [d] = draft("Foreign Minister Sergei Lavrov condemned the US sanctions on Wednesday.", "2021-04-29", context);
    expect(d?.initiators.map((a) => [a.name, a.actorId])).toEqual([
      ["Russia", 3],
      ["Sergey Lavrov", 4],
    ]);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(draft(ARTICLE))).toBe(JSON.stringify(draft(ARTICLE)));
  });

  it("refuses bad input with an IntakeInputError and says why when it finds nothing", () => {
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof IntakeInputError ? e.code : "other";
      }
      return null;
    };
    expect(err(() => draftArticle({ text: "", published: "2021-04-29" }, EMPTY, TODAY))).toBe("empty");
    expect(err(() => draftArticle({ text: ARTICLE, published: "2031-01-01" }, EMPTY, TODAY))).toBe("future-publication-date");
    expect(err(() => draftArticle({ text: ARTICLE, published: "yesterday" }, EMPTY, TODAY))).toBe("bad-publication-date");
    const foreign = draftArticle({ text: "Rusia expulsó el viernes a diez diplomáticos estadounidenses en respuesta a las sanciones de Washington.", published: "2021-04-29" }, EMPTY, TODAY);
    expect(foreign.drafts).toEqual([]);
    expect(foreign.messages?.[0]).toMatch(/English/);
    const dateless = draftArticle({ text: "Relations between the two countries remain difficult, officials said.", published: "2021-04-29" }, EMPTY, TODAY);
    expect(dateless).toEqual({ drafts: [], messages: ["No dated events were found in the article."] });
  });
});

describe("work bounds", () => {
  it("reads a near-2 MB paste without full stops within the bound and says it stopped", () => {
    const unit = "Russia expelled ten US diplomats on 15 April and the United States imposed sanctions on Russia in 2019 ";
    const started = Date.now();
    const result = draftArticle({ text: unit.repeat(Math.floor(1_900_000 / unit.length)), published: "2021-04-29" }, EMPTY, TODAY);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.drafts.length).toBeGreaterThan(0);
    expect(result.messages?.join(" ")).toMatch(/only its first/);
  }, 30_000);
});

describe("draft CLI", () => {
  function io(stdin = "") {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), readStdin: () => stdin } };
  }

  it("prints only {drafts} on stdout and messages on stderr", async () => {
    const t = io("Russia expelled 10 US diplomats on Friday.");
    expect(await runDraftCli(["-", "--published", "2021-04-29", "--today", "2026-12-02", "--no-db"], t.io)).toBe(0);
    const parsed = JSON.parse(t.out.join("")) as { drafts: Draft[] };
    expect(Object.keys(parsed)).toEqual(["drafts"]);
    expect(parsed.drafts[0]).toMatchObject({ date: "2021-04-23", type: "diplomatic-expulsion" });
    expect(t.err.join("")).toMatch(/1 draft/);
  });

  it("reads the publication date from the dateline when none is given", async () => {
    const t = io("Thursday, 29 April 2021 7:07 AM\n\nRussia expelled 10 US diplomats on Wednesday.");
    expect(await runDraftCli(["-", "--today", "2026-12-02", "--no-db"], t.io)).toBe(0);
    expect((JSON.parse(t.out.join("")) as { drafts: Draft[] }).drafts[0]?.date).toBe("2021-04-28");
  });

  it("exits non-zero on bad input and usage errors, with nothing on stdout", async () => {
    const empty = io("");
    expect(await runDraftCli(["-", "--published", "2021-04-29"], empty.io)).toBe(1);
    expect(empty.out).toEqual([]);
    const missing = io();
    expect(await runDraftCli(["/nonexistent/article.txt", "--published", "2021-04-29"], missing.io)).toBe(1);
    const future = io("Russia expelled 10 US diplomats on Friday.");
    expect(await runDraftCli(["-", "--published", "2099-01-01"], future.io)).toBe(1);
    expect(future.err.join("")).toMatch(/future/);
    const usage = io();
    expect(await runDraftCli([], usage.io)).toBe(2);
    expect(await runDraftCli(["a.txt", "--bogus"], usage.io)).toBe(2);
  });
});
