import Link from "next/link";

export default function NotFound() {
  return (
    <div className="message-page">
      <h1>Not found</h1>
      <p>There is no event or page at this address. It may have been removed, or the link may be mistyped.</p>
      <p>
        <Link href="/">Back to the timeline</Link>
      </p>
    </div>
  );
}
