import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { groupByYearAndMonth } from "./group";

const item = (id: number, datePrecision: string, dateStart: string) => ({ id, datePrecision, dateStart });

describe("groupByYearAndMonth", () => {
  it("groups a newest-first list by year and month without reordering", () => {
    const groups = groupByYearAndMonth([
      item(1, "day", "2021-04-16"),
      item(2, "day", "2021-04-15"),
      item(3, "month", "2021-03-01"),
      item(4, "day", "2020-12-14"),
      item(5, "month", "2020-12-01"),
      item(6, "year", "2019-01-01"),
    ]);
    expect(groups.map((y) => y.year)).toEqual(["2021", "2020", "2019"]);
    expect(groups[0]!.months.map((m) => [m.label, m.items.map((i) => i.id)])).toEqual([
      ["April 2021", [1, 2]],
      ["March 2021", [3]],
    ]);
    expect(groups[1]!.months.map((m) => [m.key, m.items.map((i) => i.id)])).toEqual([["2020-12", [4, 5]]]);
    expect(groups[2]!.months).toEqual([{ key: "2019", label: "2019, month not known", items: [groups[2]!.months[0]!.items[0]] }]);
  });

  it("marks the year and month a continuing page carries on from", () => {
    const same = groupByYearAndMonth([item(1, "day", "2021-04-10"), item(2, "day", "2021-03-02")], "2021-04");
    expect(same[0]!.continued).toBe(true);
    expect(same[0]!.months.map((m) => [m.key, m.continued ?? false])).toEqual([
      ["2021-04", true],
      ["2021-03", false],
    ]);
    const newMonth = groupByYearAndMonth([item(1, "day", "2021-03-02")], "2021-04");
    expect([newMonth[0]!.continued, newMonth[0]!.months[0]!.continued ?? false]).toEqual([true, false]);
    const newYear = groupByYearAndMonth([item(1, "day", "2020-12-02")], "2021-01");
    expect([newYear[0]!.continued ?? false, newYear[0]!.months[0]!.continued ?? false]).toEqual([false, false]);
    const yearOnly = groupByYearAndMonth([item(1, "day", "2021-01-01")], "2021");
    expect([yearOnly[0]!.continued, yearOnly[0]!.months[0]!.continued ?? false]).toEqual([true, false]);
    expect(groupByYearAndMonth([item(1, "day", "2021-04-10")])[0]!.continued).toBeUndefined();
  });

  it("returns nothing for nothing", () => {
    expect(groupByYearAndMonth([])).toEqual([]);
  });
});

describe("timeline cursor", () => {
  it("round-trips and rejects anything else", () => {
    const cursor = { dateStart: "2021-04-15", id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of [undefined, null, "", "2021-04-15", "2021-04-15_0", "2021-04-15_x", "2021-4-15_3", "2021-04-15_3;drop"]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
