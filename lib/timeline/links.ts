import { formatPartialDate, parsePartialDate, type PartialDate } from "@/lib/dates/partial-date";
import { eventTypeInfo } from "@/lib/events/vocabulary";
import { serializeTimelineFilters, type FilterProblem, type TimelineFilters } from "@/lib/timeline/filters";

/** The timeline URL for a set of filters ("/" when nothing is set). */
export function timelineHref(filters: TimelineFilters, extra: Record<string, string> = {}): string {
  const params = serializeTimelineFilters(filters);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/** The filters without the references the database did not know (they were reported and ignored). */
export function withoutUnknownReferences(filters: TimelineFilters, problems: readonly FilterProblem[]): TimelineFilters {
  const unknown = (param: string) => new Set(problems.filter((p) => p.param === param).map((p) => p.value));
  const drop = (values: string[], param: string) => values.filter((v) => !unknown(param).has(v));
  return {
    ...filters,
    actors: drop(filters.actors, "actor"),
    initiators: drop(filters.initiators, "initiator"),
    targets: drop(filters.targets, "target"),
    tags: drop(filters.tags, "tag"),
  };
}

/** Actor references given by an alias replaced by the actor's slug, so that links use slugs. */
export function withCanonicalReferences(filters: TimelineFilters, canonical: ReadonlyMap<string, string>): TimelineFilters {
  if (canonical.size === 0) return filters;
  const swap = (values: string[]) => [...new Set(values.map((v) => canonical.get(v) ?? v))];
  return { ...filters, actors: swap(filters.actors), initiators: swap(filters.initiators), targets: swap(filters.targets) };
}

export type ActiveFilter = { param: string; value: string; label: string; href: string };

/** One entry per active filter value, each with the link that removes just that value. */
export function activeFilters(filters: TimelineFilters, labelFor: (param: string, value: string) => string): ActiveFilter[] {
  const list: ActiveFilter[] = [];
  const add = (param: string, value: string, label: string, without: TimelineFilters) =>
    list.push({ param, value, label, href: timelineHref(without) });
  if (filters.q) add("q", filters.q, `Search: “${filters.q}”`, { ...filters, q: "", words: [] });
  if (filters.from) add("from", filters.from.value, `From ${formatPartialDate(filters.from)}`, { ...filters, from: null });
  if (filters.to) add("to", filters.to.value, `To ${formatPartialDate(filters.to)}`, { ...filters, to: null });
  for (const type of filters.types) {
    add("type", type, `Type: ${eventTypeInfo(type).label}`, { ...filters, types: filters.types.filter((t) => t !== type) });
  }
  const lists = [
    ["initiator", "initiators", "Initiator"],
    ["target", "targets", "Target"],
    ["actor", "actors", "Involving"],
    ["tag", "tags", "Tag"],
    ["basis", "bases", "Legal basis"],
  ] as const;
  for (const [param, key, heading] of lists) {
    for (const value of filters[key]) {
      add(param, value, `${heading}: ${labelFor(param, value)}`, { ...filters, [key]: filters[key].filter((v) => v !== value) });
    }
  }
  return list;
}

/** "Apr 2021", "Apr 2021 – Jun 2021", "since 2019", "until 14 Dec 2020"; "" without dates. */
export function describeRange(from: PartialDate | null, to: PartialDate | null): string {
  if (from && to) return from.value === to.value ? formatPartialDate(from) : `${formatPartialDate(from)} – ${formatPartialDate(to)}`;
  if (from) return `since ${formatPartialDate(from)}`;
  if (to) return `until ${formatPartialDate(to)}`;
  return "";
}

/**
 * The one-line statement of what is shown: "23 events · Russia → United States · Apr 2021".
 * Also the page title.
 */
export function describeView(filters: TimelineFilters, total: number, labelFor: (param: string, value: string) => string): string {
  const names = (param: string, values: string[]) => values.map((v) => labelFor(param, v)).join(", ");
  const parts = [`${total.toLocaleString("en-GB")} ${total === 1 ? "event" : "events"}`];
  if (filters.initiators.length > 0 || filters.targets.length > 0) {
    const by = filters.initiators.length > 0 ? names("initiator", filters.initiators) : "anyone";
    const against = filters.targets.length > 0 ? names("target", filters.targets) : "anyone";
    parts.push(`${by} → ${against}`);
  }
  if (filters.actors.length > 0) parts.push(`involving ${names("actor", filters.actors)}`);
  if (filters.types.length > 0) parts.push(filters.types.map((t) => eventTypeInfo(t).label).join(" or "));
  if (filters.tags.length > 0) parts.push(`tagged ${names("tag", filters.tags)}`);
  if (filters.bases.length > 0) parts.push(`under ${filters.bases.join(" or ")}`);
  if (filters.q) parts.push(`matching “${filters.q}”`);
  const range = describeRange(filters.from, filters.to);
  if (range) parts.push(range);
  return parts.join(" · ");
}

/** The filters narrowed to one chart period ("2021-04" or "2021"). */
export function narrowToPeriod(filters: TimelineFilters, period: string): TimelineFilters {
  const date = parsePartialDate(period);
  return date ? { ...filters, from: date, to: date } : filters;
}
