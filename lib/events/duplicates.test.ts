import { describe, expect, it } from "vitest";
import { daysBefore, duplicateKey, isLikelyDuplicate, scoreDuplicate, scoreRespondsTo, similarTitles, titleSimilarity, typeCompatibility, type EventProbe } from "./duplicates";

const US = 1;
const RU = 2;
const CZ = 3;

const expulsion: EventProbe = {
  dateStart: "2021-04-15",
  dateEnd: "2021-04-15",
  type: "diplomatic-expulsion",
  title: "US expels 10 Russian diplomats",
  initiatorIds: [US],
  targetIds: [RU],
};

describe("scoreDuplicate", () => {
  it("scores the same event written differently high, with the reason", () => {
    const { score, reason } = scoreDuplicate({ ...expulsion, title: "The US expels ten Russian diplomats" }, expulsion);
    expect(score).toBeGreaterThanOrEqual(0.85);
    expect(reason).toBe("same date, same type, same initiators, same targets, title 80% alike");
  });

  it("scores low for another type, swapped roles or other actors, and zero without overlapping dates", () => {
    expect(scoreDuplicate({ ...expulsion, type: "sanctions-imposed", title: "US sanctions Russia" }, expulsion).score).toBeLessThan(0.6);
    expect(scoreDuplicate({ ...expulsion, initiatorIds: [RU], targetIds: [US], title: "Russia expels 10 US diplomats" }, expulsion).score).toBeLessThan(0.6);
    expect(scoreDuplicate({ ...expulsion, initiatorIds: [CZ] }, expulsion).score).toBeLessThan(scoreDuplicate(expulsion, expulsion).score - 0.15);
    expect(scoreDuplicate({ ...expulsion, dateStart: "2021-04-16", dateEnd: "2021-04-16" }, expulsion)).toEqual({ score: 0, reason: "dates do not overlap" });
  });

  it("lets a coarser date overlap a day", () => {
    const month = { ...expulsion, dateStart: "2021-04-01", dateEnd: "2021-04-30" };
    const { score, reason } = scoreDuplicate(month, expulsion);
    expect(score).toBeGreaterThanOrEqual(0.6);
    expect(reason).toMatch(/^overlapping date/);
  });
});

describe("scoreRespondsTo", () => {
  const answer: EventProbe = { ...expulsion, dateStart: "2021-04-16", dateEnd: "2021-04-16", initiatorIds: [RU], targetIds: [US], title: "Russia expels 10 US diplomats" };

  it("offers the earlier event with initiator and target swapped, same type, shortly before", () => {
    const { score, reason } = scoreRespondsTo(answer, expulsion);
    expect(score).toBeGreaterThan(0.9);
    expect(reason).toBe("initiator and target swapped, same type (diplomatic expulsion), 1 day before");
  });

  it("refuses the same direction, a later event, one more than 60 days before, or an incompatible type", () => {
    expect(scoreRespondsTo({ ...answer, initiatorIds: [US], targetIds: [RU] }, expulsion).score).toBe(0);
    expect(scoreRespondsTo({ ...answer, dateStart: "2021-04-14", dateEnd: "2021-04-14" }, expulsion).score).toBe(0);
    expect(scoreRespondsTo({ ...answer, dateStart: "2021-06-15", dateEnd: "2021-06-15" }, expulsion).score).toBe(0);
    expect(scoreRespondsTo({ ...answer, dateStart: "2021-06-14", dateEnd: "2021-06-14" }, expulsion).score).toBeGreaterThan(0);
    expect(scoreRespondsTo({ ...answer, type: "other" }, expulsion).score).toBe(0);
  });

  it("ranks the same type above a compatible one, and a recent event above an older one", () => {
    const sameType = scoreRespondsTo(answer, expulsion).score;
    const statement = scoreRespondsTo({ ...answer, type: "statement" }, expulsion).score;
    const older = scoreRespondsTo({ ...answer, dateStart: "2021-05-30", dateEnd: "2021-05-30" }, expulsion).score;
    expect(sameType).toBeGreaterThan(statement);
    expect(sameType).toBeGreaterThan(older);
  });
});

describe("helpers", () => {
  it("compares titles by their meaningful words", () => {
    expect(titleSimilarity("US sanctions Russia", "The US sanction on Russia")).toBe(1);
    expect(titleSimilarity("Biden and Putin meet", "Czech Republic expels diplomats")).toBe(0);
    expect(titleSimilarity("", "x")).toBe(0);
  });

  it("knows which types can answer which", () => {
    expect(typeCompatibility("diplomatic-expulsion", "diplomatic-expulsion")).toBe(1);
    expect(typeCompatibility("sanctions-imposed", "countermeasure")).toBe(0.8);
    expect(typeCompatibility("sanctions-imposed", "statement")).toBe(0.5);
    expect(typeCompatibility("meeting", "sanctions-imposed")).toBe(0.2);
    expect(typeCompatibility("other", "other")).toBe(0);
  });

  it("counts days back on the calendar, whatever the time zone", () => {
    expect(daysBefore("2021-03-01", 1)).toBe("2021-02-28");
    expect(daysBefore("2021-04-16", 60)).toBe("2021-02-15");
  });
});

describe("isLikelyDuplicate (the import's strict test)", () => {
  const recorded: EventProbe = {
    dateStart: "2021-04-15",
    dateEnd: "2021-04-15",
    type: "diplomatic-expulsion",
    title: "Russia expels ten Polish diplomats",
    initiatorIds: [1],
    targetIds: [2, 3],
  };

  it("needs the same date, type, initiators and targets, and a similar title", () => {
    expect(isLikelyDuplicate({ ...recorded, title: "RUSSIA EXPELS TEN POLISH DIPLOMATS" }, recorded)).toBe(true);
    expect(isLikelyDuplicate({ ...recorded, targetIds: [3, 2, 2] }, recorded)).toBe(true);
    expect(isLikelyDuplicate({ ...recorded, title: "Russia expels 10 Polish diplomats" }, recorded)).toBe(true);
    expect(isLikelyDuplicate({ ...recorded, targetIds: [2] }, recorded)).toBe(false);
    expect(isLikelyDuplicate({ ...recorded, initiatorIds: [1, 4] }, recorded)).toBe(false);
    expect(isLikelyDuplicate({ ...recorded, type: "statement" }, recorded)).toBe(false);
    expect(isLikelyDuplicate({ ...recorded, dateStart: "2021-04-01", dateEnd: "2021-04-30" }, recorded)).toBe(false);
    expect(isLikelyDuplicate({ ...recorded, title: "Russia closes the Polish consulate in Smolensk" }, recorded)).toBe(false);
  });

  it("folds accents, and compares titles without meaningful words as folded text", () => {
    expect(similarTitles("Sanctions on Bélarus", "sanctions on belarus")).toBe(true);
    expect(similarTitles("A", "a")).toBe(true);
    expect(similarTitles("A", "B")).toBe(false);
    expect(duplicateKey(recorded)).toBe("2021-04-15|2021-04-15|diplomatic-expulsion|1|2,3");
  });
});
