import "@/components/patterns/chains.css";
import type { Metadata } from "next";
import Link from "next/link";
import { ChainMini } from "@/components/patterns/chain-mini";
import { FilterProblems } from "@/components/timeline/filter-problems";
import { relationStyle } from "@/components/patterns/chain-style";
import { CHAIN_LIST_LIMIT, listViewChains } from "@/lib/patterns/chain-queries";
import { CHAIN_ORDERS, parseChainOrder, stepDate, type ChainSummary } from "@/lib/patterns/chains";
import { resolveTimelineQuery, searchOf } from "@/lib/timeline/page-data";
import type { FilterProblem } from "@/lib/timeline/filters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Escalation chains" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const span = (c: ChainSummary) =>
  c.first.dateStart === c.last.dateStart ? stepDate(c.first) : `${stepDate(c.first)} – ${stepDate(c.last)}`;

export default async function ChainsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const rawOrder = ([] as string[]).concat(params.order ?? [])[0];
  const { order, problem } = parseChainOrder(rawOrder);
  const { order: _order, ...filterParams } = params;
  const view = await resolveTimelineQuery(searchOf(filterParams));
  const data = await listViewChains(view.resolved, order);
  const problems: FilterProblem[] = problem ? [...view.problems, { param: "order", value: rawOrder ?? "", message: problem }] : view.problems;
  const suffix = view.query ? `?${view.query}` : "";
  const orderHref = (value: string) => {
    const q = new URLSearchParams(view.query);
    if (value !== "longest") q.set("order", value);
    const s = q.toString();
    return s ? `/chains?${s}` : "/chains";
  };

  return (
    <div className="pattern-page">
      <div className="page-heading">
        <h1>Escalation chains</h1>
        <p className="summary-line" role="status">
          {data.count} chain{data.count === 1 ? "" : "s"} among the {data.total} events of this view ({data.linkedEvents} events answer or are
          answered by another event of the view){data.truncated ? " (only the first events were read)" : ""}.
        </p>
        <p className="pattern-links">
          <Link href={`/${suffix}`}>Back to the timeline</Link> · <Link href={`/matrix${suffix}`}>Matrix</Link> ·{" "}
          <Link href={`/map${suffix}`}>Map</Link>
        </p>
        <FilterProblems problems={problems} />
        <nav className="chain-sort" aria-label="Sort chains">
          <span>Sort:</span>
          {CHAIN_ORDERS.map((o) =>
            o.value === order ? (
              <strong key={o.value} aria-current="true">
                {o.label}
              </strong>
            ) : (
              <Link key={o.value} href={orderHref(o.value)}>
                {o.label}
              </Link>
            ),
          )}
        </nav>
      </div>
      {data.chains.length === 0 ? (
        <p className="empty">No two events of this view are linked to each other.</p>
      ) : (
        <>
          <ol className="chain-list">
            {data.chains.map((c) => (
              <li key={c.id} className="chain-list__item">
                <h2>
                  <Link href={`/chains/${c.id}`}>
                    {c.first.title}
                    {c.steps > 1 ? ` → ${c.last.title}` : ""}
                  </Link>
                </h2>
                <dl className="chain-list__facts">
                  <div>
                    <dt>Span</dt>
                    <dd>{span(c)}</dd>
                  </div>
                  <div>
                    <dt>Steps</dt>
                    <dd>{c.steps}</dd>
                  </div>
                  <div>
                    <dt>Sides</dt>
                    <dd>
                      {c.sides.length > 0 ? `${c.sides.length}: ${c.sides.map((s) => s.name).join(", ")}` : "none recorded"}
                    </dd>
                  </div>
                  <div>
                    <dt>Links</dt>
                    <dd>{c.kinds.map((k) => `${k.count} ${relationStyle(k.kind).text}`).join(", ")}</dd>
                  </div>
                </dl>
                <ChainMini chain={c} />
              </li>
            ))}
          </ol>
          {data.count > data.chains.length ? (
            <p className="note">
              Showing the first {data.chains.length} of {data.count} chains (at most {CHAIN_LIST_LIMIT}); narrow the filters to see others.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
