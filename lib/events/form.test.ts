import { describe, expect, it } from "vitest";
import { emptyEventFormValues, readEventForm, snapshotToFormValues, validateEventForm, type EventFormValues } from "./form";
import type { EventSnapshot } from "./snapshot";

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const base: EventFormValues = {
  ...emptyEventFormValues(),
  title: "Russia orders 10 US diplomats to leave",
  date: "2021-04-16",
  type: "diplomatic-expulsion",
  initiators: [{ id: 2, name: "Russia", isoCode: "RU" }],
};

describe("readEventForm", () => {
  it("reads every field, keeping rows in order with their labels", () => {
    const values = readEventForm(
      formData([
        ["id", "12"],
        ["version", "3"],
        ["title", "Title"],
        ["datePrecision", "month"],
        ["date", "2021-04"],
        ["endDatePrecision", "bogus"],
        ["type", "statement"],
        ["status", "published"],
        ["measures", "trade"],
        ["measures", "travel"],
        ["initiatorIds", "1"],
        ["initiatorName", "United States"],
        ["initiatorIsoCode", "US"],
        ["targetIds", "2"],
        ["targetName", "Russia"],
        ["targetIsoCode", ""],
        ["targetIds", "abc"],
        ["tags", "S-400"],
        ["sourceUrl", "https://a.example/"],
        ["sourceTitle", "A"],
        ["sourcePublisher", ""],
        ["sourcePublishedOn", "2021-04-16"],
        ["sourceArchiveUrl", ""],
        ["sourceUrl", ""],
        ["sourceTitle", "B"],
        ["relationKind", "responds-to"],
        ["relationEventId", "9"],
        ["relationTitle", "Earlier"],
        ["relationDatePrecision", "day"],
        ["relationDateStart", "2021-04-15"],
      ]),
    );
    expect(values).toMatchObject({
      id: 12,
      version: 3,
      datePrecision: "month",
      date: "2021-04",
      endDatePrecision: "day",
      measures: ["trade", "travel"],
      initiators: [{ id: 1, name: "United States", isoCode: "US" }],
      targets: [{ id: 2, name: "Russia", isoCode: null }],
      tags: ["S-400"],
      sources: [
        { url: "https://a.example/", title: "A", publisher: "", publishedOn: "2021-04-16", archiveUrl: "" },
        { url: "", title: "B", publisher: "", publishedOn: "", archiveUrl: "" },
      ],
      relations: [{ kind: "responds-to", event: { id: 9, title: "Earlier", datePrecision: "day", dateStart: "2021-04-15" } }],
    });
  });

  it("treats a missing or malformed id and version as a new event", () => {
    expect(readEventForm(formData([["id", "x"], ["version", "-1"]]))).toMatchObject({ id: null, version: null, sources: [] });
  });
});

describe("validateEventForm", () => {
  it("turns valid values into the input every writer uses", () => {
    const result = validateEventForm({ ...base, id: 5, sources: [{ url: " https://a.example/x ", title: "", publisher: "", publishedOn: "", archiveUrl: "" }] });
    expect(result.ok && result.input).toMatchObject({
      id: 5,
      title: "Russia orders 10 US diplomats to leave",
      initiatorIds: [2],
      sources: [{ url: "https://a.example/x", title: "", publisher: null, publishedOn: null, archiveUrl: null }],
      endDate: null,
      legalBasis: null,
    });
  });

  it("takes the date's precision from what is typed, in any of the forms the field reads", () => {
    const saved = (date: string, endDate = "") => {
      const result = validateEventForm({ ...base, date, endDate, datePrecision: "day", endDatePrecision: "day" });
      return result.ok ? [result.input.date.value, result.input.endDate?.value ?? null] : result.errors;
    };
    expect(saved("2021-04")).toEqual(["2021-04", null]);
    expect(saved("2021")).toEqual(["2021", null]);
    expect(saved("16 Apr 2021")).toEqual(["2021-04-16", null]);
    expect(saved("April 16, 2021", "May 2021")).toEqual(["2021-04-16", "2021-05"]);
    expect(saved("04/05/2021")).toEqual({
      date: ['"04/05/2021" is not a date this field can read. Type a day (2021-04-16 or 16 Apr 2021), a month (2021-04 or Apr 2021) or a year (2021).'],
    });
  });

  it("reports each rule against its field, one message per field", () => {
    const result = validateEventForm({ ...base, title: " ", date: "2021-02-30", type: "", initiators: [] });
    expect(result).toEqual({
      ok: false,
      errors: {
        title: ["Enter a title."],
        date: ["2021-02-30: February 2021 has no day 30."],
        type: ["Choose an event type."],
        initiatorIds: ["Add at least one initiator."],
      },
    });
  });

  it("ignores blank source rows and reports errors on the row the editor sees", () => {
    const blank = { url: "", title: " ", publisher: "", publishedOn: "", archiveUrl: "" };
    const result = validateEventForm({
      ...base,
      sources: [
        blank,
        { url: "https://a.example/x", title: "A", publisher: "", publishedOn: "", archiveUrl: "" },
        blank,
        { url: "https://A.example/x/", title: "A again", publisher: "", publishedOn: "", archiveUrl: "" },
        { url: "", title: "C", publisher: "", publishedOn: "2021-13", archiveUrl: "" },
      ],
    });
    // A date that cannot be read at all stops the cross-field rules (duplicates) until it is fixed.
    expect(result).toEqual({ ok: false, errors: { "sources.4.publishedOn": ["2021-13: there is no month 13."] } });
    const fixed = validateEventForm({
      ...base,
      sources: [
        blank,
        { url: "https://a.example/x", title: "A", publisher: "", publishedOn: "", archiveUrl: "" },
        blank,
        { url: "https://A.example/x/", title: "A again", publisher: "", publishedOn: "", archiveUrl: "" },
      ],
    });
    expect(fixed).toEqual({ ok: false, errors: { "sources.3.url": ["This source is listed twice."] } });
  });
});

describe("snapshotToFormValues", () => {
  it("shows a stored event in the form, with the labels of related events", () => {
    const snapshot = {
      id: 4,
      title: "T",
      summary: "",
      date: "2020-12",
      datePrecision: "month",
      endDate: "2021",
      type: "statement",
      status: "published",
      legalBasis: null,
      location: "Ankara",
      version: 2,
      measures: [],
      initiators: [{ id: 3, name: "Turkey", isoCode: "TR" }],
      targets: [],
      tags: ["S-400"],
      sources: [{ url: null, title: "Print", publisher: null, publishedOn: null, retrievedAt: null, archiveUrl: null }],
      relations: [
        { kind: "responds-to", eventId: 2 },
        { kind: "follows-up", eventId: 99 },
      ],
    } as unknown as EventSnapshot;
    const values = snapshotToFormValues(snapshot, [{ id: 2, title: "Sanctions", datePrecision: "day", dateStart: "2020-12-14" }]);
    expect(values).toMatchObject({
      id: 4,
      version: 2,
      datePrecision: "month",
      date: "2020-12",
      endDatePrecision: "year",
      endDate: "2021",
      legalBasis: "",
      location: "Ankara",
      sources: [{ url: "", title: "Print", publisher: "", publishedOn: "", archiveUrl: "" }],
    });
    expect(values.relations.map((r) => r.event.title)).toEqual(["Sanctions", "Event #99"]);
    expect(validateEventForm(values).ok).toBe(true);
  });
});
