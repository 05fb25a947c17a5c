/**
 * The rules added in the accuracy round (docs/decisions/0011): incidents of type "other",
 * roles (relative clauses, summoning, incidents' targets, "it" after a time phrase), the
 * other party of a statement, "their own" measures, spans that keep events apart,
 * durations that are not dates, and "answering" as a response cue.
 */
import { describe, expect, it } from "vitest";
import { findTypeCues } from "./cues";
import { findDates } from "./dates";
import { dayOutsideSpan, draftArticle } from "./drafter";
import { parseCalendarDay } from "./calendar";
import type { Draft } from "./types";

function draft(text: string, published = "2021-04-29"): Draft[] {
  return draftArticle({ text, published }, { actors: [], legalBases: [] }, { today: "2026-12-02" }).drafts;
}
const codes = (actors: Draft["initiators"]) => [...new Set(actors.map((a) => a.stateCode ?? a.isoCode ?? a.name))].sort();
const brief = (d: Draft | undefined) => d && { date: d.date, type: d.type, initiators: codes(d.initiators), targets: codes(d.targets) };

describe("incidents of type other", () => {
  it.each([
    ["Russia's invasion of Ukraine on 24 February changed everything.", "2022-02-24", ["RU"], ["UA"]],
    ["In October 2020, Turkey test-fired the system near the Black Sea coast.", "2020-10", ["TR"], []],
    ["Italian police arrested a navy captain on Tuesday as he handed classified documents to a Russian officer.", "2022-04-26", ["IT"], ["RU"]],
  ])("%s", (sentence, date, initiators, targets) => {
    const found = draft(sentence, "2022-04-28").find((d) => d.type === "other");
    expect(brief(found)).toEqual({ date, type: "other", initiators, targets });
  });

  it("drafts an incident that names no actor when its own clause dates it", () => {
    const drafts = draft("Poland has backed sanctions against Moscow since the annexation of Crimea in March 2014.");
    expect(brief(drafts.find((d) => d.type === "other"))).toEqual({ date: "2014-03", type: "other", initiators: [], targets: [] });
  });

  it("lets a typed cue of the same clause win, and needs a date", () => {
    expect(draft("Russia expelled the diplomats on Friday, the day Britain said it had arrested a spy with classified documents.").map((d) => d.type)).toEqual(["diplomatic-expulsion"]);
    expect(draft("The poisoning of the former spy shocked Britain.")).toEqual([]);
    // An arrest is an incident only when it is about spying, not any arrest.
    expect(findTypeCues("Police arrested two protesters on Sunday").map((c) => c.type)).toEqual([]);
  });

  it("gives the invasion's target, not what the sentence goes on about", () => {
    const found = draft("Russia's invasion of Ukraine on 24 February has turned Germany's policy upside down.", "2022-04-26");
    expect(brief(found[0])).toEqual({ date: "2022-02-24", type: "other", initiators: ["RU"], targets: ["UA"] });
  });
});

describe("roles", () => {
  it("a relative clause's antecedent acts: '…the United States, which announced sanctions'", () => {
    const drafts = draft("Warsaw said it was acting in solidarity with the United States, which announced sanctions against Russia on 15 April.");
    expect(brief(drafts.find((d) => d.type === "sanctions-imposed"))).toEqual({ date: "2021-04-15", type: "sanctions-imposed", initiators: ["US"], targets: ["RU"] });
  });

  it("whoever summons acts; whose ambassador is summoned is the target", () => {
    const drafts = draft("Russia on Monday declared 40 German diplomats persona non grata. The ministry summoned Germany's ambassador to hand him a note of protest.", "2022-04-26");
    expect(brief(drafts.find((d) => d.type === "statement"))).toEqual({ date: "2022-04-25", type: "statement", initiators: ["RU"], targets: ["DE"] });
  });

  it("'Last week it ordered…' takes the previous sentence's subject, and 'ordered … out' is an expulsion", () => {
    const drafts = draft("Moscow has answered most of the expulsions in kind. Last week it ordered 45 Polish diplomats out, and on Monday it also told four Swedish diplomats to leave.", "2022-04-26");
    expect(drafts.map(brief)).toEqual([
      { date: "2022-04", type: "diplomatic-expulsion", initiators: ["RU"], targets: ["PL"] },
      { date: "2022-04-25", type: "diplomatic-expulsion", initiators: ["RU"], targets: ["SE"] },
    ]);
  });

  it("'followed with their own expulsions' takes the previous draft's targets", () => {
    const drafts = draft("Lithuania ordered the Russian ambassador to leave on 4 April. Italy and Spain followed with their own expulsions on 5 April.", "2022-04-26");
    expect(brief(drafts[1])).toEqual({ date: "2022-04-05", type: "diplomatic-expulsion", initiators: ["ES", "IT"], targets: ["RU"] });
  });
});

