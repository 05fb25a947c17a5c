/** Shown at once while a public page's data loads (the timeline streams its own results, page.tsx). */
export default function Loading() {
  return (
    <div className="message-page">
      <p role="status">Loading…</p>
    </div>
  );
}
