import { formatMonthKey } from "@/lib/dates/partial-date";

export type DatedItem = { datePrecision: string; dateStart: string };

export type MonthGroup<T> = {
  /** "2021-04", or "2019" for events known only to the year. */
  key: string;
  label: string;
  items: T[];
  /** The month the previous page ended in: its heading is already on the page. */
  continued?: boolean;
};

export type YearGroup<T> = {
  year: string;
  months: MonthGroup<T>[];
  /** The year the previous page ended in: its heading is already on the page. */
  continued?: boolean;
};

/** The month key ("2021-04", or "2019" for an event known only to the year) of an item. */
export function monthKeyOf(item: DatedItem): string {
  return item.datePrecision === "year" ? item.dateStart.slice(0, 4) : item.dateStart.slice(0, 7);
}

/**
 * Groups an already sorted list into years and months, keeping the order. Events dated
 * only to a year get their own group within that year. Consecutive items only: the
 * sort order decides, grouping never reorders. `after` is the month key the previous page
 * ended in (for "Load more"): the first year and month are marked continued when they carry
 * on from it, so their headings are not repeated.
 */
export function groupByYearAndMonth<T extends DatedItem>(items: readonly T[], after?: string | null): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  const afterYear = after ? after.slice(0, 4) : null;
  for (const item of items) {
    const year = item.dateStart.slice(0, 4);
    const key = monthKeyOf(item);
    let yearGroup = years.at(-1);
    if (!yearGroup || yearGroup.year !== year) {
      yearGroup = { year, months: [], ...(years.length === 0 && year === afterYear ? { continued: true } : {}) };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (!monthGroup || monthGroup.key !== key) {
      monthGroup = {
        key,
        label: item.datePrecision === "year" ? `${year}, month not known` : formatMonthKey(key),
        items: [],
        ...(years.length === 1 && yearGroup.months.length === 0 && key === after ? { continued: true } : {}),
      };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.items.push(item);
  }
  return years;
}
