import "server-only";
import type { ResolvedFilters } from "@/lib/timeline/resolve";
import type { TimelineFilters } from "@/lib/timeline/filters";
import { resolveTimelineQuery } from "@/lib/timeline/page-data";
import { invalidFilterResponse } from "@/lib/reach/errors";

export type MachineQuery = {
  params: URLSearchParams;
  resolved: ResolvedFilters;
  filters: TimelineFilters;
  /** The canonical query string of the filters (for links back to the page). */
  query: string;
};

/**
 * A machine-facing address's query string, read exactly as the timeline reads it
 * (`resolveTimelineQuery`), except that a value the page would drop with a notice (an
 * unknown actor, tag or type, a malformed date...) is refused: a feed or a script cannot
 * read the notice, and silently widening the result would hand it the wrong events.
 */
export async function resolveMachineQuery(search: string): Promise<{ ok: true; value: MachineQuery } | { ok: false; response: Response }> {
  const { params, resolved, filters, query, problems } = await resolveTimelineQuery(search);
  if (problems.length > 0) return { ok: false, response: invalidFilterResponse(problems) };
  return { ok: true, value: { params, resolved, filters, query } };
}

/** The search part of a request's URL, without the "?". */
export function searchOfRequest(request: Request): string {
  return new URL(request.url).search.replace(/^\?/, "");
}
