import { formatDateText } from "@/lib/dates/partial-date";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { eventTypeInfo, relationKindInfo, SANCTION_MEASURES } from "@/lib/events/vocabulary";

/** One field that differs between two versions, as text a person can read. */
export type FieldChange = { field: string; label: string; before: string[]; after: string[] };

type Labels = { eventTitles?: ReadonlyMap<number, string> };

const NONE: string[] = [];

function one(value: string | null | undefined): string[] {
  return value === null || value === undefined || value === "" ? NONE : [value];
}

function measureLabel(slug: string): string {
  return SANCTION_MEASURES.find((m) => m.slug === slug)?.label ?? slug;
}

function kindLabel(slug: string): string {
  try {
    return relationKindInfo(slug).label;
  } catch {
    return slug;
  }
}

function describeSource(s: EventSnapshot["sources"][number]): string {
  return [s.title, s.publisher, s.publishedOn ? formatDateText(s.publishedOn) : null, s.url, s.archiveUrl ? `archived at ${s.archiveUrl}` : null]
    .filter((p): p is string => typeof p === "string" && p !== "")
    .join(" · ");
}

/** Each field of a snapshot as the lines a diff compares; the order is the form's order. */
function fields(snapshot: EventSnapshot, labels: Labels): [string, string, string[]][] {
  const titleOf = (id: number) => labels.eventTitles?.get(id) ?? `event #${id}`;
  return [
    ["title", "Title", one(snapshot.title)],
    ["summary", "Summary", one(snapshot.summary)],
    ["date", "Date", one(formatDateText(snapshot.date, "long"))],
    ["endDate", "Until", one(snapshot.endDate ? formatDateText(snapshot.endDate, "long") : null)],
    ["type", "Type", one(eventTypeInfo(snapshot.type).label)],
    ["status", "Status", one(snapshot.status === "published" ? "Published" : "Draft")],
    ["trash", "In the trash", one(snapshot.deletedAt ? "Yes" : "No")],
    ["initiators", "Initiators", snapshot.initiators.map((a) => a.name)],
    ["targets", "Targets", snapshot.targets.map((a) => a.name)],
    ["legalBasis", "Legal basis", one(snapshot.legalBasis)],
    ["measures", "Measures", snapshot.measures.map(measureLabel)],
    ["location", "Location", one(snapshot.location)],
    ["tags", "Tags", snapshot.tags],
    ["sources", "Sources", snapshot.sources.map(describeSource)],
    ["relations", "Related events", snapshot.relations.map((r) => `${kindLabel(r.kind)}: ${titleOf(r.eventId)}`)],
  ];
}

/**
 * The fields that differ from `before` to `after` (null `before`: everything in `after` is
 * new). Version, timestamps and derived columns are left out: they always change and say
 * nothing an editor needs.
 */
export function diffSnapshots(before: EventSnapshot | null, after: EventSnapshot, labels: Labels = {}): FieldChange[] {
  const old = before ? fields(before, labels) : null;
  return fields(after, labels).flatMap(([field, label, lines], i) => {
    // A new event that is not in the trash says nothing about the trash.
    if (!old && field === "trash" && !after.deletedAt) return [];
    const previous = old?.[i]?.[2] ?? NONE;
    if (previous.length === lines.length && previous.every((line, j) => line === lines[j])) return [];
    return [{ field, label, before: previous, after: lines }];
  });
}
