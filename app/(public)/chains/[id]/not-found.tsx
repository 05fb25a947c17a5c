import Link from "next/link";

export default function ChainNotFound() {
  return (
    <div className="pattern-page">
      <h1>Chain not found</h1>
      <p>There is no published event with this number that belongs to a chain.</p>
      <p>
        <Link href="/chains">See all chains</Link> · <Link href="/">Back to the timeline</Link>
      </p>
    </div>
  );
}
