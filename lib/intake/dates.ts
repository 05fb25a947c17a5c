/**
 * Dates in a sentence, resolved against the article's publication date with Demarche's
 * precision (day, month, year). `chrono-node` finds and reads the phrases; this module adds
 * the parsers and refiners that news text needs:
 * - past bias: in a sentence not about the future, a weekday, a day without a year or a
 *   month without a year is the most recent one not after the publication date;
 * - bare years ("in 2019") with year precision, which chrono does not read;
 * - weeks ("last week") and day ranges ("between 13 and 19 July") as spans, which the date
 *   model cannot hold: the narrowest precision that covers them plus the span itself;
 * - deadlines ("to leave by 21 May"), read as the end of an event, never biased to the past;
 * - anaphoric days ("the next day", "two days later") relative to the previous explicit day.
 * chrono's reference is noon UTC of the publication day with a zero offset, and results are
 * read as components (`get("year")`…), never as a `Date` in the server's zone.
 */
import * as chrono from "chrono-node";
import { addDays, compareDays, type CalendarDay, daysInMonth, dayNumber, formatDay, formatMonth, weekday } from "./calendar";
import type { DraftPrecision } from "./types";

export type DateMention = {
  /** Offsets in the sentence. */
  start: number;
  end: number;
  text: string;
  date: string;
  precision: DraftPrecision;
  /** The first and last day the mention covers. */
  from: CalendarDay;
  to: CalendarDay;
  /** A span the date model cannot hold exactly ("last week", "between 13 and 19 July"). */
  span: { from: string; to: string; text: string } | null;
  /** "by 21 May": the end of an event, not its date. */
  deadline: boolean;
  /** Resolved against an earlier date of the article ("the next day"), not the publication. */
  anaphoric: boolean;
  /** Starts after the publication date. */
  future: boolean;
};

export type DateContext = {
  published: CalendarDay;
  /** The sentence speaks of the future ("will", "scheduled", "next month"). */
  futureTense: boolean;
  /** The previous explicit day in the article, for "the next day". */
  anchor: CalendarDay | null;
  /** The previous explicit day or month, for "later that month" (defaults to `anchor`). */
  monthAnchor?: CalendarDay | null;
};

const TAG_YEAR = "demarche/year";
const TAG_WEEK = "demarche/week";
const TAG_RANGE = "demarche/range";
const TAG_RELATIVE_DAY = "demarche/relative-day";
const TAG_SEASON = "demarche/season";

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const ORD = "(?:st|nd|rd|th)?";
const monthOf = (name: string) => MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function referenceDay(context: chrono.ParsingContext): CalendarDay {
  const instant = context.reference.instant;
  return { y: instant.getUTCFullYear(), m: instant.getUTCMonth() + 1, d: instant.getUTCDate() };
}

/** "in 2019", "since 2014", "in early 2020", "in the spring of 2018", "2019's". */
const bareYearParser: chrono.Parser = {
  pattern: () =>
    /\b(in|during|since|throughout|until|by|of|from|before|after|early|late|mid-?|end of|start of|beginning of)\s+(?:(early|late|mid-?|the (spring|summer|autumn|fall|winter|end|beginning|start|middle|first half|second half) of)\s+)?((?:19|20)\d\d)(?![\d/–-]|\s*(?:[/–-]\s*\d))/i,
  extract: (context, match) => {
    const year = Number(match[4]);
    const result = context.createParsingResult(match.index ?? 0, match[0], { year });
    result.addTag(TAG_YEAR);
    if (match[3]) result.addTag(TAG_SEASON);
    return result;
  },
};