describe("the other party of a statement", () => {
  it("a statement with no target of its own is aimed at the article's other party", () => {
    const drafts = draft("On Wednesday Italy expelled two Russian officials. Kremlin spokesman Dmitry Peskov said on Wednesday that Moscow regretted the decision.", "2021-04-03");
    const statement = drafts.find((d) => d.type === "statement");
    expect(brief(statement)).toEqual({ date: "2021-03-31", type: "statement", initiators: ["RU"], targets: ["IT"] });
    expect(statement?.notes.join(" ")).toMatch(/other party/);
  });

  it("an announcement keeps no target", () => {
    const drafts = draft("Russia expelled ten US diplomats on Friday. The White House announced the summit on Tuesday.");
    expect(drafts.find((d) => d.type === "statement")?.targets).toEqual([]);
  });

  it("offers the step a statement reacts to, by the party it targets", () => {
    const drafts = draft("Russia on Monday declared 40 German diplomats persona non grata. Baerbock said on Monday that the Russian step was unjustified.", "2022-04-26");
    const statement = drafts.findIndex((d) => d.type === "statement");
    expect(brief(drafts[statement])).toEqual({ date: "2022-04-25", type: "statement", initiators: ["DE"], targets: ["RU"] });
    expect(drafts[statement]?.respondsTo.map((c) => c.draftIndex)).toContain(0);
  });
});

describe("dates", () => {
  it("a day outside a span is another event: 'last week' then 'on Monday'", () => {
    expect(dayOutsideSpan({ date: "2020-05-18", datePrecision: "day" }, { dateSpan: { from: "2020-05-11", to: "2020-05-17", text: "last week" } })).toBe(true);
    expect(dayOutsideSpan({ date: "2020-05-12", datePrecision: "day" }, { dateSpan: { from: "2020-05-11", to: "2020-05-17", text: "last week" } })).toBe(false);
    const drafts = draft("China on Monday imposed duties on Australian barley. Last week, China suspended beef imports from Australia.", "2020-05-19");
    expect(drafts.map((d) => d.date)).toEqual(["2020-05-18", "2020-05"]);
  });

  it.each(["to leave within two weeks", "occupied the town for a month", "to leave the country within 24 hours", "in 48 hours"])("'%s' is a duration, not a date", (phrase) => {
    expect(findDates(`Russia ordered the diplomats ${phrase}.`, { published: parseCalendarDay("2022-04-26")!, futureTense: false, anchor: null, monthAnchor: null })).toEqual([]);
  });
});

describe("response cues", () => {
  it("'answering Italy's expulsion' names the earlier event, whose actor is not this one's", () => {
    const drafts = draft("Russia on Friday ordered an Italian naval attaché to leave the country, answering Italy's expulsion of two Russian officials on Wednesday.", "2021-04-03");
    expect(brief(drafts[0])).toEqual({ date: "2021-04-02", type: "diplomatic-expulsion", initiators: ["RU"], targets: ["IT"] });
    expect(drafts[0]?.respondsTo.map((c) => c.draftIndex)).toContain(1);
    expect(brief(drafts[1])).toEqual({ date: "2021-03-31", type: "diplomatic-expulsion", initiators: ["IT"], targets: ["RU"] });
  });
});

describe("statement cues beside typed cues", () => {
  it("keeps a statement whose own date stands between it and the typed cue", () => {
    const drafts = draft("The White House announced the meeting on 25 May, after Blinken and Lavrov held talks on 19 May.", "2021-06-17");
    expect(drafts.map((d) => [d.type, d.date])).toEqual([
      ["statement", "2021-05-25"],
      ["meeting", "2021-05-19"],
    ]);
  });

  it("still lets the typed cue win within one dated report", () => {
    expect(draft("On Monday the United States accused Turkey of defying it and imposed sanctions on Ankara.").map((d) => d.type)).toEqual(["sanctions-imposed"]);
  });
});

describe("more cues and roles", () => {
  it("'has adopted five packages of sanctions' imposes sanctions", () => {
    expect(findTypeCues("the European Union has since adopted five packages of sanctions against Russia").map((c) => c.type)).toEqual(["sanctions-imposed"]);
  });

  it("a place before ', where' is no party to the incident", () => {
    const found = draft("Britain, where Sergei Skripal and his daughter were poisoned on 4 March, is angry.", "2018-03-24").find((d) => d.type === "other");
    expect(brief(found)).toEqual({ date: "2018-03-04", type: "other", initiators: [], targets: [] });
  });

  it("'EU foreign ministers are to meet in May': the EU meets", () => {
    const found = draft("EU foreign ministers are to meet in Luxembourg in May to discuss a sixth package.", "2022-04-26").find((d) => d.type === "meeting");
    expect(brief(found)).toEqual({ date: "2022-05", type: "meeting", initiators: ["European Union"], targets: [] });
  });
});
