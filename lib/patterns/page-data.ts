import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { resolveFilterReferences } from "@/lib/events/filter-query";
import { getViewParticipations } from "@/lib/patterns/queries";
import { parseTimelineFilters, serializeTimelineFilters, type FilterProblem, type TimelineFilters } from "@/lib/timeline/filters";
import { withoutUnknownReferences } from "@/lib/timeline/links";
import { searchEventIds } from "@/lib/timeline/source";

export type PatternPageData = Awaited<ReturnType<typeof getViewParticipations>> & {
  filters: TimelineFilters;
  query: string;
  problems: FilterProblem[];
};

/** The view of a query string (same parser and read path as the timeline) with its participations. */
export const loadPatternView = cache(async (search: string): Promise<PatternPageData> => {
  const parsed = parseTimelineFilters(new URLSearchParams(search));
  const { resolved, problems } = await resolveFilterReferences(prisma, parsed.filters, { search: searchEventIds });
  const data = await getViewParticipations(resolved);
  const filters = withoutUnknownReferences(parsed.filters, problems);
  return { ...data, filters, query: serializeTimelineFilters(filters).toString(), problems: [...parsed.problems, ...problems] };
});