/** "last week", "earlier this week", "next week", "last weekend". */
const weekParser: chrono.Parser = {
  pattern: () => /\b(last|this|next|earlier this|later this|the previous|the past|the following|the coming)\s+(week|weekend)\b/i,
  extract: (context, match) => {
    const ref = referenceDay(context);
    const which = (match[1] ?? "").toLowerCase();
    const weekend = (match[2] ?? "").toLowerCase() === "weekend";
    const monday = addDays(ref, -((weekday(ref) + 6) % 7));
    let from: CalendarDay;
    let to: CalendarDay;
    if (which === "last" || which === "the previous" || which === "the past") {
      from = weekend ? addDays(monday, -2) : addDays(monday, -7);
      to = weekend ? addDays(monday, -1) : addDays(monday, -1);
      if (which === "the past" && !weekend) {
        from = addDays(ref, -7);
        to = ref;
      }
    } else if (which === "this" || which === "earlier this" || which === "later this") {
      from = weekend ? addDays(monday, 5) : which === "later this" ? ref : monday;
      to = weekend ? addDays(monday, 6) : which === "earlier this" ? ref : addDays(monday, 6);
    } else {
      from = weekend ? addDays(monday, 12) : addDays(monday, 7);
      to = weekend ? addDays(monday, 13) : addDays(monday, 13);
    }
    const result = context.createParsingResult(match.index ?? 0, match[0], { year: from.y, month: from.m, day: from.d }, { year: to.y, month: to.m, day: to.d });
    result.addTag(TAG_WEEK);
    return result;
  },
};

/** "between 13 and 19 July", "from 13 to 19 July 2020", "13-19 July", "July 13 to 19", "between 13 July and 2 August". */
const dayRangeParser: chrono.Parser = {
  pattern: () =>
    new RegExp(
      `\\b(?:(?:between|from)\\s+)?(?:(\\d{1,2})${ORD}(?:\\s+${MONTH})?\\s*(?:and|to|until|through|-|–)\\s*(\\d{1,2})${ORD}\\s+${MONTH}|${MONTH}\\s+(\\d{1,2})${ORD}\\s*(?:and|to|until|through|-|–)\\s*(?:${MONTH}\\s+)?(\\d{1,2})${ORD})(?:,?\\s+(\\d{4}))?\\b`,
      "i",
    ),
  extract: (context, match) => {
    let d1: number, m1: number, d2: number, m2: number;
    if (match[1]) {
      d1 = +match[1];
      d2 = +(match[3] ?? "");
      m2 = monthOf((match[4] ?? ""));
      m1 = match[2] ? monthOf(match[2]) : m2;
    } else {
      m1 = monthOf((match[5] ?? ""));
      d1 = +(match[6] ?? "");
      m2 = match[7] ? monthOf(match[7]) : m1;
      d2 = +(match[8] ?? "");
    }
    if (d1 < 1 || d2 < 1 || d1 > 31 || d2 > 31 || m1 < 1 || m2 < 1) return null;
    const year = match[9] ? Number(match[9]) : null;
    const start: Record<string, number> = { month: m1, day: d1 };
    const end: Record<string, number> = { month: m2, day: d2 };
    if (year) {
      start.year = m1 > m2 ? year - 1 : year;
      end.year = year;
    }
    const result = context.createParsingResult(match.index ?? 0, match[0], start, end);
    if (!year) {
      const ref = referenceDay(context);
      result.start.imply("year", m1 > m2 ? ref.y - 1 : ref.y);
      result.end?.imply("year", ref.y);
    }
    result.addTag(TAG_RANGE);
    return result;
  },
};

