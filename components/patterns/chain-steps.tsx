import Link from "next/link";
import { EventDate } from "@/components/events/event-date";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import { byTime, type ChainRelation, type ChainStep } from "@/lib/patterns/chains";
import { relationKindInfo } from "@/lib/events/vocabulary";

/**
 * The steps of a chain as an ordered list, oldest first: the text equivalent of the
 * picture. Each step says who acted on whom and how it relates to earlier steps.
 */
export function ChainSteps({ steps, relations, currentId }: { steps: ChainStep[]; relations: ChainRelation[]; currentId: number | null }) {
  const titles = new Map(steps.map((s) => [s.id, s.title]));
  return (
    <ol className="chain">
      {[...steps].sort(byTime).map((step) => {
        const outgoing = relations.filter((r) => r.fromId === step.id && titles.has(r.toId));
        const current = step.id === currentId;
        return (
          <li key={step.id} className={current ? "chain__step chain__step--current" : "chain__step"}>
            <div className="chain__meta">
              <EventDate precision={step.datePrecision} start={step.dateStart} />
              <EventTypeBadge type={step.type} />
            </div>
            {current ? (
              <strong aria-current="page">{step.title}</strong>
            ) : (
              <Link href={`/events/${step.id}`}>{step.title}</Link>
            )}
            <div className="chain__actors">
              {step.initiators.map((s) => s.name).join(", ") || "No initiator recorded"} →{" "}
              {step.targets.map((s) => s.name).join(", ") || "no target recorded"}
            </div>
            {outgoing.length > 0 ? (
              <ul className="chain__links">
                {outgoing.map((link) => (
                  <li key={`${link.kind}-${link.toId}`}>
                    {relationKindInfo(link.kind).label}: {titles.get(link.toId)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
