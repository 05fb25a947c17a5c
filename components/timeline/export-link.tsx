/**
 * "Export CSV (N events)": downloads exactly the events the timeline shows for the current
 * filters (the same query string). A plain link rather than next/link: the target is a
 * file, not a page to prefetch.
 */
export function ExportLink({ query, total }: { query: URLSearchParams; total: number }) {
  const search = query.toString();
  const suffix = search === "" ? "" : `?${search}`;
  const count = `${total} ${total === 1 ? "event" : "events"}`;
  return (
    <p className="export-links">
      <a href={`/export.csv${suffix}`} download>
        Export CSV ({count})
      </a>
      {" · "}
      <a href={`/export.json${suffix}`} download aria-label={`Export JSON (${count})`}>
        JSON
      </a>
    </p>
  );
}
