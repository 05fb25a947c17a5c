import Link from "next/link";
import { Timeline } from "@/components/timeline/timeline";
import { countPublicEvents, listTimelineEvents } from "@/lib/events/queries";
import { decodeCursor } from "@/lib/timeline/cursor";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TimelinePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const rawCursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const cursor = decodeCursor(rawCursor);
  const [page, total] = await Promise.all([listTimelineEvents({ cursor }), countPublicEvents()]);

  return (
    <>
      <div className="page-heading">
        <h1>Timeline</h1>
        <p className="summary-line">
          {total} {total === 1 ? "event" : "events"}, newest first
          {cursor ? " · continued" : null}
        </p>
        {rawCursor && !cursor ? (
          <p className="notice" role="status">
            The page position in this link is not valid; showing the newest events.
          </p>
        ) : null}
      </div>
      {page.events.length === 0 ? (
        <p className="empty">No events have been published yet.</p>
      ) : (
        <Timeline events={page.events} />
      )}
      {page.nextCursor ? (
        <p className="load-more">
          <Link href={`/?cursor=${encodeURIComponent(page.nextCursor)}`} className="button">
            Older events
          </Link>
        </p>
      ) : null}
    </>
  );
}
