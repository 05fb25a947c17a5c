import ical, { ICalCalendarMethod } from "ical-generator";
import { parsePartialDate } from "@/lib/dates/partial-date";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { eventTypeInfo } from "@/lib/events/vocabulary";
import { entryText } from "@/lib/reach/entry";

/** Calendar days only, by arithmetic on the date itself: no time zone can move them. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The days an event covers in a calendar, as all-day dates with an exclusive end
 * (RFC 5545): its own day, or through the last day of its end date ("to leave by 21 May"
 * ends on 21 May; an end of "2022-06" runs through 30 June). Null for an event whose date
 * is only a month or a year: a calendar cannot show that without inventing a day.
 */
export function calendarSpan(event: Pick<EventSnapshot, "datePrecision" | "dateStart" | "endDate">): { start: string; end: string } | null {
  if (event.datePrecision !== "day") return null;
  const until = event.endDate ? parsePartialDate(event.endDate) : null;
  const last = until && until.end > event.dateStart ? until.end : event.dateStart;
  return { start: event.dateStart, end: nextDay(last) };
}

/** Longest summary a calendar event repeats; the event's page has the rest and the sources. */
export const CALENDAR_SUMMARY_LENGTH = 300;

/**
 * What a calendar event says besides its title: type and date, who acted on whom, the
 * summary (cut), the link. Kept short: ical-generator's line folding costs time per
 * character, and calendar apps show a few lines.
 */
export function calendarDescription(text: ReturnType<typeof entryText>): string {
  const summary = text.summary.length > CALENDAR_SUMMARY_LENGTH ? `${text.summary.slice(0, CALENDAR_SUMMARY_LENGTH - 1).trimEnd()}…` : text.summary;
  return [text.dateLine, text.actorsLine, summary, text.link].filter((line) => line !== "").join("\n");
}

export const CALENDAR_NOTE =
  "Events dated only to a month or a year are left out of this calendar, which has whole days only; they are on the timeline.";

export type CalendarInput = {
  events: readonly EventSnapshot[];
  origin: string;
  query: string;
  description: string;
  /** More day-precision events matched than the calendar holds. */
  truncated: boolean;
  limit: number;
};

/** An iCalendar (RFC 5545) of the day-precision events among `events`. */
export function buildCalendar(input: CalendarInput): string {
  const { origin, query } = input;
  const pageUrl = `${origin}/${query === "" ? "" : `?${query}`}`;
  const host = new URL(origin).host;
  const notes = [`Events of this Demarche view: ${input.description}.`, CALENDAR_NOTE];
  if (input.truncated) notes.push(`Only the ${input.limit} most recent day-dated events are included.`);
  const calendar = ical({
    name: `Demarche: ${input.description}`,
    description: notes.join(" "),
    prodId: { company: "Demarche", product: "Demarche", language: "EN" },
    url: pageUrl,
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const event of input.events) {
    const span = calendarSpan(event);
    if (!span) continue;
    const text = entryText(event, origin);
    calendar.createEvent({
      id: `event-${event.id}@${host}`,
      // Strings, not Dates: ical-generator writes a Date in the process's zone (STACK.md).
      start: span.start,
      end: span.end,
      allDay: true,
      summary: event.title,
      description: calendarDescription(text),
      url: text.link,
      // The change time, not "now", so the same data gives the same bytes (ETag).
      stamp: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      lastModified: new Date(event.updatedAt),
      categories: [{ name: eventTypeInfo(event.type).label }],
      sequence: Math.max(0, event.version - 1),
    });
  }
  return calendar.toString();
}
