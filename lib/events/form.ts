import { parsePartialDate, readDateText, type DatePrecision } from "@/lib/dates/partial-date";
import { eventInputSchema, type EventInput, type EventInputRaw } from "@/lib/events/schema";
import type { EventSnapshot } from "@/lib/events/snapshot";
import type { RelationKind } from "@/lib/events/vocabulary";

/**
 * The admin event form, as plain values: what the browser sends and what the form shows
 * again after a failed save, so nothing the editor typed is lost. Actors and related events
 * carry their labels so the form can redraw them without asking the server.
 */
export type ActorOption = { id: number; name: string; isoCode: string | null };
/** An event to link to; its date is kept as stored so the preview can show it like the timeline. */
export type RelatedOption = { id: number; title: string; datePrecision: string; dateStart: string };
export type SourceFormValues = { url: string; title: string; publisher: string; publishedOn: string; archiveUrl: string };
export type RelationFormValues = { kind: string; event: RelatedOption };

export type EventFormValues = {
  id: number | null;
  version: number | null;
  title: string;
  summary: string;
  datePrecision: DatePrecision;
  date: string;
  endDatePrecision: DatePrecision;
  endDate: string;
  type: string;
  status: string;
  legalBasis: string;
  location: string;
  measures: string[];
  initiators: ActorOption[];
  targets: ActorOption[];
  tags: string[];
  sources: SourceFormValues[];
  relations: RelationFormValues[];
  /** A new event's form submission key (lib/events/create-once.ts): a retried create makes one event. */
  submissionKey?: string;
};

/** Field errors keyed by the path of the field: "title", "sources.1.url", "relations.0.eventId". */
export type { FieldErrors } from "@/lib/forms/action-state";
import type { FieldErrors } from "@/lib/forms/action-state";

export const EMPTY_SOURCE: SourceFormValues = { url: "", title: "", publisher: "", publishedOn: "", archiveUrl: "" };

export function emptyEventFormValues(): EventFormValues {
  return {
    id: null,
    version: null,
    title: "",
    summary: "",
    datePrecision: "day",
    date: "",
    endDatePrecision: "day",
    endDate: "",
    type: "",
    status: "draft",
    legalBasis: "",
    location: "",
    measures: [],
    initiators: [],
    targets: [],
    tags: [],
    sources: [{ ...EMPTY_SOURCE }],
    relations: [],
  };
}

function precisionOf(value: string | null): DatePrecision {
  return (value && parsePartialDate(value)?.precision) || "day";
}

/** The form's values for an event as it is stored now. */
export function snapshotToFormValues(snapshot: EventSnapshot, related: readonly RelatedOption[]): EventFormValues {
  const relatedById = new Map(related.map((r) => [r.id, r]));
  return {
    id: snapshot.id,
    version: snapshot.version,
    title: snapshot.title,
    summary: snapshot.summary,
    datePrecision: precisionOf(snapshot.date),
    date: snapshot.date,
    endDatePrecision: precisionOf(snapshot.endDate),
    endDate: snapshot.endDate ?? "",
    type: snapshot.type,
    status: snapshot.status,
    legalBasis: snapshot.legalBasis ?? "",
    location: snapshot.location ?? "",
    measures: snapshot.measures,
    initiators: snapshot.initiators,
    targets: snapshot.targets,
    tags: snapshot.tags,
    sources: snapshot.sources.map((s) => ({
      url: s.url ?? "",
      title: s.title,
      publisher: s.publisher ?? "",
      publishedOn: s.publishedOn ?? "",
      archiveUrl: s.archiveUrl ?? "",
    })),
    relations: snapshot.relations.map((r) => ({
      kind: r.kind,
      event: relatedById.get(r.eventId) ?? { id: r.eventId, title: `Event #${r.eventId}`, datePrecision: "", dateStart: "" },
    })),
  };
}

const text = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const ids = (formData: FormData, name: string): number[] =>
  formData
    .getAll(name)
    .map((v) => (typeof v === "string" && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : NaN))
    .filter((n) => Number.isSafeInteger(n));

const PRECISIONS: readonly string[] = ["day", "month", "year"];
const precision = (value: string): DatePrecision => (PRECISIONS.includes(value) ? (value as DatePrecision) : "day");

/** The precision of a typed date is what was typed; the submitted one only counts while the text cannot be read. */
function typedPrecision(typed: string, submitted: string): DatePrecision {
  const read = readDateText(typed);
  return read.ok ? read.date.precision : precision(submitted);
}

/**
 * Reads the submitted form. Rows are sent as parallel lists (`sourceUrl`, `sourceTitle`,
 * …), one entry per row, which keeps their order without numbering fields on the client.
 * Labels of actors and related events come from hidden fields and only serve to redraw the
 * form; the ids are what is saved.
 */
