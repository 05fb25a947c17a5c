import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "@/lib/csv/columns";
import { neutraliseFormula, restoreFormula } from "@/lib/csv/formula";
import { parsePartialDate } from "@/lib/dates/partial-date";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { csvHeader, csvRecords, UTF8_BOM } from "@/lib/export/formats";
import { csvRecordToDraft } from "@/lib/import/csv-row";

function snapshot(overrides: Partial<EventSnapshot> = {}): EventSnapshot {
  return {
    id: 42,
    title: "US sanctions Turkey's SSB",
    summary: "",
    date: "2020-12-14",
    datePrecision: "day",
    dateStart: "2020-12-14",
    dateEnd: "2020-12-14",
    endDate: null,
    type: "sanctions-imposed",
    status: "published",
    legalBasis: "CAATSA Section 231",
    location: null,
    version: 1,
    createdAt: "2026-11-29T10:00:00.000Z",
    updatedAt: "2026-11-29T10:00:00.000Z",
    deletedAt: null,
    measures: [],
    initiators: [{ id: 1, name: "United States", isoCode: "US" }, { id: 9, name: "Joe Biden", isoCode: null }],
    targets: [
      { id: 4, name: "Presidency of Defense Industries (SSB)", isoCode: null },
      { id: 3, name: "Turkey", isoCode: "TR" },
    ],
    tags: ["CAATSA", "S-400"],
    sources: [
      { url: "https://example.org/a", title: "First", publisher: null, publishedOn: null, retrievedAt: null, archiveUrl: null },
      { url: null, title: "A printed source", publisher: null, publishedOn: null, retrievedAt: null, archiveUrl: null },
    ],
    relations: [
      { kind: "responds-to", eventId: 7 },
      { kind: "follows-up", eventId: 8 },
      { kind: "responds-to", eventId: 9 },
    ],
    ...overrides,
  };
}

/** The exported file of some events, parsed back by an independent RFC 4180 reader. */
function roundTrip(events: EventSnapshot[]): Record<string, string>[] {
  const text = csvHeader({ bom: false }) + csvRecords(events);
  return parse(text, { columns: true }) as Record<string, string>[];
}

describe("CSV export format", () => {
  it("writes the documented header with CRLF line ends, and a BOM only on request", () => {
    expect(csvHeader({ bom: false })).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
    expect(csvHeader({ bom: true })).toBe(`${UTF8_BOM}${CSV_COLUMNS.join(",")}\r\n`);
    expect(csvRecords([snapshot()]).endsWith("\r\n")).toBe(true);
    expect(csvRecords([snapshot()]).split("\r\n")).toHaveLength(2);
  });

  it("maps every column", () => {
    const [row] = roundTrip([snapshot()]);
    expect(row).toEqual({
      id: "42",
      date: "2020-12-14",
      date_precision: "day",
      date_start: "2020-12-14",
      date_end: "2020-12-14",
      end_date: "",
      type: "sanctions-imposed",
      title: "US sanctions Turkey's SSB",
      summary: "",
      initiators: "United States; Joe Biden",
      targets: "Presidency of Defense Industries (SSB); Turkey",
      initiator_codes: "US",
      target_codes: "; TR",
      legal_basis: "CAATSA Section 231",
      tags: "CAATSA; S-400",
      location: "",
      source_urls: "https://example.org/a;",
      source_titles: "First; A printed source",
      responds_to: "7; 9",
      status: "published",
      updated_at: "2026-11-29T10:00:00.000Z",
    });
  });

  it("quotes commas, quotes and line breaks per RFC 4180 and keeps Unicode as UTF-8", () => {
    const title = 'Sanctions, "phase 2"';
    const summary = "First line\r\nsecond line\nthird";
    const text = csvRecords([snapshot({ title, summary, location: "Анкара, Gençoğlu" })]);
    expect(text).toContain('"Sanctions, ""phase 2"""');
    expect(text).toContain('"First line\r\nsecond line\nthird"');
    expect(text).toContain('"Анкара, Gençoğlu"');
    const [row] = roundTrip([snapshot({ title, summary, location: "Анкара, Gençoğlu" })]);
    expect(row?.title).toBe(title);
    expect(row?.summary).toBe(summary);
    expect(row?.location).toBe("Анкара, Gençoğlu");
    expect(Buffer.from(text, "utf8").includes(Buffer.from("Gençoğlu", "utf8"))).toBe(true);
    // A lone LF or CR is a line break too (csv-stringify quotes only its own record delimiter).
    for (const lone of ["First line\nsecond", "First line\rsecond"]) {
      expect(csvRecords([snapshot({ summary: lone })])).toContain(`"${lone}"`);
      expect(roundTrip([snapshot({ summary: lone })])[0]?.summary).toBe(lone);
    }
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const dangerous of ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "＝1+1"]) {
      const [row] = roundTrip([snapshot({ title: dangerous })]);
      expect(row?.title).toBe(`'${dangerous}`);
    }
    expect(roundTrip([snapshot({ title: "Plain = fine" })])[0]?.title).toBe("Plain = fine");
  });

  it("undoes the neutralisation exactly on import, even for values that start with an apostrophe", () => {
    for (const value of ["=1+1", "'=1+1", "''-x", "'quoted'", "-", "@", "Gençoğlu", "Путин", ""]) {
      expect(restoreFormula(neutraliseFormula(value))).toBe(value);
    }
  });
});

