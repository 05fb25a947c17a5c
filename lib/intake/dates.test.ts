import { afterAll, describe, expect, it } from "vitest";
import { findDates, isFutureTense } from "./dates";

const PUBLISHED = { y: 2021, m: 4, d: 29 }; // Thursday, 29 April 2021
const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

function first(sentence: string, anchor: { y: number; m: number; d: number } | null = null) {
  const found = findDates(sentence, { published: PUBLISHED, futureTense: isFutureTense(sentence), anchor });
  return found[0];
}

// Every phrase the issue lists, resolved against an article of Thursday 29 April 2021.
const CASES: Array<[string, string, "day" | "month" | "year", { planned?: boolean; span?: [string, string]; deadline?: boolean }?]> = [
  ["Russia expelled the diplomats on Wednesday.", "2021-04-28", "day"],
  ["Moscow recalled its ambassador last month.", "2021-03", "month"],
  ["Prague expelled 18 diplomats earlier this month.", "2021-04", "month"],
  ["The two leaders will meet next month.", "2021-05", "month", { planned: true }],
  ["The US imposed sanctions in December 2020.", "2020-12", "month"],
  ["Turkey took delivery of the system in 2019.", "2019", "year"],
  ["The EU acted on 15 April.", "2021-04-15", "day"],
  ["Russia expelled them on 15 May.", "2020-05-15", "day"],
  ["The US expelled diplomats last week.", "2021-04", "month", { span: ["2021-04-19", "2021-04-25"] }],
  ["Talks were held between 13 and 19 July.", "2020-07", "month", { span: ["2020-07-13", "2020-07-19"] }],
  ["Talks were held between 13 and 19 July 2020.", "2020-07", "month", { span: ["2020-07-13", "2020-07-19"] }],
  ["Russia expelled them on Friday.", "2021-04-23", "day"],
  ["Lavrov will visit Ankara on Friday.", "2021-04-30", "day", { planned: true }],
  ["China sanctioned ten individuals in May.", "2020-05", "month"],
  ["On 14 March 2018 Britain expelled 23 diplomats.", "2018-03-14", "day"],
  ["In the spring of 2018, Britain expelled them.", "2018", "year"],
];

for (const tz of ["Asia/Tokyo", "America/Los_Angeles", "UTC"]) {
  describe(`findDates under TZ=${tz}`, () => {
    for (const [sentence, date, precision, extra] of CASES) {
      it(`"${sentence}" -> ${date} (${precision})`, () => {
        process.env.TZ = tz;
        const d = first(sentence);
        expect(d, sentence).toBeDefined();
        expect(d?.date).toBe(date);
        expect(d?.precision).toBe(precision);
        if (extra?.planned) expect(d?.future).toBe(true);
        if (extra?.span) expect([d?.span?.from, d?.span?.to]).toEqual(extra.span);
        if (!extra?.span) expect(d?.span).toBeNull();
      });
    }

    it("reads a deadline as the end of an event, never biased to the past", () => {
      process.env.TZ = tz;
      const found = findDates("On 21 April Russia ordered them to leave by 21 May.", { published: PUBLISHED, futureTense: false, anchor: null });
      expect(found.map((f) => [f.date, f.deadline])).toEqual([
        ["2021-04-21", false],
        ["2021-05-21", true],
      ]);
    });

    it("counts 'the next day' and 'two days later' from the previous explicit day", () => {
      process.env.TZ = tz;
      const same = findDates("Britain expelled 23 diplomats on 14 March 2018 and Russia replied the next day.", { published: PUBLISHED, futureTense: false, anchor: null });
      expect(same.map((f) => f.date)).toEqual(["2018-03-14", "2018-03-15"]);
      expect(first("Two days later, Putin signed a decree.", { y: 2021, m: 4, d: 21 })?.date).toBe("2021-04-23");
      expect(first("Later that month, the ambassador warned of a boycott.", { y: 2020, m: 4, d: 19 })?.date).toBe("2020-04");
      expect(findDates("Two days later, Putin signed a decree.", { published: PUBLISHED, futureTense: false, anchor: null })).toEqual([]);
    });

    it("a weekday in a past-tense sentence is never after the publication date", () => {
      process.env.TZ = tz;
      // The zone really is in force for this process (Tokyo is UTC+9, Los Angeles UTC-7 in April).
      const offset = new Date(Date.UTC(2021, 3, 29, 12)).getTimezoneOffset();
      expect(offset).toBe(tz === "Asia/Tokyo" ? -540 : tz === "America/Los_Angeles" ? 420 : 0);
      for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
        const d = first(`The ministry said on ${day} that it expelled them.`);
        expect(d?.precision).toBe("day");
        expect((d?.date ?? "") <= "2021-04-29", day).toBe(true);
        expect((d?.date ?? "") >= "2021-04-23", day).toBe(true);
      }
    });
  });
}

describe("findDates does not read non-dates", () => {
  it("ignores modal 'may', legal numbers and durations", () => {
    expect(findDates("Turkey may face sanctions.", { published: PUBLISHED, futureTense: false, anchor: null })).toEqual([]);
    expect(findDates("Under Regulation (EU) 2020/1998 and Executive Order 14024.", { published: PUBLISHED, futureTense: false, anchor: null })).toEqual([]);
    expect(findDates("The consulate had operated since 1972.", { published: PUBLISHED, futureTense: false, anchor: null })).toEqual([]);
  });
});
