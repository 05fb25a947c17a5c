import { formatMonthKey } from "@/lib/dates/partial-date";

export type DatedItem = { datePrecision: string; dateStart: string };

export type MonthGroup<T> = {
  /** "2021-04", or "2019" for events known only to the year. */
  key: string;
  label: string;
  items: T[];
};

export type YearGroup<T> = { year: string; months: MonthGroup<T>[] };

/**
 * Groups an already sorted list into years and months, keeping the order. Events dated
 * only to a year get their own group within that year. Consecutive items only: the
 * sort order decides, grouping never reorders.
 */
export function groupByYearAndMonth<T extends DatedItem>(items: readonly T[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const item of items) {
    const year = item.dateStart.slice(0, 4);
    const key = item.datePrecision === "year" ? year : item.dateStart.slice(0, 7);
    let yearGroup = years.at(-1);
    if (!yearGroup || yearGroup.year !== year) {
      yearGroup = { year, months: [] };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (!monthGroup || monthGroup.key !== key) {
      monthGroup = {
        key,
        label: item.datePrecision === "year" ? `${year}, month not known` : formatMonthKey(key),
        items: [],
      };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.items.push(item);
  }
  return years;
}
