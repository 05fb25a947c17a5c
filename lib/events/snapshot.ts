import type { Db, Prisma } from "@/lib/db/client";
import type { EventInputRaw } from "@/lib/events/schema";
import type { RelationKind } from "@/lib/events/vocabulary";

/** Everything about an event, as stored in a revision and in the JSON backup. */
export const eventSnapshotInclude = {
  participants: {
    orderBy: [{ role: "asc" as const }, { position: "asc" as const }],
    select: { role: true, position: true, actor: { select: { id: true, name: true, isoCode: true } } },
  },
  sources: {
    orderBy: { position: "asc" as const },
    select: { url: true, title: true, publisher: true, publishedOn: true, retrievedAt: true, archiveUrl: true },
  },
  tags: { select: { tag: { select: { name: true } } } },
  measures: { select: { measure: true } },
  relationsFrom: { select: { kind: true, toId: true } },
} satisfies Prisma.EventInclude;

export type EventSnapshot = {
  id: number;
  title: string;
  summary: string;
  date: string;
  datePrecision: string;
  dateStart: string;
  dateEnd: string;
  endDate: string | null;
  type: string;
  status: string;
  legalBasis: string | null;
  location: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  measures: string[];
  initiators: { id: number; name: string; isoCode: string | null }[];
  targets: { id: number; name: string; isoCode: string | null }[];
  tags: string[];
  sources: {
    url: string | null;
    title: string;
    publisher: string | null;
    publishedOn: string | null;
    retrievedAt: string | null;
    archiveUrl: string | null;
  }[];
  relations: { kind: string; eventId: number }[];
};

/** Reads the full snapshot of one event (including trashed ones), or null if it does not exist. */
export async function readEventSnapshot(db: Db, id: number): Promise<EventSnapshot | null> {
  const event = await db.event.findUnique({ where: { id }, include: eventSnapshotInclude });
  return event ? toEventSnapshot(event) : null;
}

export type EventWithSnapshotInclude = Prisma.EventGetPayload<{ include: typeof eventSnapshotInclude }>;

/** The snapshot of an event read with `eventSnapshotInclude` (batched readers such as the exports use this). */
export function toEventSnapshot(event: EventWithSnapshotInclude): EventSnapshot {
  const actors = (role: string) =>
    event.participants.filter((p) => p.role === role).map((p) => ({ ...p.actor }));
  const length = event.datePrecision === "year" ? 4 : event.datePrecision === "month" ? 7 : 10;
  return {
    id: event.id,
    title: event.title,
    summary: event.summary,
    date: event.dateStart.slice(0, length),
    datePrecision: event.datePrecision,
    dateStart: event.dateStart,
    dateEnd: event.dateEnd,
    endDate: event.endDate,
    type: event.type,
    status: event.status,
    legalBasis: event.legalBasis,
    location: event.location,
    version: event.version,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
    deletedAt: event.deletedAt?.toISOString() ?? null,
    measures: event.measures.map((m) => m.measure).sort(),
    initiators: actors("initiator"),
    targets: actors("target"),
    tags: event.tags.map((t) => t.tag.name).sort((a, b) => a.localeCompare(b)),
    sources: event.sources.map((s) => ({ ...s, retrievedAt: s.retrievedAt?.toISOString() ?? null })),
    relations: event.relationsFrom
      .map((r) => ({ kind: r.kind, eventId: r.toId }))
      .sort((a, b) => a.eventId - b.eventId || a.kind.localeCompare(b.kind)),
  };
}

/** The input that would write this snapshot's content again (before validation). */
export function snapshotToInput(snapshot: EventSnapshot): EventInputRaw {
  return {
    title: snapshot.title,
    summary: snapshot.summary,
    date: snapshot.date,
    endDate: snapshot.endDate,
    type: snapshot.type as EventInputRaw["type"],
    status: snapshot.status as EventInputRaw["status"],
    legalBasis: snapshot.legalBasis,
    location: snapshot.location,
    measures: snapshot.measures as EventInputRaw["measures"],
    initiatorIds: snapshot.initiators.map((a) => a.id),
    targetIds: snapshot.targets.map((a) => a.id),
    tags: snapshot.tags,
    sources: snapshot.sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedOn: s.publishedOn,
      archiveUrl: s.archiveUrl,
    })),
    relations: snapshot.relations.map((r) => ({ kind: r.kind as RelationKind, eventId: r.eventId })),
  };
}
