import Link from "next/link";
import { EventDate } from "@/components/events/event-date";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import type { EventChain } from "@/lib/events/queries";
import { relationKindInfo } from "@/lib/events/vocabulary";

/**
 * The chain an event belongs to, oldest first. Each step says how it relates to the
 * events before it ("Responds to: US expels 10 Russian diplomats").
 */
export function EventChainList({ chain, currentId }: { chain: EventChain; currentId: number }) {
  const titles = new Map(chain.events.map((e) => [e.id, e.title]));
  return (
    <>
      <ol className="chain">
        {chain.events.map((event) => {
          const outgoing = chain.links.filter((l) => l.fromId === event.id);
          const current = event.id === currentId;
          return (
            <li key={event.id} className={current ? "chain__step chain__step--current" : "chain__step"}>
              <div className="chain__meta">
                <EventDate precision={event.datePrecision} start={event.dateStart} />
                <EventTypeBadge type={event.type} />
              </div>
              {current ? (
                <strong aria-current="page">{event.title}</strong>
              ) : (
                <Link href={`/events/${event.id}`}>{event.title}</Link>
              )}
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
      {chain.truncated ? <p className="note">This chain is long; only its first {chain.events.length} events are shown.</p> : null}
    </>
  );
}
