import { format, getDaysInMonth, isValid } from "date-fns";

/**
 * Dates in Demarche are calendar dates at a precision: a year ("2019"), a month
 * ("2020-12") or a day ("2020-12-14"). They are stored as the first and last calendar day
 * they cover ("YYYY-MM-DD" text), which sorts and compares exactly and never shifts with a
 * time zone: no instant in time is ever involved.
 */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

export type PartialDate = {
  precision: DatePrecision;
  /** The date as entered, normalised: "2020", "2020-12" or "2020-12-14". */
  value: string;
  year: number;
  month: number | null;
  day: number | null;
  /** First calendar day covered, "YYYY-MM-DD". */
  start: string;
  /** Last calendar day covered, "YYYY-MM-DD". */
  end: string;
};

const PATTERN = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A local Date at noon of a calendar day: only ever used to read back the components. */
function calendarDay(year: number, month: number, day: number): Date {
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(year, month - 1, day);
  return d;
}

function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(calendarDay(year, month, 1));
}

export type PartialDateError =
  | "empty"
  | "format"
  | "year-range"
  | "month-range"
  | "day-range";

export type ParseResult =
  | { ok: true; date: PartialDate }
  | { ok: false; error: PartialDateError; message: string };

/**
 * Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month and day may have one digit).
 * Rejects impossible dates such as 2021-02-29.
 */
export function parsePartialDateDetailed(input: string): ParseResult {
  const text = input.trim();
  if (text === "") return { ok: false, error: "empty", message: "Enter a date." };
  const match = PATTERN.exec(text);
  if (!match) {
    return {
      ok: false,
      error: "format",
      message: `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}" is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD.`,
    };
  }
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, error: "year-range", message: `${text}: the year must be between ${MIN_YEAR} and ${MAX_YEAR}.` };
  }
  if (match[2] === undefined) {
    return { ok: true, date: makeDate("year", year, null, null) };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    return { ok: false, error: "month-range", message: `${text}: there is no month ${match[2]}.` };
  }
  if (match[3] === undefined) {
    return { ok: true, date: makeDate("month", year, month, null) };
  }
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month) || !isValid(calendarDay(year, month, day))) {
    return {
      ok: false,
      error: "day-range",
      message: `${text}: ${format(calendarDay(year, month, 1), "MMMM")} ${year} has no day ${match[3]}.`,
    };
  }
  return { ok: true, date: makeDate("day", year, month, day) };
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "Apr", "April", "Sept" (three letters or more of an English month name), or null. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return i === -1 ? null : i + 1;
}

/** The ways of typing a date the editors' date field takes, for its hint and its messages. */
export const DATE_TEXT_HINT = "Type a day (2021-04-16 or 16 Apr 2021), a month (2021-04 or Apr 2021) or a year (2021).";

/**
 * Reads a date as an editor types it, whatever the browser's language: the stored forms
 * ("2021-04-16", "2021-04", "2021") or an English month name ("16 Apr 2021", "April 16,
 * 2021", "April 2021"). The precision is what was typed. Purely numeric day-month orders
 * such as "04/05/2021" are refused: they read differently in different countries.
 */
export function readDateText(input: string): ParseResult {
  const text = input.trim().replace(/\s+/g, " ");
  if (text === "" || PATTERN.test(text)) return parsePartialDateDetailed(text);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/.exec(text);
  const monthFirst = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  const monthOnly = /^([A-Za-z]+\.?),? (\d{4})$/.exec(text);
  const iso = (year: string, month: number, day?: string) =>
    `${year}-${pad(month)}${day === undefined ? "" : `-${pad(Number(day))}`}`;
  let candidate: string | null = null;
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? "");
    if (month) candidate = iso(dayFirst[3] ?? "", month, dayFirst[1]);
  } else if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? "");
    if (month) candidate = iso(monthFirst[3] ?? "", month, monthFirst[2]);
  } else if (monthOnly) {
    const month = monthNumber(monthOnly[1] ?? "");
    if (month) candidate = iso(monthOnly[2] ?? "", month);
  }
  if (candidate === null) {
    return { ok: false, error: "format", message: `"${text}" is not a date this field can read. ${DATE_TEXT_HINT}` };
  }
  const result = parsePartialDateDetailed(candidate);
  // Messages quote what the editor typed, not the form it was read into.
  return result.ok ? result : { ...result, message: result.message.replace(candidate, text) };
}

/** Like parsePartialDateDetailed, returning null for anything that is not a valid date. */
export function parsePartialDate(input: string): PartialDate | null {
  const result = parsePartialDateDetailed(input);
  return result.ok ? result.date : null;
}

function makeDate(
  precision: DatePrecision,
  year: number,
  month: number | null,
  day: number | null,
): PartialDate {
  const y = pad(year, 4);
  if (precision === "year") {
    return { precision, value: y, year, month: null, day: null, start: `${y}-01-01`, end: `${y}-12-31` };
  }
  const m = pad(month ?? 1);
  if (precision === "month") {
    const last = daysInMonth(year, month ?? 1);
    return {
      precision,
      value: `${y}-${m}`,
      year,
      month,
      day: null,
      start: `${y}-${m}-01`,
      end: `${y}-${m}-${pad(last)}`,
    };
  }
  const value = `${y}-${m}-${pad(day ?? 1)}`;
  return { precision, value, year, month, day, start: value, end: value };
}

/** Rebuilds a stored date (precision + first covered day) into a PartialDate. */
export function partialDateFromStored(precision: string, start: string): PartialDate {
  const length = precision === "year" ? 4 : precision === "month" ? 7 : 10;
  const parsed = parsePartialDate(start.slice(0, length));
  if (!parsed || parsed.precision !== precision) {
    throw new Error(`Stored date is corrupt: precision=${precision} start=${start}`);
  }
  return parsed;
}

/** "2019", "Dec 2020", "14 Dec 2020". */
export function formatPartialDate(date: PartialDate, style: "short" | "long" = "short"): string {
  if (date.precision === "year") return String(date.year);
  const d = calendarDay(date.year, date.month ?? 1, date.day ?? 1);
  if (date.precision === "month") return format(d, style === "long" ? "MMMM yyyy" : "MMM yyyy");
  return format(d, style === "long" ? "d MMMM yyyy" : "d MMM yyyy");
}

/** Formats a stored event date ("month", "2020-12-01") for display ("Dec 2020"). */
export function formatStoredDate(
  precision: string,
  start: string,
  style: "short" | "long" = "short",
): string {
  return formatPartialDate(partialDateFromStored(precision, start), style);
}

/** Whether the days covered by two partial dates overlap (inclusive). */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** "April 2021" for a "YYYY-MM" key. */
export function formatMonthKey(key: string, style: "short" | "long" = "long"): string {
  const parsed = parsePartialDate(key);
  if (!parsed || parsed.precision !== "month") throw new Error(`Not a month: ${key}`);
  return formatPartialDate(parsed, style);
}

/** The UTC calendar day of an instant, formatted like an event date ("29 Nov 2026"). */
export function formatInstantDay(instant: Date, style: "short" | "long" = "short"): string {
  const day = parsePartialDate(instant.toISOString().slice(0, 10));
  if (!day) throw new Error(`Not a valid instant: ${String(instant)}`);
  return formatPartialDate(day, style);
}

/** Formats a date as entered ("2021-04-29" -> "29 Apr 2021"); returns the input when it is not a date. */
export function formatDateText(value: string, style: "short" | "long" = "short"): string {
  const date = parsePartialDate(value);
  return date ? formatPartialDate(date, style) : value;
}
