import Link from "next/link";
import { ActorFlow } from "@/components/events/actor-list";
import { EventDate } from "@/components/events/event-date";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import { eventTypeInfo, relationKindInfo } from "@/lib/events/vocabulary";
import type { EventCardRow } from "@/lib/events/queries";
import { sourceLinkText } from "@/lib/events/source-label";
import { truncateText } from "@/lib/text/truncate";

export function splitParticipants(participants: EventCardRow["participants"]) {
  return {
    initiators: participants.filter((p) => p.role === "initiator").map((p) => p.actor),
    targets: participants.filter((p) => p.role === "target").map((p) => p.actor),
  };
}

export function EventCard({ event, headingLevel = 4 }: { event: EventCardRow; headingLevel?: 2 | 3 | 4 }) {
  const { initiators, targets } = splitParticipants(event.participants);
  const Heading = `h${headingLevel}` as const;
  const titleId = `event-${event.id}-title`;
  const answeredBy = event._count.relationsTo;
  return (
    <article
      className="event-card"
      aria-labelledby={titleId}
      style={{ "--type-color": eventTypeInfo(event.type).color } as React.CSSProperties}
    >
      <div className="event-card__meta">
        <EventDate precision={event.datePrecision} start={event.dateStart} />
        <EventTypeBadge type={event.type} />
      </div>
      <Heading id={titleId} className="event-card__title">
        <Link href={`/events/${event.id}`}>{event.title}</Link>
      </Heading>
      <ActorFlow initiators={initiators} targets={targets} />
      {event.summary ? <p className="event-card__summary">{truncateText(event.summary, 420)}</p> : null}
      {event.legalBasis ? (
        <p className="event-card__basis">
          <span className="label">Legal basis:</span> {event.legalBasis}
        </p>
      ) : null}
      {event.tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags">
          {event.tags.map(({ tag }) => (
            <li key={tag.slug} className="tag">
              {tag.name}
            </li>
          ))}
        </ul>
      ) : null}
      {event.sources.length > 0 ? (
        <p className="event-card__sources">
          <span className="label">{event.sources.length === 1 ? "Source:" : "Sources:"}</span>{" "}
          {event.sources.map((source, index) => (
            <span key={`${source.url ?? ""}${index}`}>
              {source.url ? (
                <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
                  {sourceLinkText(source)}
                </a>
              ) : (
                <span>{sourceLinkText(source)}</span>
              )}
              {index < event.sources.length - 1 ? ", " : null}
            </span>
          ))}
        </p>
      ) : null}
      {event.relationsFrom.length > 0 || answeredBy > 0 ? (
        <ul className="event-card__relations">
          {event.relationsFrom.map((relation) => (
            <li key={`${relation.kind}-${relation.to.id}`}>
              {relationKindInfo(relation.kind).label}{" "}
              <Link href={`/events/${relation.to.id}`}>{relation.to.title}</Link> (
              <EventDate precision={relation.to.datePrecision} start={relation.to.dateStart} />)
            </li>
          ))}
          {answeredBy > 0 ? (
            <li>
              <Link href={`/events/${event.id}#chain`}>
                Answered by {answeredBy} {answeredBy === 1 ? "event" : "events"}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </article>
  );
}
