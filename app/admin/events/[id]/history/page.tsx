import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/admin/notice";
import { requireEditor } from "@/lib/auth/current-user";
import { revertEventAction } from "@/lib/events/actions";
import { getEventForEdit, listEventRevisions } from "@/lib/events/admin-queries";
import { parseEventId } from "@/lib/events/route-params";

export const dynamic = "force-dynamic";
export const metadata = { title: "History" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KIND_LABELS: Record<string, string> = {
  create: "Created",
  import: "Imported",
  update: "Edited",
  delete: "Moved to the trash",
  restore: "Restored from the trash",
  purge: "Deleted for good",
  merge: "Actors merged",
  revert: "Restored an earlier revision",
};

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function EventHistoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id: raw } = await params;
  await requireEditor(`/admin/events/${raw}/history`);
  const query = await searchParams;
  const id = parseEventId(raw);
  if (id === null) notFound();
  const [loaded, revisions] = await Promise.all([getEventForEdit(id), listEventRevisions(id)]);
  // A purged event has no row any more, but its history is kept and stays readable here.
  const last = revisions[0];
  if (!loaded && !last) notFound();
  const title = loaded?.snapshot.title ?? last?.title ?? `Event #${id}`;
  const version = loaded?.snapshot.version ?? null;
  const trashed = loaded === null || loaded.snapshot.deletedAt !== null;

  return (
    <>
      <p className="breadcrumb">
        {loaded ? <Link href={`/admin/events/${id}/edit`}>← {title}</Link> : <Link href="/admin">← Events</Link>}
      </p>
      <h1>History of “{title}”</h1>
      {loaded ? null : (
        <p className="notice" role="status">
          This event was deleted for good. Its history is kept for the record; it can no longer be restored.
        </p>
      )}
      <p className="summary-line">
        {revisions.length} {revisions.length === 1 ? "revision" : "revisions"}, newest first. Restoring an earlier revision
        adds a new one: nothing here is ever overwritten.
      </p>
      <Notice code={query.notice} />
      <ol className="revisions">
        {revisions.map((revision) => (
          <li key={revision.id} className="revision">
            <section aria-labelledby={`revision-${revision.id}`}>
              <h2 id={`revision-${revision.id}`} className="revision__heading">
                Version {revision.version}: {KIND_LABELS[revision.kind] ?? revision.kind}
                {revision.isCurrent ? <span className="status status--published">current</span> : null}
              </h2>
              <p className="revision__meta">
                <time dateTime={revision.createdAt.toISOString()}>{dateTime.format(revision.createdAt)} UTC</time>
                {" · "}
                {revision.author ?? "no account (import or command line)"}
              </p>
              {revision.unreadable ? (
                <p className="notice">The stored content of this version cannot be read, so its changes are not shown.</p>
              ) : revision.changes.length === 0 ? (
                <p className="note">No visible field changed.</p>
              ) : (
                <div className="table-scroll">
                <table className="diff">
                  <caption className="visually-hidden">Changes in version {revision.version}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {revision.changes.map((change) => (
                      <tr key={change.field}>
                        <th scope="row">{change.label}</th>
                        <td className="diff__before">
                          <Lines lines={change.before} />
                        </td>
                        <td className="diff__after">
                          <Lines lines={change.after} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </div>
              )}
              {!revision.isCurrent && !revision.unreadable && !trashed && version !== null && revision.kind !== "delete" && revision.kind !== "purge" ? (
                <form action={revertEventAction}>
                  <input type="hidden" name="id" value={id} />
                  <input type="hidden" name="revisionId" value={revision.id} />
                  <input type="hidden" name="version" value={version} />
                  <button type="submit" className="button--secondary">
                    Restore version {revision.version}
                  </button>
                </form>
              ) : null}
            </section>
          </li>
        ))}
      </ol>
    </>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <span className="note">(empty)</span>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="diff__lines">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