/** "the next day", "the following day", "a day later", "two days later", "the same day". */
const WORD_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const relativeDayParser: chrono.Parser = {
  pattern: () =>
    /\b(?:(the (?:next|following) day|the day after|the next morning)|(the same day|that day|that same day|on the same day)|(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (days?|weeks?) (later|afterwards|after that|after|before))\b/i,
  extract: (context, match) => {
    let offset = 0;
    if (match[1]) offset = 1;
    else if (match[2]) offset = 0;
    else {
      const n = WORD_NUMBERS[(match[3] ?? "").toLowerCase()] ?? Number(match[3]);
      // "a day after Prague expelled…" dates Prague's step one day before the day just named.
      const sign = (match[5] ?? "").toLowerCase() === "after" ? -1 : 1;
      offset = sign * (/week/i.test(match[4] ?? "") ? n * 7 : n);
    }
    // The components are placeholders; the offset is resolved against the anchor later.
    const result = context.createParsingResult(match.index ?? 0, match[0], { year: 2000, month: 6, day: 15 + offset });
    result.addTag(TAG_RELATIVE_DAY);
    return result;
  },
};

/** "later that month", "the same month", "the following month", "a month later": months counted from the previous date. */
const TAG_RELATIVE_MONTH = "demarche/relative-month";
const relativeMonthParser: chrono.Parser = {
  pattern: () => /\b(?:(later that month|earlier that month|that same month|the same month|that month|(?:a few |several )?days later|within days)|(the following month|the next month|a month later))\b/i,
  extract: (context, match) => {
    const result = context.createParsingResult(match.index ?? 0, match[0], { year: 2000, month: match[1] ? 1 : 2, day: 1 });
    result.addTag(TAG_RELATIVE_MONTH);
    return result;
  },
};

/**
 * Past bias: unless the sentence is about the future (chrono's `forwardDate`), a weekday,
 * a month or a day whose year the text leaves open is the latest one not after the
 * publication date. Deadlines ("by 21 May") are left alone.
 */
const pastBiasRefiner: chrono.Refiner = {
  refine: (context, results) => {
    if (context.option.forwardDate) return results;
    const ref = referenceDay(context);
    for (const result of results) {
      if (isDeadline(context.text, result.index)) continue;
      if (result.tags().has(TAG_RELATIVE_DAY) || result.tags().has(TAG_WEEK) || result.tags().has(TAG_RELATIVE_MONTH)) continue;
      const last = result.end ?? result.start;
      const startDay = componentsDay(result.start);
      const lastDay = componentsDay(last);
      if (!startDay || !lastDay) continue;
      if (result.start.isCertain("weekday") && !result.start.isCertain("day")) {
        let day = startDay;
        while (compareDays(day, ref) > 0) day = addDays(day, -7);
        result.start.imply("year", day.y).imply("month", day.m).imply("day", day.d);
        continue;
      }
      if (!result.start.isCertain("year") && (result.start.isCertain("month") || result.start.isCertain("day"))) {
        const monthOnly = !result.start.isCertain("day");
        const lastComparable = monthOnly ? { y: lastDay.y, m: lastDay.m, d: 1 } : lastDay;
        const refComparable = monthOnly ? { y: ref.y, m: ref.m, d: 1 } : ref;
        if (compareDays(lastComparable, refComparable) > 0) {
          result.start.imply("year", startDay.y - 1);
          if (result.end && !result.end.isCertain("year")) result.end.imply("year", lastDay.y - 1);
        }
      }
    }
    return results;
  },
};

function componentsDay(c: chrono.ParsedComponents): CalendarDay | null {
  const y = c.get("year");
  const m = c.get("month");
  const d = c.get("day");
  return y === null || m === null || d === null ? null : { y, m, d };
}

function isDeadline(text: string, index: number): boolean {
  return /\b(?:by|until|till|before|no later than|deadline of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, index - 20), index));
}

const newsChrono = (() => {
  const parser = chrono.casual.clone();
  parser.parsers.unshift(bareYearParser, weekParser, dayRangeParser, relativeDayParser, relativeMonthParser);
  parser.refiners.push(pastBiasRefiner);
  return parser;
})();

