import Link from "next/link";
import { Timeline } from "@/components/timeline/timeline";
import { prisma } from "@/lib/db";
import { resolveFilterReferences } from "@/lib/events/filter-query";
import { countTimelineEvents, listTimelineEvents } from "@/lib/events/queries";
import { decodeCursor } from "@/lib/timeline/cursor";
import { hasActiveFilters, parseTimelineFilters, serializeTimelineFilters } from "@/lib/timeline/filters";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TimelinePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = parseTimelineFilters(params);
  const { resolved, problems } = await resolveFilterReferences(prisma, parsed.filters);
  const allProblems = [...parsed.problems, ...problems];
  const rawCursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const cursor = decodeCursor(rawCursor);
  const [page, total] = await Promise.all([
    listTimelineEvents({ filters: resolved, cursor }),
    countTimelineEvents(resolved),
  ]);
  const query = serializeTimelineFilters(resolved);

  return (
    <>
      <div className="page-heading">
        <h1>Timeline</h1>
        <p className="summary-line">
          {total} {total === 1 ? "event" : "events"}, {resolved.sort === "oldest" ? "oldest" : "newest"} first
          {cursor ? " · continued" : null}
        </p>
        {rawCursor && !cursor ? (
          <p className="notice" role="status">
            The page position in this link is not valid; showing the first page.
          </p>
        ) : null}
        {allProblems.length > 0 ? (
          <ul className="notice" role="status" aria-label="Problems with this link">
            {allProblems.map((p) => (
              <li key={`${p.param}-${p.value}`}>{p.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {page.events.length === 0 ? (
        <p className="empty">
          {hasActiveFilters(resolved) ? (
            <>
              No published event matches these filters. <Link href="/">Clear all filters</Link>
            </>
          ) : (
            "No events have been published yet."
          )}
        </p>
      ) : (
        <Timeline events={page.events} />
      )}
      {page.nextCursor ? (
        <p className="load-more">
          <Link href={`/?${withCursor(query, page.nextCursor)}`} className="button">
            Older events
          </Link>
        </p>
      ) : null}
    </>
  );
}

function withCursor(query: URLSearchParams, cursor: string): string {
  const next = new URLSearchParams(query);
  next.set("cursor", cursor);
  return next.toString();
}
