import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { engineOf } from "@/lib/db/engine";
import { resolveFilterReferences } from "@/lib/timeline/resolve";
import { getTimelineView, type FacetOption, type TimelineView } from "@/lib/timeline/view";
import { decodeCursor } from "@/lib/timeline/cursor";
import { parseTimelineFilters, serializeTimelineFilters, type FilterProblem, type TimelineFilters } from "@/lib/timeline/filters";
import { describeView, withCanonicalReferences, withoutUnknownReferences } from "@/lib/timeline/links";

export type TimelinePageData = {
  /** The filters in effect (unknown references dropped), for links and the form. */
  filters: TimelineFilters;
  /** Their canonical query string. */
  query: string;
  problems: FilterProblem[];
  /** A cursor was given but was not valid (the first page is shown). */
  badCursor: boolean;
  continued: boolean;
  view: TimelineView;
  summary: string;
  labelFor: (param: string, value: string) => string;
};

type Params = Record<string, string | string[] | undefined>;

/**
 * Everything the timeline page needs for a query string; cached per request so that the
 * page and its metadata (title) share one computation.
 */
export const loadTimelinePage = cache(async (search: string): Promise<TimelinePageData> => {
  const { params, resolved, filters, query, problems } = await resolveTimelineQuery(search);
  const rawCursor = params.get("cursor") ?? undefined;
  const cursor = decodeCursor(rawCursor);
  const view = await getTimelineView({ filters: resolved, cursor });
  const labelFor = (param: string, value: string) => {
    const options = (view.facets as Record<string, FacetOption[] | undefined>)[param] ?? [];
    return options.find((o) => o.value === value || o.slug === value)?.label ?? value;
  };
  return {
    filters,
    query,
    problems,
    badCursor: rawCursor !== undefined && cursor === null,
    continued: cursor !== null,
    view,
    summary: describeView(filters, view.total, labelFor),
    labelFor,
  };
});

/**
 * A view's query string parsed and its references resolved, as every view of the timeline
 * (page, matrix, map) reads it: the filters to query with, the filters to link with
 * (unknown references dropped) and what was wrong with the link.
 */
export async function resolveTimelineQuery(search: string) {
  const params = new URLSearchParams(search);
  const parsed = parseTimelineFilters(params);
  const { resolved, problems, canonical } = await resolveFilterReferences(prisma, parsed.filters, { search: (words) => engineOf(prisma).timeline.search(words) });
  const filters = withCanonicalReferences(withoutUnknownReferences(parsed.filters, problems), canonical);
  return {
    params,
    resolved,
    filters,
    query: serializeTimelineFilters(filters).toString(),
    problems: [...parsed.problems, ...problems] as FilterProblem[],
  };
}

/** The search params of a page as a query string (repeated parameters kept). */
export function searchOf(params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of ([] as string[]).concat(value ?? [])) search.append(name, v);
  }
  return search.toString();
}
