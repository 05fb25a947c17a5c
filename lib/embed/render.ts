import { formatPartialDate, formatStoredDate, parsePartialDate, partialDateFromStored } from "@/lib/dates/partial-date";
import { html, type SafeHtml } from "@/lib/embed/html";
import type { EventCardRow, EventChain, PublicEventDetail } from "@/lib/events/queries";
import { sourceLinkText } from "@/lib/events/source-label";
import { eventTypeInfo, isEventType, relationKindInfo } from "@/lib/events/vocabulary";
import type { FilterProblem } from "@/lib/timeline/filters";
import { flagEmoji } from "@/lib/text/flag";
import { truncateText } from "@/lib/text/truncate";

type Actor = { name: string; isoCode: string | null };
type Participant = { role: string; actor: Actor };

/** Links that leave the frame open Demarche in a new tab (a sandboxed frame blocks them unless it allows popups). */
const NEW_TAB = html`target="_blank" rel="noopener"`;

const typeClass = (type: string) => (isEventType(type) ? `t-${type}` : "t-other");

function date(precision: string, start: string, style: "short" | "long" = "short"): SafeHtml {
  return html`<time datetime="${partialDateFromStored(precision, start).value}">${formatStoredDate(precision, start, style)}</time>`;
}

function actors(list: readonly Actor[]): string {
  return list.map((a) => (a.isoCode ? `${flagEmoji(a.isoCode)} ${a.name}` : a.name)).join(", ");
}

function flow(participants: readonly Participant[]): SafeHtml | null {
  const initiators = participants.filter((p) => p.role === "initiator").map((p) => p.actor);
  const targets = participants.filter((p) => p.role === "target").map((p) => p.actor);
  if (initiators.length === 0 && targets.length === 0) return null;
  return html`<p class="e-flow">${actors(initiators) || "—"}${
    targets.length > 0 ? html`<span aria-hidden="true"> → </span><span class="vh"> against </span>${actors(targets)}` : ""
  }</p>`;
}

function meta(event: { datePrecision: string; dateStart: string; type: string; endDate?: string | null }, style: "short" | "long" = "short"): SafeHtml {
  const end = event.endDate ? parsePartialDate(event.endDate) : null;
  return html`<div class="e-meta">${date(event.datePrecision, event.dateStart, style)}${end ? ` until ${formatPartialDate(end, style)}` : ""}<span class="e-type">${eventTypeInfo(event.type).label}</span></div>`;
}

export function problemsNotice(problems: readonly FilterProblem[]): SafeHtml | null {
  if (problems.length === 0) return null;
  return html`<div class="e-notice" role="status"><ul aria-label="Problems with this link">${problems.map((p) => html`<li>${p.message}</li>`)}</ul></div>`;
}

/** One compact card; its title opens the event on Demarche in a new tab. */
export function eventCardHtml(event: EventCardRow, origin: string): SafeHtml {
  const answeredBy = event._count.relationsTo;
  const relations = [
    ...event.relationsFrom.map((r) => `${relationKindInfo(r.kind).label}: ${r.to.title}`),
    ...(answeredBy > 0 ? [`Answered by ${answeredBy} ${answeredBy === 1 ? "event" : "events"}`] : []),
  ];
  return html`<li class="e-card ${typeClass(event.type)}" data-event-id="${event.id}"><article aria-labelledby="e${event.id}">${meta(event)}<h2 class="e-title" id="e${event.id}"><a href="${origin}/events/${event.id}" ${NEW_TAB}>${event.title}</a></h2>${flow(event.participants)}${
    event.summary ? html`<p class="e-sum">${truncateText(event.summary, 200)}</p>` : ""
  }${relations.length > 0 ? html`<p class="e-rel">${relations.join(" · ")}</p>` : ""}</article></li>`;
}

export type TimelineEmbedModel = {
  origin: string;
  /** The view in words ("12 events · Russia → United States · 2021"). */
  summary: string;
  /** The canonical query string of the view (unknown references dropped). */
  query: string;
  problems: readonly FilterProblem[];
  events: readonly EventCardRow[];
  /** The embed's own link to the next page, or null. */
  nextHref: string | null;
  continued: boolean;
};

export function timelineEmbedBody(model: TimelineEmbedModel): SafeHtml {
  const full = `${model.origin}/${model.query ? `?${model.query}` : ""}`;
  return html`<div class="e"><p class="e-head"><b>Demarche</b> · <a href="${full}" ${NEW_TAB}>${model.summary}</a>${model.continued ? " · continued" : ""}</p>${problemsNotice(model.problems)}${
    model.events.length === 0
      ? html`<p>No published event matches this view${model.continued ? " after this point" : ""}.</p>`
      : html`<ol class="e-list" aria-label="Events">${model.events.map((e) => eventCardHtml(e, model.origin))}</ol>`
  }<p class="e-foot"><a href="${full}" ${NEW_TAB}>Open this view on Demarche</a>${
    model.nextHref ? html`<a href="${model.nextHref}">More events</a>` : ""
  }</p></div>`;
}

/** One event with its relations in both directions and its whole chain. */
export function eventEmbedBody(event: PublicEventDetail, chain: EventChain, origin: string): SafeHtml {
  const link = (id: number, title: string) => html`<a href="${origin}/events/${id}" ${NEW_TAB}>${title}</a>`;
  const relations = [
    ...event.relationsFrom.map((r) => html`<li>${relationKindInfo(r.kind).label}: ${link(r.to.id, r.to.title)} (${date(r.to.datePrecision, r.to.dateStart)})</li>`),
    ...event.relationsTo.map((r) => html`<li>${relationKindInfo(r.kind).inverseLabel}: ${link(r.from.id, r.from.title)} (${date(r.from.datePrecision, r.from.dateStart)})</li>`),
  ];
  // Only web links become anchors; anything else recorded as a URL is left out of the frame.
  const sources = event.sources.filter((s) => s.url && /^https?:\/\//i.test(s.url));
  return html`<div class="e"><p class="e-head"><b>Demarche</b> · an event and its chain</p><article class="e-card ${typeClass(event.type)}" aria-labelledby="e-title">${meta(event, "long")}<h1 class="e-title" id="e-title">${link(event.id, event.title)}</h1>${flow(event.participants)}${
    event.summary ? html`<p class="e-sum">${truncateText(event.summary, 600)}</p>` : ""
  }${event.legalBasis ? html`<p class="e-sum">Legal basis: ${event.legalBasis}</p>` : ""}</article>${
    relations.length > 0 ? html`<h2>Related events</h2><ul class="e-chain">${relations}</ul>` : ""
  }${
    chain.events.length > 1
      ? html`<h2>The whole chain</h2><ol class="e-chain">${chain.events.map((c) =>
          c.id === event.id
            ? html`<li><strong aria-current="true">${c.title}</strong> (${date(c.datePrecision, c.dateStart)})</li>`
            : html`<li>${link(c.id, c.title)} (${date(c.datePrecision, c.dateStart)})</li>`,
        )}</ol>${chain.truncated ? html`<p class="e-rel">Only the first ${chain.events.length} events of this long chain are shown.</p>` : ""}`
      : ""
  }${
    sources.length > 0
      ? html`<p class="e-rel">Sources: ${sources.map((s, i) => html`${i > 0 ? ", " : ""}<a href="${s.url ?? ""}" target="_blank" rel="noopener noreferrer nofollow">${sourceLinkText(s)}</a>`)}</p>`
      : ""
  }<p class="e-foot"><a href="${origin}/events/${event.id}" ${NEW_TAB}>Open this event on Demarche</a></p></div>`;
}
