import Link from "next/link";
import { EventDate } from "@/components/events/event-date";
import { Notice } from "@/components/admin/notice";
import { RowAction } from "@/components/admin/row-action";
import { requireEditor } from "@/lib/auth/current-user";
import { formatInstantDay } from "@/lib/dates/partial-date";
import { restoreEventAction } from "@/lib/events/actions";
import { ADMIN_STATUSES, listAdminEvents, parseAdminEventFilters, type AdminEventFilters } from "@/lib/events/admin-queries";
import { EVENT_TYPES, eventTypeInfo } from "@/lib/events/vocabulary";

export const dynamic = "force-dynamic";
export const metadata = { title: "Events" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUS_LABELS: Record<(typeof ADMIN_STATUSES)[number], string> = {
  all: "Drafts and published",
  draft: "Drafts",
  published: "Published",
  trash: "Trash",
};

function pageHref(filters: AdminEventFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.type) params.set("type", filters.type);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin?${query}` : "/admin";
}

export default async function AdminEventsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = parseAdminEventFilters(params);
  const user = await requireEditor(pageHref(filters, filters.page));
  const { events, total, pageSize } = await listAdminEvents(filters);
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <div className="page-heading page-heading--actions">
        <h1>Events</h1>
        <Link href="/admin/events/new" className="button">
          New event
        </Link>
      </div>
      <Notice code={params.notice} />
      <form method="get" action="/admin" className="filters" role="search" aria-label="Filter events">
        <div className="field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} placeholder="Title, actor, tag, source or #id" />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Show</label>
          <select id="filter-status" name="status" defaultValue={filters.status}>
            {ADMIN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-type">Type</label>
          <select id="filter-type" name="type" defaultValue={filters.type ?? ""}>
            <option value="">All types</option>
            {EVENT_TYPES.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filter</button>
      </form>

      <p className="summary-line" role="status">
        {total} {total === 1 ? "event" : "events"}, last edited first
      </p>
      {events.length === 0 ? (
        <p className="empty">No events match.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Last edited</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <th scope="row">
                    <Link href={`/admin/events/${event.id}/edit`}>{event.title}</Link>
                  </th>
                  <td>
                    <EventDate precision={event.datePrecision} start={event.dateStart} />
                  </td>
                  <td>{eventTypeInfo(event.type).label}</td>
                  <td>
                    {event.deletedAt ? (
                      <span className="status status--trash">In the trash</span>
                    ) : event.status === "published" ? (
                      <span className="status status--published">Published</span>
                    ) : (
                      <span className="status status--draft">Draft</span>
                    )}
                  </td>
                  <td>
                    <time dateTime={event.updatedAt.toISOString()}>{formatInstantDay(event.updatedAt)}</time>
                  </td>
                  <td>
                    {/* The flex box is inside the cell: a flex cell stops being a table cell and its row line slips. */}
                    <div className="admin-table__actions">
                    <Link href={`/admin/events/${event.id}/history`} aria-label={`History of ${event.title}`}>
                      History
                    </Link>
                    {event.deletedAt && user.role === "admin" ? (
                      <RowAction action={restoreEventAction} fields={{ id: event.id, version: event.version }} label={`Restore ${event.title}`}>
                        Restore
                      </RowAction>
                    ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {filters.page > 1 ? <Link href={pageHref(filters, filters.page - 1)}>← Newer edits</Link> : null}
          <span>
            Page {filters.page} of {pages}
          </span>
          {filters.page < pages ? <Link href={pageHref(filters, filters.page + 1)}>Older edits →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
