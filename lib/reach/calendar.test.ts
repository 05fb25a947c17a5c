import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCalendar, calendarDescription, calendarSpan, CALENDAR_NOTE, CALENDAR_SUMMARY_LENGTH, nextDay } from "@/lib/reach/calendar";
import { entryText } from "@/lib/reach/entry";
import { snapshot } from "@/lib/reach/test-snapshot";

// The dates must not move with the server's zone: build every calendar east of UTC, where
// a Date at local midnight is the previous day in UTC.
beforeAll(() => {
  process.env.TZ = "Asia/Tokyo";
});

const events = [
  snapshot({ id: 1, title: "One day", dateStart: "2021-04-15", dateEnd: "2021-04-15" }),
  snapshot({ id: 2, title: "Leave by 21 May", dateStart: "2021-04-16", dateEnd: "2021-04-16", endDate: "2021-05-21" }),
  snapshot({ id: 3, title: "Month only", datePrecision: "month", date: "2020-12", dateStart: "2020-12-01", dateEnd: "2020-12-31" }),
  snapshot({ id: 4, title: "Year only", datePrecision: "year", date: "2019", dateStart: "2019-01-01", dateEnd: "2019-12-31" }),
  snapshot({ id: 5, title: "Until June", dateStart: "2021-12-31", dateEnd: "2021-12-31", endDate: "2022-06" }),
];

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return {
    component,
    events: component.getAllSubcomponents("vevent").map((v) => {
      const e = new ICAL.Event(v);
      return { uid: e.uid, summary: e.summary, start: e.startDate.toString(), end: e.endDate.toString(), isDate: e.startDate.isDate, url: v.getFirstPropertyValue("url") };
    }),
  };
}

describe("calendar dates", () => {
  it("runs in Tokyo", () => {
    expect(new Date(2021, 0, 1).getTimezoneOffset()).toBe(-540);
  });
  it("counts days without a time zone", () => {
    expect(nextDay("2021-04-15")).toBe("2021-04-16");
    expect(nextDay("2021-12-31")).toBe("2022-01-01");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
  });
  it("spans through the end date's last day; month and year dates have no span", () => {
    expect(calendarSpan(events[0]!)).toEqual({ start: "2021-04-15", end: "2021-04-16" });
    expect(calendarSpan(events[1]!)).toEqual({ start: "2021-04-16", end: "2021-05-22" });
    expect(calendarSpan(events[4]!)).toEqual({ start: "2021-12-31", end: "2022-07-01" });
    expect(calendarSpan(events[2]!)).toBeNull();
    expect(calendarSpan(events[3]!)).toBeNull();
    // An end before the start (bad data) leaves one day.
    expect(calendarSpan({ datePrecision: "day", dateStart: "2021-04-15", endDate: "2020" })).toEqual({ start: "2021-04-15", end: "2021-04-16" });
  });
});

describe("buildCalendar", () => {
  const text = buildCalendar({ events, origin: "https://d.example", query: "type=diplomatic-expulsion", description: "5 events", truncated: false, limit: 500 });

  it("parses with ical.js into all-day events on the right days", () => {
    const { events: parsed, component } = parse(text);
    expect(parsed.map((e) => e.summary)).toEqual(["One day", "Leave by 21 May", "Until June"]);
    expect(parsed.every((e) => e.isDate)).toBe(true);
    expect(parsed.map((e) => [e.start, e.end])).toEqual([
      ["2021-04-15", "2021-04-16"],
      ["2021-04-16", "2021-05-22"],
      ["2021-12-31", "2022-07-01"],
    ]);
    expect(parsed[0]!.uid).toBe("event-1@d.example");
    expect(parsed[0]!.url).toBe("https://d.example/events/1");
    expect(String(component.getFirstPropertyValue("x-wr-caldesc"))).toContain(CALENDAR_NOTE);
  });

  it("gives the same bytes for the same data (no clock in it)", async () => {
    await new Promise((r) => setTimeout(r, 1100));
    expect(buildCalendar({ events, origin: "https://d.example", query: "type=diplomatic-expulsion", description: "5 events", truncated: false, limit: 500 })).toBe(text);
  });

  it("describes each event briefly, with its link", () => {
    const long = entryText(snapshot({ id: 9, summary: "word ".repeat(200) }), "https://d.example");
    const text = calendarDescription(long);
    expect(text.split("\n")).toEqual([long.dateLine, long.actorsLine, expect.stringMatching(/…$/), "https://d.example/events/9"]);
    expect(text.split("\n")[2]!.length).toBeLessThanOrEqual(CALENDAR_SUMMARY_LENGTH);
    const calendar = buildCalendar({ events: [snapshot({ id: 9, summary: "word ".repeat(200) })], origin: "https://d.example", query: "", description: "1 event", truncated: false, limit: 300 });
    const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(calendar)).getFirstSubcomponent("vevent")!);
    expect(parsed.description).toBe(text);
  });

  it("says when it holds only the most recent events", () => {
    const cut = buildCalendar({ events, origin: "https://d.example", query: "", description: "5 events", truncated: true, limit: 2 });
    expect(String(new ICAL.Component(ICAL.parse(cut)).getFirstPropertyValue("x-wr-caldesc"))).toContain("Only the 2 most recent");
  });
});
