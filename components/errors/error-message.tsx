"use client";

import Link from "next/link";

/**
 * What an error boundary shows: what failed, the reference of the logged error, and two ways
 * on (try again, or a page that works). Shared by the public and the editors' boundaries.
 */
export function ErrorMessage({
  error,
  reset,
  what,
  back,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what: string;
  back: { href: string; label: string };
}) {
  return (
    <div className="message-page">
      <h1>Something went wrong</h1>
      <p>
        {what} The error has been logged
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
        or <Link href={back.href}>{back.label}</Link>.
      </p>
    </div>
  );
}
