import Link from "next/link";
import type { ChainAround } from "@/lib/patterns/chain-queries";
import { ChainGraph } from "./chain-graph";
import { ChainSteps } from "./chain-steps";

/** "N of M steps" with "more than" when the count stopped at its cap. */
export function stepCount(chain: Pick<ChainAround, "steps" | "total" | "countCapped" | "truncated">): string {
  const total = `${chain.countCapped ? "more than " : ""}${chain.total}`;
  return chain.truncated ? `showing ${chain.steps.length} of ${total} steps, the nearest to this event` : `${chain.total} steps`;
}

/**
 * A chain on a page: the picture, how much of the chain it shows, and the same steps as a
 * list. On an event page it links to the chain's own page; there, a cut chain links on
 * from its furthest step shown.
 */
export function ChainSection({ chain, currentId, heading, full = false }: { chain: ChainAround; currentId: number; heading: string; full?: boolean }) {
  const further = chain.truncated ? chain.steps.find((s) => s.id === chain.furthest) : undefined;
  return (
    <section id="chain" aria-labelledby="chain-heading">
      <h2 id="chain-heading">{heading}</h2>
      <p className="chain-more">
        {stepCount(chain)}
        {full ? null : (
          <>
            {" · "}
            <Link href={`/chains/${chain.centre}`}>See the whole chain</Link>
          </>
        )}
        {full && further ? (
          <>
            {" · "}
            <Link href={`/chains/${further.id}`}>Continue from “{further.title}”</Link>
          </>
        ) : null}
      </p>
      <ChainGraph steps={chain.steps} relations={chain.relations} currentId={currentId} label={`${heading}: ${stepCount(chain)}`} />
      <h3 className="visually-hidden">The steps in order</h3>
      <ChainSteps steps={chain.steps} relations={chain.relations} currentId={currentId} />
    </section>
  );
}