export function readEventForm(formData: FormData): EventFormValues {
  const column = (name: string) => formData.getAll(name).map((v) => (typeof v === "string" ? v : ""));
  const urls = column("sourceUrl");
  const titles = column("sourceTitle");
  const publishers = column("sourcePublisher");
  const published = column("sourcePublishedOn");
  const archives = column("sourceArchiveUrl");
  const actors = (role: "initiator" | "target"): ActorOption[] => {
    const names = column(`${role}Name`);
    const codes = column(`${role}IsoCode`);
    return ids(formData, `${role}Ids`).map((id, i) => ({ id, name: names[i] ?? `Actor #${id}`, isoCode: codes[i] || null }));
  };
  const relationKinds = column("relationKind");
  const relationIds = column("relationEventId");
  const relationTitles = column("relationTitle");
  const relationPrecisions = column("relationDatePrecision");
  const relationStarts = column("relationDateStart");
  const id = Number(text(formData, "id"));
  const version = Number(text(formData, "version"));
  return {
    id: Number.isSafeInteger(id) && id > 0 ? id : null,
    version: Number.isSafeInteger(version) && version > 0 ? version : null,
    ...(text(formData, "submissionKey") ? { submissionKey: text(formData, "submissionKey").slice(0, 64) } : {}),
    title: text(formData, "title"),
    summary: text(formData, "summary"),
    datePrecision: typedPrecision(text(formData, "date"), text(formData, "datePrecision")),
    date: text(formData, "date"),
    endDatePrecision: typedPrecision(text(formData, "endDate"), text(formData, "endDatePrecision")),
    endDate: text(formData, "endDate"),
    type: text(formData, "type"),
    status: text(formData, "status"),
    legalBasis: text(formData, "legalBasis"),
    location: text(formData, "location"),
    measures: column("measures"),
    initiators: actors("initiator"),
    targets: actors("target"),
    tags: column("tags"),
    sources: urls
      .map((url, i) => ({
        url,
        title: titles[i] ?? "",
        publisher: publishers[i] ?? "",
        publishedOn: published[i] ?? "",
        archiveUrl: archives[i] ?? "",
      })),
    relations: relationIds.map((eventId, i) => ({
      kind: relationKinds[i] ?? "",
      event: {
        id: Number(eventId),
        title: relationTitles[i] ?? "",
        datePrecision: relationPrecisions[i] ?? "",
        dateStart: relationStarts[i] ?? "",
      },
    })),
  };
}

const blankToNull = (value: string): string | null => (value.trim() === "" ? null : value);

function isBlankSource(source: SourceFormValues): boolean {
  return Object.values(source).every((v) => v.trim() === "");
}

/**
 * The date as the schema stores it: what the editor typed ("16 Apr 2021", "2021-04"),
 * read at the precision typed. Text it cannot read goes to the schema unchanged, which
 * reports it with the editor's own words.
 */
function storedDate(typed: string): string {
  const read = readDateText(typed);
  return read.ok ? read.date.value : typed;
}

/**
 * Validates the form with the same schema every writer uses (eventInputSchema); dates are
 * read the way the form's date field takes them (readDateText), at the precision typed.
 * Blank source rows are ignored rather than reported: an editor adds a row before filling it.
 */
export function validateEventForm(values: EventFormValues): { ok: true; input: EventInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);

  // A date the field cannot read is reported in the field's own terms (the forms it takes).
  for (const [path, typed] of [["date", values.date], ["endDate", values.endDate]] as const) {
    const read = readDateText(typed);
    if (!read.ok && read.error === "format" && typed.trim() !== "") add(path, read.message);
  }

  // Keep the index of each row in the form, so errors land on the row the editor sees.
  const sourceRows = values.sources.map((source, index) => ({ source, index })).filter((r) => !isBlankSource(r.source));
  const raw: EventInputRaw = {
    id: values.id ?? undefined,
    title: values.title,
    summary: values.summary,
    date: storedDate(values.date),
    endDate: values.endDate.trim() === "" ? null : storedDate(values.endDate),
    type: values.type as EventInputRaw["type"],
    status: values.status as EventInputRaw["status"],
    legalBasis: blankToNull(values.legalBasis),
    location: blankToNull(values.location),
    measures: values.measures as EventInputRaw["measures"],
    initiatorIds: values.initiators.map((a) => a.id),
    targetIds: values.targets.map((a) => a.id),
    tags: values.tags,
    sources: sourceRows.map(({ source }) => ({
      url: blankToNull(source.url),
      title: source.title,
      publisher: blankToNull(source.publisher),
      publishedOn: blankToNull(source.publishedOn),
      archiveUrl: blankToNull(source.archiveUrl),
    })),
    relations: values.relations.map((r) => ({ kind: r.kind as RelationKind, eventId: r.event.id })),
  };
  const parsed = eventInputSchema.safeParse(raw);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index, ...rest] = issue.path.map(String);
      // Map a source's position among the non-blank rows back to its row in the form.
      const path =
        head === "sources" && index !== undefined
          ? ["sources", String(sourceRows[Number(index)]?.index ?? index), ...rest].join(".")
          : issue.path.map(String).join(".");
      // Only the first message of each field is shown: one thing to fix at a time.
      if (!errors[path]) add(path, issue.message);
    }
  }
  return { ok: false, errors };
}
