import "@/components/patterns/chains.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ActorFlow } from "@/components/events/actor-list";
import { splitParticipants } from "@/components/events/event-card";
import { EventDate } from "@/components/events/event-date";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import { FollowAlternates, FollowLinks } from "@/components/timeline/follow-links";
import { formatDateText, formatInstantDay, formatPartialDate, parsePartialDate } from "@/lib/dates/partial-date";
import { parseEventId } from "@/lib/events/route-params";
import { sourceLinkText } from "@/lib/events/source-label";
import { getPublicEvent } from "@/lib/events/queries";
import { CHAIN_PREVIEW_LIMIT, getChainAround } from "@/lib/patterns/chain-queries";
import { ChainSection } from "@/components/patterns/chain-section";
import { EmbedThisView } from "@/components/embed/embed-this-view";
import { currentOrigin, oembedDiscovery } from "@/lib/embed/discovery";
import { SANCTION_MEASURES, eventTypeInfo, relationKindInfo } from "@/lib/events/vocabulary";
import { eventFollowQuery } from "@/lib/reach/links";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

// The page and its metadata read the same event once per request.
const readPublicEvent = cache(getPublicEvent);

async function loadEvent(raw: string) {
  const id = parseEventId(raw);
  const event = id === null ? null : await readPublicEvent(id);
  if (!event) notFound();
  return event;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseEventId((await params).id);
  const event = id === null ? null : await readPublicEvent(id);
  if (!event) return { title: "Event not found" };
  return {
    title: event.title,
    description: event.summary.slice(0, 200),
    alternates: { types: oembedDiscovery(await currentOrigin(), `/events/${event.id}`, event.title) },
  };
}

export default async function EventPage({ params }: { params: Params }) {
  const event = await loadEvent((await params).id);
  const chain = await getChainAround(event.id, CHAIN_PREVIEW_LIMIT);
  const { initiators, targets } = splitParticipants(event.participants);
  const endDate = event.endDate ? parsePartialDate(event.endDate) : null;
  const measures = SANCTION_MEASURES.filter((m) => event.measures.some((x) => x.measure === m.slug));
  const parties = [...initiators, ...targets];
  const followQuery = eventFollowQuery({ type: event.type, parties });
  const followName =
    parties.length > 0 ? `events between ${[...new Set(parties.map((a) => a.name))].join(", ")}` : `${eventTypeInfo(event.type).label} events`;

  return (
    <article className="event-page" aria-labelledby="event-title">
      <p className="breadcrumb">
        <Link href="/">← Timeline</Link>
      </p>
      <div className="event-card__meta">
        <EventDate precision={event.datePrecision} start={event.dateStart} style="long" />
        {endDate ? <span> until {formatPartialDate(endDate, "long")}</span> : null}
        <EventTypeBadge type={event.type} />
      </div>
      <h1 id="event-title">{event.title}</h1>
      <ActorFlow initiators={initiators} targets={targets} />
      {event.summary ? <p className="event-page__summary">{event.summary}</p> : null}

      <dl className="facts">
        {event.legalBasis ? (
          <>
            <dt>Legal basis</dt>
            <dd>{event.legalBasis}</dd>
          </>
        ) : null}
        {measures.length > 0 ? (
          <>
            <dt>Measures</dt>
            <dd>{measures.map((m) => m.label).join(", ")}</dd>
          </>
        ) : null}
        {event.location ? (
          <>
            <dt>Location</dt>
            <dd>{event.location}</dd>
          </>
        ) : null}
        {event.tags.length > 0 ? (
          <>
            <dt>Tags</dt>
            <dd>{event.tags.map((t) => t.tag.name).join(", ")}</dd>
          </>
        ) : null}
        {event.lastEditedAt ? (
          <>
            <dt>Last updated</dt>
            <dd>
              <time dateTime={event.lastEditedAt.toISOString()}>{formatInstantDay(event.lastEditedAt)}</time>
            </dd>
          </>
        ) : null}
      </dl>

      {event.relationsFrom.length > 0 || event.relationsTo.length > 0 ? (
        <section aria-labelledby="relations-heading">
          <h2 id="relations-heading">Related events</h2>
          <ul className="relations">
            {event.relationsFrom.map((r) => (
              <li key={`from-${r.kind}-${r.to.id}`}>
                {relationKindInfo(r.kind).label}: <Link href={`/events/${r.to.id}`}>{r.to.title}</Link> (
                <EventDate precision={r.to.datePrecision} start={r.to.dateStart} />)
              </li>
            ))}
            {event.relationsTo.map((r) => (
              <li key={`to-${r.kind}-${r.from.id}`}>
                {relationKindInfo(r.kind).inverseLabel}: <Link href={`/events/${r.from.id}`}>{r.from.title}</Link> (
                <EventDate precision={r.from.datePrecision} start={r.from.dateStart} />)
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {chain && chain.total > 1 ? <ChainSection chain={chain} currentId={event.id} heading="The whole chain" /> : null}

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {event.sources.length === 0 ? (
          <p className="note">No sources recorded yet.</p>
        ) : (
          <ul className="sources">
            {event.sources.map((source, index) => (
              <li key={`${source.url ?? ""}${index}`}>
                {source.url ? (
                  <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
                    {sourceLinkText(source, "title")}
                  </a>
                ) : (
                  <cite>{source.title}</cite>
                )}
                {source.publisher && source.title ? <span>, {source.publisher}</span> : null}
                {source.publishedOn ? <span>, {formatDateText(source.publishedOn)}</span> : null}
                {source.archiveUrl ? (
                  <>
                    {" "}
                    (<a href={source.archiveUrl} rel="noopener noreferrer nofollow" target="_blank">archived copy</a>)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <EmbedThisView origin={await currentOrigin()} target={{ kind: "event", id: event.id }} title={event.title} />
      <section aria-labelledby="follow-heading" className="event-follow">
        <h2 id="follow-heading">Follow</h2>
        <p>
          <Link href={`/?${followQuery}`}>All {followName}</Link> on the timeline (<a href={`/export.csv?${followQuery}`} download>CSV</a>
          {" · "}
          <a href={`/export.json?${followQuery}`} download aria-label="JSON export">
            JSON
          </a>
          ).
        </p>
        <FollowLinks query={followQuery} label={`Follow this view (${followName})`} />
        <FollowAlternates query={followQuery} title={`Demarche: ${followName}`} />
      </section>
    </article>
  );
}
