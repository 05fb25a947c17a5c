"use client";

import Link from "next/link";

/** An editors' screen failed: the editors' navigation stays, the event list is one click away. */
export default function AdminErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="message-page">
      <h1>Something went wrong</h1>
      <p>
        This screen could not be shown. Nothing was saved by showing it. The error has been logged
        {error.digest ? (
          <>
            {" "}
            (reference <code>{error.digest}</code>)
          </>
        ) : null}
        .
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        or <Link href="/admin">go back to the events</Link>.
      </p>
    </div>
  );
}