/** chrono's own readings that are not dates in news prose ("may" the verb, clock times). */
function acceptable(result: chrono.ParsedResult, sentence: string): boolean {
  const tags = result.tags();
  if (tags.has(TAG_YEAR) || tags.has(TAG_WEEK) || tags.has(TAG_RANGE) || tags.has(TAG_RELATIVE_DAY) || tags.has(TAG_RELATIVE_MONTH)) return true;
  const s = result.start;
  const dateLike = s.isCertain("day") || s.isCertain("month") || s.isCertain("year") || s.isCertain("weekday");
  if (!dateLike) return false;
  // A lone month name must be used as a date ("in May", "last March"), not "may face".
  if (s.isCertain("month") && !s.isCertain("day") && !s.isCertain("year") && !s.isCertain("weekday")) {
    if (!/^[A-Z]/.test(result.text.replace(/^(in|on|by|since|of|until|from|last|this|next|early|late|mid-?)\s+/i, ""))) return false;
    const before = sentence.slice(Math.max(0, result.index - 12), result.index);
    if (!/\b(in|on|by|since|of|until|from|last|this|next|early|late|mid-?|,|and)\s*$/i.test(before) && !/^(in|on|by|since|last|this|next|early|late|mid)/i.test(result.text)) return false;
  }
  // A duration is not a date: "to leave within two weeks", "occupied for a month", "in 24 hours".
  const around = `${sentence.slice(Math.max(0, result.index - 8), result.index)}${result.text}`;
  if (/\b(?:within|for)\s+(?:the\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)\s*$/i.test(around)) return false;
  if (/\bin\s+(?:\d+|a few|several)\s+hours?\s*$/i.test(around)) return false;
  // "now", "today" without a date cue are not event dates; "yesterday" and weekdays are.
  if (/^(now|right now|today|tonight|this (morning|afternoon|evening))$/i.test(result.text.trim()) ) return false;
  return true;
}

function precisionOf(c: chrono.ParsedComponents): DraftPrecision | null {
  if (c.isCertain("day") || c.isCertain("weekday")) return "day";
  if (c.isCertain("month")) return "month";
  if (c.isCertain("year")) return "year";
  return null;
}

function coveringPrecision(from: CalendarDay, to: CalendarDay): DraftPrecision {
  if (compareDays(from, to) === 0) return "day";
  if (from.y === to.y && from.m === to.m) return "month";
  return "year";
}

function formatAt(day: CalendarDay, precision: DraftPrecision): string {
  if (precision === "day") return formatDay(day);
  if (precision === "month") return formatMonth(day.y, day.m);
  return String(day.y).padStart(4, "0");
}

/** The dates a sentence states, in text order. */
const DATE_HINT_RE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|tomorrow|today|tonight|week|weekend|month|year|ago|later|earlier|day|days|spring|summer|autumn|fall|winter)/i;

