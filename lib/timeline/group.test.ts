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
