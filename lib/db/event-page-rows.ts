import { instant } from "@/lib/db/snapshot-rows";

/**
 * The engine-neutral half of the event page's one-statement read (Engine.eventPage,
 * lib/db/sqlite/event-page.ts and lib/db/postgres/event-page.ts). Both statements return one
 * JSON document per public event: its columns, and its children as arrays of arrays with
 * their sort keys first; this turns it into the shape of the Prisma select it replaces
 * (lib/events/queries.ts, PublicEventDetail; a test holds them equal). Lists are sorted here
 * rather than in SQL, where the order of an aggregate's input is not guaranteed.
 */

export type EventPageActor = { id: number; name: string; slug: string; isoCode: string | null; kind: string };
export type EventPageRef = { id: number; title: string; datePrecision: string; dateStart: string };

export type EventPage = {
  id: number;
  title: string;
  summary: string;
  datePrecision: string;
  dateStart: string;
  dateEnd: string;
  endDate: string | null;
  type: string;
  legalBasis: string | null;
  location: string | null;
  createdAt: Date;
  updatedAt: Date;
  participants: { role: string; actor: EventPageActor }[];
  tags: { tag: { name: string; slug: string } }[];
  sources: { url: string | null; title: string; publisher: string | null; publishedOn: string | null; archiveUrl: string | null }[];
  measures: { measure: string }[];
  /** To public events, in the order they were recorded. */
  relationsFrom: { kind: string; to: EventPageRef }[];
  /** From public events, oldest first. */
  relationsTo: { kind: string; from: EventPageRef }[];
  /** The public events that respond to it. */
  _count: { relationsTo: number };
  /** When a person last changed it (its latest revision by a user); null if only scripts wrote it. */
  lastEditedAt: Date | null;
};

/** The document both statements build (instants as stored, or epoch milliseconds). */
type Document = Pick<
  EventPage,
  "id" | "title" | "summary" | "datePrecision" | "dateStart" | "dateEnd" | "endDate" | "type" | "legalBasis" | "location"
> & {
  createdAt: unknown;
  updatedAt: unknown;
  lastEditedAt: unknown;
  /** [role, position, actor id, name, slug, isoCode, kind] */
  participants: [string, number, number, string, string, string | null, string][];
  /** [tag id, name, slug] */
  tags: [number, string, string][];
  /** [position, id, url, title, publisher, publishedOn, archiveUrl] */
  sources: [number, number, string | null, string, string | null, string | null, string | null][];
  measures: string[];
  /** [relation id, kind, event id, title, datePrecision, dateStart], public events only */
  outgoing: [number, string, number, string, string, string][];
  incoming: [number, string, number, string, string, string][];
};

const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);
const ref = ([, , id, title, datePrecision, dateStart]: Document["outgoing"][number]): EventPageRef => ({ id, title, datePrecision, dateStart });

function required(value: Date | null, column: string): Date {
  if (value === null) throw new Error(`Event.${column} is NOT NULL, yet the event page's statement returned none.`);
  return value;
}

/** The event page from a statement's JSON document (text or already parsed); null for no row. */
export function toEventPage(value: unknown): EventPage | null {
  if (value === null || value === undefined) return null;
  const doc = (typeof value === "string" ? JSON.parse(value) : value) as Document;
  const date = (stored: unknown) => {
    const iso = instant(stored);
    return iso === null ? null : new Date(iso);
  };
  const incoming = [...doc.incoming].sort((a, b) => compareText(a[5], b[5]) || a[0] - b[0]);
  return {
    id: Number(doc.id),
    title: doc.title,
    summary: doc.summary,
    datePrecision: doc.datePrecision,
    dateStart: doc.dateStart,
    dateEnd: doc.dateEnd,
    endDate: doc.endDate,
    type: doc.type,
    legalBasis: doc.legalBasis,
    location: doc.location,
    createdAt: required(date(doc.createdAt), "createdAt"),
    updatedAt: required(date(doc.updatedAt), "updatedAt"),
    participants: [...doc.participants]
      .sort((a, b) => compareText(a[0], b[0]) || a[1] - b[1])
      .map(([role, , id, name, slug, isoCode, kind]) => ({ role, actor: { id, name, slug, isoCode, kind } })),
    tags: [...doc.tags].sort((a, b) => a[0] - b[0]).map(([, name, slug]) => ({ tag: { name, slug } })),
    sources: [...doc.sources]
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, , url, title, publisher, publishedOn, archiveUrl]) => ({ url, title, publisher, publishedOn, archiveUrl })),
    measures: [...doc.measures].sort(compareText).map((measure) => ({ measure })),
    relationsFrom: [...doc.outgoing].sort((a, b) => a[0] - b[0]).map((r) => ({ kind: r[1], to: ref(r) })),
    relationsTo: incoming.map((r) => ({ kind: r[1], from: ref(r) })),
    _count: { relationsTo: incoming.filter((r) => r[1] === "responds-to").length },
    lastEditedAt: date(doc.lastEditedAt),
  };
}
