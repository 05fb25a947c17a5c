import "server-only";
import { cache } from "react";
import { getViewParticipations } from "@/lib/patterns/queries";
import type { FilterProblem, TimelineFilters } from "@/lib/timeline/filters";
import { resolveTimelineQuery } from "@/lib/timeline/page-data";

export type PatternPageData = Awaited<ReturnType<typeof getViewParticipations>> & {
  filters: TimelineFilters;
  query: string;
  problems: FilterProblem[];
};

/** The view of a query string (same parser and read path as the timeline) with its participations. */
export const loadPatternView = cache(async (search: string): Promise<PatternPageData> => {
  const { resolved, filters, query, problems } = await resolveTimelineQuery(search);
  return { ...(await getViewParticipations(resolved)), filters, query, problems };
});
