"use client";

import { EventCard } from "@/components/events/event-card";
import { parsePartialDate, readDateText } from "@/lib/dates/partial-date";
import type { EventFormValues } from "@/lib/events/form";
import type { EventCardRow } from "@/lib/events/queries";
import { slugify } from "@/lib/text/fold";

/** The card as the timeline will show it, drawn from what is in the form right now. */
export function EventPreview({ values }: { values: EventFormValues }) {
  const read = readDateText(values.date);
  if (!read.ok) {
    return <p className="note">The preview appears once the form has a valid date.</p>;
  }
  const date = read.date;
  const end = values.endDate.trim() === "" ? null : readDateText(values.endDate);
  const actor = (role: "initiator" | "target") => (a: EventFormValues["initiators"][number]) => ({
    role,
    actor: { id: a.id, name: a.name, slug: slugify(a.name), isoCode: a.isoCode, kind: "" },
  });
  const card: EventCardRow = {
    id: values.id ?? 0,
    title: values.title.trim() || "(no title yet)",
    summary: values.summary.trim(),
    datePrecision: date.precision,
    dateStart: date.start,
    endDate: end?.ok ? end.date.value : null,
    type: values.type,
    legalBasis: values.legalBasis.trim() || null,
    location: values.location.trim() || null,
    participants: [...values.initiators.map(actor("initiator")), ...values.targets.map(actor("target"))],
    tags: values.tags.map((name) => ({ tag: { name, slug: slugify(name) } })),
    sources: values.sources
      .filter((s) => s.url.trim() !== "" || s.title.trim() !== "")
      .map((s) => ({ url: s.url.trim() || null, title: s.title.trim(), publisher: s.publisher.trim() || null })),
    relationsFrom: values.relations
      .filter((r) => parsePartialDate(r.event.dateStart) !== null)
      .map((r) => ({
        kind: r.kind,
        to: { id: r.event.id, title: r.event.title, datePrecision: r.event.datePrecision, dateStart: r.event.dateStart },
      })),
    _count: { relationsTo: 0 },
  };
  // inert: the preview's links and headings are a picture of the card, not part of this page.
  return (
    <div className="event-preview" inert>
      <EventCard event={card} headingLevel={3} />
    </div>
  );
}
