/**
 * Calendar days as plain numbers, never as a `Date` in the server's time zone: every
 * computation goes through `Date.UTC`, so TZ cannot shift a day.
 */
export type CalendarDay = { y: number; m: number; d: number };

export function parseCalendarDay(value: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const y = +(m[1] ?? "");
  const mo = +(m[2] ?? "");
  const d = +(m[3] ?? "");
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

export function dayNumber(day: CalendarDay): number {
  return Math.round(Date.UTC(day.y, day.m - 1, day.d) / 86_400_000);
}

export function fromDayNumber(n: number): CalendarDay {
  const date = new Date(n * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromDayNumber(dayNumber(day) + days);
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return dayNumber(a) - dayNumber(b);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: CalendarDay): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function formatDay(day: CalendarDay): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** Today's calendar day in UTC, for the "not in the future" check. */
export function todayUtc(now: Date = new Date()): string {
  return formatDay({ y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() });
}
