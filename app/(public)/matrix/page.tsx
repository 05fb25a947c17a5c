import type { Metadata } from "next";
import Link from "next/link";
import { scaleSequential } from "d3-scale";
import { eventTypeInfo } from "@/lib/events/vocabulary";
import { buildMatrix, type MatrixCell } from "@/lib/patterns/matrix";
import { loadPatternView } from "@/lib/patterns/page-data";
import { timelineHref } from "@/lib/timeline/links";
import { searchOf } from "@/lib/timeline/page-data";
import { FilterProblems } from "@/components/timeline/filter-problems";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Who does what to whom" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MatrixPage({ searchParams }: { searchParams: SearchParams }) {
  const data = await loadPatternView(searchOf(await searchParams));
  const matrix = buildMatrix(data.rows, data.actors, 12);
  const shade = scaleSequential((t: number) => `rgba(180, 40, 40, ${(0.08 + 0.82 * t).toFixed(3)})`).domain([0, Math.max(matrix.max, 1)]);
  const suffix = data.query ? `?${data.query}` : "";
  const breakdown = (cell: MatrixCell) => cell.byType.map((t) => `${eventTypeInfo(t.type).label}: ${t.count}`).join(", ");

  return (
    <div className="pattern-page">
      <div className="page-heading">
        <h1>Who does what to whom</h1>
        <p className="summary-line" role="status">
          {matrix.events} of {data.total} events of this view have both an initiator and a target
          {data.truncated ? " (only the first events were read)" : ""}.
        </p>
        <p className="pattern-links">
          <Link href={`/${suffix}`}>Back to the timeline</Link> · <Link href={`/chains${suffix}`}>Chains</Link> ·{" "}
          <Link href={`/map${suffix}`}>Map</Link> ·{" "}
          <a href={`/matrix.csv${suffix}`} download>
            Download the matrix (CSV)
          </a>
        </p>
        <FilterProblems problems={data.problems} />
      </div>
      {matrix.rows.length === 0 ? (
        <p className="empty">No event of this view has both an initiator and a target.</p>
      ) : (
        <div className="matrix-scroll">
          <table className="matrix">
            <caption>Events by initiator (rows) and target (columns)</caption>
            <thead>
              <tr>
                <td />
                {matrix.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r, ri) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {matrix.columns.map((c, ci) => {
                    const cell = matrix.cells[ri]?.[ci];
                    if (!cell || cell.count === 0) return <td key={c.key} className="matrix__empty" />;
                    const name = `${r.label} → ${c.label}: ${cell.count} event${cell.count === 1 ? "" : "s"} (${breakdown(cell)})`;
                    const content =
                      r.value && c.value ? (
                        <Link
                          href={timelineHref({ ...data.filters, initiators: [r.value], targets: [c.value] })}
                          aria-label={name}
                          title={name}
                        >
                          {cell.count}
                        </Link>
                      ) : (
                        <span title={name}>{cell.count}</span>
                      );
                    return (
                      <td key={c.key} style={{ background: shade(cell.count), color: cell.count / Math.max(matrix.max, 1) > 0.5 ? "#fff" : undefined }}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