export function findDates(sentence: string, context: DateContext): DateMention[] {
  const { published } = context;
  if (!DATE_HINT_RE.test(sentence)) return [];
  const reference = { instant: new Date(Date.UTC(published.y, published.m - 1, published.d, 12)), timezone: 0 };
  // Past bias everywhere, except for a date whose own clause speaks of the future ("will
  // meet on Friday"): those are read again with chrono's forward dating.
  const past = newsChrono.parse(sentence, reference, { forwardDate: false });
  let results = past;
  if (context.futureTense && FUTURE_RE.test(sentence)) {
    const forward = new Map(newsChrono.parse(sentence, reference, { forwardDate: true }).map((r) => [r.index, r]));
    results = past.map((r) => (isFutureTense(clauseAround(sentence, r.index, r.index + r.text.length)) ? (forward.get(r.index) ?? r) : r));
  }
  const mentions: DateMention[] = [];
  let anchor = context.anchor;
  let monthAnchor = context.monthAnchor ?? context.anchor;
  for (const result of results) {
    if (!acceptable(result, sentence)) continue;
    const tags = result.tags();
    const text = result.text.replace(/^(?:on|in|during|since|throughout|by|of|from|between)\s+/i, "");
    const start = result.index + (result.text.length - text.length);
    const end = result.index + result.text.length;
    const deadline = isDeadline(sentence, result.index);
    if (/^since\b/i.test(result.text) || /\bsince\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, result.index - 12), result.index))) continue;
    let from: CalendarDay;
    let to: CalendarDay;
    let precision: DraftPrecision;
    let span: DateMention["span"] = null;
    let anaphoric = false;
    if (tags.has(TAG_RELATIVE_MONTH)) {
      if (!monthAnchor) continue;
      const plus = (result.start.get("month") ?? 1) - 1;
      const m0 = monthAnchor.m - 1 + plus;
      const y = monthAnchor.y + Math.floor(m0 / 12);
      const m = (m0 % 12) + 1;
      from = { y, m, d: 1 };
      to = { y, m, d: daysInMonth(y, m) };
      precision = "month";
      anaphoric = true;
    } else if (tags.has(TAG_RELATIVE_DAY)) {
      if (!anchor) continue;
      const offset = dayNumber({ y: 2000, m: result.start.get("month") ?? 6, d: result.start.get("day") ?? 15 }) - dayNumber({ y: 2000, m: 6, d: 15 });
      from = to = addDays(anchor, offset);
      precision = "day";
      anaphoric = true;
    } else if (tags.has(TAG_WEEK) || tags.has(TAG_RANGE)) {
      const a = componentsDay(result.start);
      const b = result.end ? componentsDay(result.end) : a;
      if (!a || !b) continue;
      from = a;
      to = b;
      precision = coveringPrecision(from, to);
      span = { from: formatDay(from), to: formatDay(to), text };
    } else if (tags.has(TAG_YEAR)) {
      const y = (result.start.get("year") ?? published.y);
      from = { y, m: 1, d: 1 };
      to = { y, m: 12, d: 31 };
      precision = "year";
    } else {
      const p = precisionOf(result.start);
      const day = componentsDay(result.start);
      if (!p || !day) continue;
      precision = p;
      if (p === "day") from = to = day;
      else if (p === "month") {
        from = { y: day.y, m: day.m, d: 1 };
        to = { y: day.y, m: day.m, d: daysInMonth(day.y, day.m) };
      } else {
        from = { y: day.y, m: 1, d: 1 };
        to = { y: day.y, m: 12, d: 31 };
      }
      if (result.end && p === "day") {
        const endDay = componentsDay(result.end);
        if (endDay && compareDays(endDay, day) > 0 && result.end.isCertain("day")) {
          to = endDay;
          precision = coveringPrecision(from, to);
          span = { from: formatDay(from), to: formatDay(to), text };
        }
      }
    }
    // "earlier this month" / "earlier this year" never reach past the publication date.
    if (/^earlier this/i.test(sentence.slice(Math.max(0, result.index - 8), end).trim()) && compareDays(to, published) > 0) to = published;
    if (span === null && !deadline && !anaphoric && precision === "day") anchor = from;
    if (span === null && !deadline && !anaphoric && precision !== "year") monthAnchor = from;
    const representative = from;
    mentions.push({
      start,
      end,
      text: sentence.slice(start, end),
      date: formatAt(representative, precision),
      precision,
      from,
      to,
      span,
      deadline,
      anaphoric,
      future: dayNumber(from) > dayNumber(published),
    });
  }
  return mentions;
}

/** The clause around a position: from the previous to the next comma, semicolon or dash. */
function clauseAround(sentence: string, start: number, end: number): string {
  const before = sentence.slice(0, start);
  const from = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(" – "), before.lastIndexOf(" — "));
  const rest = sentence.slice(end);
  const stop = rest.search(/[,;]|\s[–—]\s/);
  return sentence.slice(from + 1, stop < 0 ? sentence.length : end + stop);
}

const FUTURE_RE =
  /\b(will|shall|is to|are to|is due to|are due to|is scheduled|are scheduled|scheduled to|scheduled for|plans to|planning to|plan to|intends to|intend to|is expected to|are expected to|is set to|are set to|upcoming|later this (?:week|month|year)|next (?:week|month|year)|the coming (?:days|weeks|months)|is going to|are going to)\b/i;

/** The sentence speaks of the future ("will meet", "is scheduled for", "next month"). */
export function isFutureTense(text: string): boolean {
  return FUTURE_RE.test(text);
}
