import "@/components/patterns/chains.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChainSection } from "@/components/patterns/chain-section";
import { parseEventId } from "@/lib/events/route-params";
import { CHAIN_PAGE_LIMIT, getChainAround } from "@/lib/patterns/chain-queries";
import { stepDate, summarizeChain } from "@/lib/patterns/chains";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

// The page and its metadata read the same chain once per request.
const readChain = cache(async (raw: string) => {
  const id = parseEventId(raw);
  const chain = id === null ? null : await getChainAround(id, CHAIN_PAGE_LIMIT);
  return chain && chain.total > 1 ? chain : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const chain = await readChain((await params).id);
  const centre = chain?.steps.find((s) => s.id === chain.centre);
  return { title: centre ? `Chain: ${centre.title}` : "Chain not found" };
}

export default async function ChainPage({ params }: { params: Params }) {
  const chain = await readChain((await params).id);
  if (!chain) notFound();
  const summary = summarizeChain(chain.steps, chain.relations);
  const centre = chain.steps.find((s) => s.id === chain.centre);
  const span = summary.first.dateStart === summary.last.dateStart ? stepDate(summary.first) : `${stepDate(summary.first)} – ${stepDate(summary.last)}`;

  return (
    <div className="pattern-page chain-page">
      <p className="breadcrumb">
        <Link href="/chains">← All chains</Link> · <Link href="/">Timeline</Link>
      </p>
      <div className="page-heading">
        <h1>Chain of “{centre?.title ?? summary.first.title}”</h1>
        <dl className="chain-list__facts">
          <div>
            <dt>Span</dt>
            <dd>{span}</dd>
          </div>
          <div>
            <dt>Sides</dt>
            <dd>{summary.sides.map((s) => s.name).join(", ") || "none recorded"}</dd>
          </div>
          <div>
            <dt>Steps</dt>
            <dd>
              {chain.countCapped ? "more than " : ""}
              {chain.total}
            </dd>
          </div>
        </dl>
      </div>
      <ChainSection chain={chain} currentId={chain.centre} heading="The chain, step by step" full />
    </div>
  );
}
