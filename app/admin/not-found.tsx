import Link from "next/link";

/** An editors' address that names nothing (an event purged since, a mistyped id). */
export default function AdminNotFound() {
  return (
    <div className="message-page">
      <h1>Not found</h1>
      <p>There is no event, actor or screen at this address. It may have been purged, or the link may be mistyped.</p>
      <p>
        <Link href="/admin">Back to the events</Link>
      </p>
    </div>
  );
}
