import { describe, expect, it } from "vitest";
import {
  readDateText,
  formatDateText,
  formatInstantDay,
  formatMonthKey,
  formatPartialDate,
  formatStoredDate,
  overlaps,
  parsePartialDate,
  parsePartialDateDetailed,
  partialDateFromStored,
} from "./partial-date";

describe("parsePartialDate", () => {
  it("parses a year", () => {
    expect(parsePartialDate("2019")).toEqual({
      precision: "year",
      value: "2019",
      year: 2019,
      month: null,
      day: null,
      start: "2019-01-01",
      end: "2019-12-31",
    });
  });

  it("parses a month and covers all its days", () => {
    expect(parsePartialDate("2020-12")).toMatchObject({ precision: "month", value: "2020-12", start: "2020-12-01", end: "2020-12-31" });
    expect(parsePartialDate("2021-04")).toMatchObject({ end: "2021-04-30" });
    expect(parsePartialDate("2021-02")).toMatchObject({ end: "2021-02-28" });
    expect(parsePartialDate("2024-02")).toMatchObject({ end: "2024-02-29" });
    expect(parsePartialDate("1900-02")).toMatchObject({ end: "1900-02-28" });
    expect(parsePartialDate("2000-02")).toMatchObject({ end: "2000-02-29" });
  });

  it("parses a day", () => {
    expect(parsePartialDate("2020-12-14")).toMatchObject({
      precision: "day",
      value: "2020-12-14",
      year: 2020,
      month: 12,
      day: 14,
      start: "2020-12-14",
      end: "2020-12-14",
    });
  });

  it("normalises single-digit months and days and surrounding space", () => {
    expect(parsePartialDate(" 2021-4-5 ")?.value).toBe("2021-04-05");
    expect(parsePartialDate("2021-4")?.value).toBe("2021-04");
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["20", "format"],
    ["2020/12/14", "format"],
    ["14 Dec 2020", "format"],
    ["2020-12-14T00:00:00Z", "format"],
    ["0999", "year-range"],
    ["2020-00", "month-range"],
    ["2020-13", "month-range"],
    ["2021-02-29", "day-range"],
    ["2021-04-31", "day-range"],
    ["2021-04-00", "day-range"],
  ])("rejects %j (%s)", (input, error) => {
    const result = parsePartialDateDetailed(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      expect(result.message.length).toBeGreaterThan(5);
    }
    expect(parsePartialDate(input)).toBeNull();
  });

  it("accepts 29 February in leap years only", () => {
    expect(parsePartialDate("2024-02-29")?.value).toBe("2024-02-29");
    expect(parsePartialDate("2023-02-29")).toBeNull();
  });
});

describe("formatting", () => {
  it("shows each precision the way readers write it", () => {
    expect(formatPartialDate(parsePartialDate("2019")!)).toBe("2019");
    expect(formatPartialDate(parsePartialDate("2020-12")!)).toBe("Dec 2020");
    expect(formatPartialDate(parsePartialDate("2020-12-14")!)).toBe("14 Dec 2020");
    expect(formatPartialDate(parsePartialDate("2021-04-05")!)).toBe("5 Apr 2021");
    expect(formatPartialDate(parsePartialDate("2020-12")!, "long")).toBe("December 2020");
    expect(formatPartialDate(parsePartialDate("2021-04-15")!, "long")).toBe("15 April 2021");
  });

  it("formats stored dates and month keys", () => {
    expect(formatStoredDate("month", "2020-12-01")).toBe("Dec 2020");
    expect(formatStoredDate("year", "2019-01-01")).toBe("2019");
    expect(formatStoredDate("day", "2021-04-16")).toBe("16 Apr 2021");
    expect(formatMonthKey("2021-04")).toBe("April 2021");
    expect(formatDateText("2021-04-29")).toBe("29 Apr 2021");
    expect(formatDateText("not a date")).toBe("not a date");
  });

  it("formats an instant by its UTC day whatever the process time zone", () => {
    expect(formatInstantDay(new Date("2021-04-15T23:30:00Z"))).toBe("15 Apr 2021");
    expect(formatInstantDay(new Date("2021-04-16T00:30:00+02:00"))).toBe("15 Apr 2021");
  });

  it("round-trips stored dates", () => {
    for (const value of ["2019", "2020-12", "2020-12-14", "1999-02", "2024-02-29"]) {
      const parsed = parsePartialDate(value)!;
      expect(partialDateFromStored(parsed.precision, parsed.start)).toEqual(parsed);
    }
  });

  it("refuses a corrupt stored date", () => {
    expect(() => partialDateFromStored("month", "garbage")).toThrow(/corrupt/);
    expect(() => partialDateFromStored("week", "2020-12-01")).toThrow(/corrupt/);
  });
});

describe("overlaps", () => {
  it("compares covered day ranges inclusively", () => {
    const dec2020 = parsePartialDate("2020-12")!;
    expect(overlaps(dec2020, parsePartialDate("2020-12-10")!)).toBe(true);
    expect(overlaps(dec2020, parsePartialDate("2020-12-31")!)).toBe(true);
    expect(overlaps(dec2020, parsePartialDate("2021")!)).toBe(false);
    expect(overlaps(parsePartialDate("2019")!, parsePartialDate("2019-07")!)).toBe(true);
  });
});

describe("readDateText (the editors' date field)", () => {
  const read = (text: string) => {
    const r = readDateText(text);
    return r.ok ? [r.date.value, r.date.precision] : r.message;
  };

  it("reads the stored forms and English month names, at the precision typed", () => {
    expect(read("2021-04-16")).toEqual(["2021-04-16", "day"]);
    expect(read(" 2021-4 ")).toEqual(["2021-04", "month"]);
    expect(read("2021")).toEqual(["2021", "year"]);
    expect(read("16 Apr 2021")).toEqual(["2021-04-16", "day"]);
    expect(read("16 April 2021")).toEqual(["2021-04-16", "day"]);
    expect(read("1st Sept. 2020")).toEqual(["2020-09-01", "day"]);
    expect(read("April 16, 2021")).toEqual(["2021-04-16", "day"]);
    expect(read("Dec 2020")).toEqual(["2020-12", "month"]);
    expect(read("december, 2020")).toEqual(["2020-12", "month"]);
  });

  it("refuses numeric day-month orders and unknown words, and quotes what was typed", () => {
    expect(read("04/05/2021")).toMatch(/^"04\/05\/2021" is not a date this field can read\. Type a day/);
    expect(read("16 Ju 2021")).toMatch(/is not a date this field can read/);
    expect(read("30 Feb 2021")).toBe("30 Feb 2021: February 2021 has no day 30.");
    expect(read("2021-13")).toBe("2021-13: there is no month 13.");
  });

  it("does not depend on the time zone", () => {
    // Components are read from the text, never through an instant; noon-local helpers only check validity.
    expect(read("31 Dec 2020")).toEqual(["2020-12-31", "day"]);
    expect(read("1 Jan 2021")).toEqual(["2021-01-01", "day"]);
  });
});
