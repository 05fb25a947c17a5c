import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/admin/event-form";
import { Notice } from "@/components/admin/notice";
import { requireEditor } from "@/lib/auth/current-user";
import { formatInstantDay } from "@/lib/dates/partial-date";
import { purgeEventAction, restoreEventAction, trashEventAction } from "@/lib/events/actions";
import { getEventForEdit } from "@/lib/events/admin-queries";
import { snapshotToFormValues } from "@/lib/events/form";
import { isMergeField, mergeFieldLabel } from "@/lib/events/merge";
import { parseEventId } from "@/lib/events/route-params";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit event" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EditEventPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id: raw } = await params;
  const user = await requireEditor(`/admin/events/${raw}/edit`);
  const query = await searchParams;
  const id = parseEventId(raw);
  const loaded = id === null ? null : await getEventForEdit(id);
  if (!loaded) notFound();
  const { snapshot, related } = loaded;
  const trashed = snapshot.deletedAt !== null;
  const isAdmin = user.role === "admin";
  const merged = typeof query.merged === "string" ? query.merged.split(",").filter(isMergeField).map(mergeFieldLabel) : [];

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin">← Events</Link>
      </p>
      <h1>{trashed ? "In the trash: " : "Edit: "}{snapshot.title}</h1>
      <p className="summary-line">
        Version {snapshot.version}, last edited {formatInstantDay(new Date(snapshot.updatedAt))} ·{" "}
        <Link href={`/admin/events/${snapshot.id}/history`}>History</Link>
        {snapshot.status === "published" && !trashed ? (
          <>
            {" "}
            · <Link href={`/events/${snapshot.id}`}>Public page</Link>
          </>
        ) : null}
      </p>
      {query.saved ? (
        <p className="notice notice--ok" role="status">
          Saved.
          {merged.length > 0 ? (
            <>
              {" "}
              Someone else had saved this event meanwhile; their changes to {merged.join(", ")} were kept alongside yours (see{" "}
              <Link href={`/admin/events/${snapshot.id}/history`}>History</Link>).
            </>
          ) : null}
        </p>
      ) : null}
      <Notice code={query.notice} />

      {trashed ? (
        <section className="danger-zone" aria-labelledby="trash-heading">
          <h2 id="trash-heading">This event is in the trash</h2>
          <p>It is hidden from the public and the exports. Its content and history are kept.</p>
          {isAdmin ? (
            <>
              <form action={restoreEventAction}>
                <input type="hidden" name="id" value={snapshot.id} />
                <input type="hidden" name="version" value={snapshot.version} />
                <button type="submit">Restore from the trash</button>
              </form>
              <form action={purgeEventAction} className="purge-form">
                <input type="hidden" name="id" value={snapshot.id} />
                <input type="hidden" name="version" value={snapshot.version} />
                <label className="checkbox">
                  <input type="checkbox" name="confirm" value="yes" required /> Yes, delete this event for good. Only
                  its revision history will remain.
                </label>
                <button type="submit" className="button--danger">
                  Delete for good
                </button>
              </form>
            </>
          ) : (
            <p>Ask an admin to restore it.</p>
          )}
        </section>
      ) : (
        <>
          {/* Keyed by version: after a save the form starts again from what is now stored. */}
          <EventForm key={`${snapshot.id}-${snapshot.version}`} initial={snapshotToFormValues(snapshot, related)} />
          <section className="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete</h2>
            <form action={trashEventAction}>
              <input type="hidden" name="id" value={snapshot.id} />
              <input type="hidden" name="version" value={snapshot.version} />
              <p>Moving the event to the trash hides it from the public. An admin can restore it.</p>
              <button type="submit" className="button--danger">
                Move to the trash
              </button>
            </form>
          </section>
        </>
      )}
    </>
  );
}