describe("CSV row -> import draft", () => {
  const cells = (event: EventSnapshot) => roundTrip([event])[0]!;

  it("reads back what the exporter wrote", () => {
    const { draft, errors } = csvRecordToDraft(cells(snapshot({ title: "=cmd|' /C calc'!A0" })), 2);
    expect(errors).toEqual([]);
    expect(draft).toEqual({
      id: 42,
      title: "=cmd|' /C calc'!A0",
      summary: "",
      date: "2020-12-14",
      endDate: null,
      type: "sanctions-imposed",
      status: "published",
      legalBasis: "CAATSA Section 231",
      location: null,
      initiators: [{ name: "United States", isoCode: "US", kind: "state" }, { name: "Joe Biden" }],
      targets: [{ name: "Presidency of Defense Industries (SSB)" }, { name: "Turkey", isoCode: "TR", kind: "state" }],
      tags: ["CAATSA", "S-400"],
      sources: [
        { url: "https://example.org/a", title: "First" },
        { url: null, title: "A printed source" },
      ],
      relations: { scope: "responds-to", items: [{ kind: "responds-to", eventId: 7 }, { kind: "responds-to", eventId: 9 }] },
      updatedAt: new Date("2026-11-29T10:00:00.000Z"),
    });
  });

  it("keeps the date's precision through export and import", () => {
    for (const entered of ["2019", "2020-12", "2020-12-14", "2024-02-29"]) {
      const date = parsePartialDate(entered)!;
      const event = snapshot({ date: date.value, datePrecision: date.precision, dateStart: date.start, dateEnd: date.end, endDate: "2021-05" });
      const row = cells(event);
      expect([row.date, row.date_precision, row.date_start, row.date_end]).toEqual([entered, date.precision, date.start, date.end]);
      const { draft } = csvRecordToDraft(row, 2);
      expect(parsePartialDate(draft.date!)).toEqual(date);
      expect(draft.endDate).toBe("2021-05");
    }
  });

  it("leaves missing columns undefined and reports bad cells by column", () => {
    const { draft, errors } = csvRecordToDraft({ id: "x1", title: "T", date: "2021", type: "Statement", initiator_codes: "us", responds_to: "3; abc", updated_at: "yesterday" }, 7);
    expect(draft.summary).toBeUndefined();
    expect(draft.tags).toBeUndefined();
    expect(draft.type).toBe("statement");
    expect(draft.initiators).toEqual([{ name: "US", byCode: true }]);
    expect(errors).toEqual([
      { row: 7, column: "id", message: '"x1" is not an event id (a whole number, or empty for a new event).' },
      { row: 7, column: "responds_to", message: '"abc" is not an event id.' },
      { row: 7, column: "updated_at", message: '"yesterday" is not an ISO 8601 time such as 2026-11-29T12:00:00.000Z.' },
    ]);
  });
});
