"use client";

import { Fragment, useState, useTransition, type ReactNode } from "react";
import { loadMoreEvents } from "@/app/(public)/load-more-action";

/**
 * "Load more" is a link to the next page (a keyset cursor in the URL), so it works without
 * JavaScript; with JavaScript the next page is appended in place instead.
 */
export function LoadMore({ href, lastKey = null }: { href: string | null; lastKey?: string | null }) {
  const [pages, setPages] = useState<ReactNode[]>([]);
  const [next, setNext] = useState(href);
  const [after, setAfter] = useState(lastKey);
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();

  return (
    <>
      {pages.map((page, i) => (
        <Fragment key={i}>{page}</Fragment>
      ))}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {next ? (
        <p className="load-more">
          <a
            href={next}
            className="button"
            aria-disabled={pending}
            onClick={(event) => {
              // Let the browser open new tabs and windows as usual.
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
              event.preventDefault();
              if (pending) return;
              startTransition(async () => {
                const result = await loadMoreEvents(next.replace(/^\/\??/, ""), after);
                setPages((list) => [...list, result.content]);
                setNext(result.next);
                setAfter(result.lastKey);
                setStatus(`${result.count} more ${result.count === 1 ? "event" : "events"} loaded.`);
              });
            }}
          >
            {pending ? "Loading…" : "Load more"}
          </a>
        </p>
      ) : pages.length > 0 ? (
        <p className="note load-more">That is every event for these filters.</p>
      ) : null}
    </>
  );
}
