import type { EventSnapshot } from "@/lib/events/snapshot";

/**
 * The engine-neutral half of the exports' snapshot loaders (lib/db/sqlite/snapshots.ts,
 * lib/db/postgres/snapshots.ts): the row both engines' statements return, turned into the
 * same shape and order as `toEventSnapshot` (a test holds them equal).
 */

/** SnapshotRow's columns in the order of both statements (for PostgreSQL's array rows). */
export const COLUMNS = [
  "id", "title", "summary", "datePrecision", "dateStart", "dateEnd", "endDate", "type", "status", "legalBasis", "location",
  "version", "createdAt", "updatedAt", "deletedAt", "participants", "sources", "tags", "measures", "relations",
] as const;

/**
 * A row as the engines return it: the event's plain columns, integers maybe as bigint,
 * instants as stored (SQLite) or ISO text (PostgreSQL), children as JSON text (SQLite) or
 * already parsed (pg and Prisma parse json columns).
 */
export type SnapshotRow = Omit<
  EventSnapshot,
  "id" | "date" | "version" | "createdAt" | "updatedAt" | "deletedAt" | "measures" | "initiators" | "targets" | "tags" | "sources" | "relations"
> & {
  id: number | bigint;
  version: number | bigint;
  createdAt: unknown;
  updatedAt: unknown;
  deletedAt: unknown;
  participants: string | unknown[];
  sources: string | unknown[];
  tags: string | unknown[];
  measures: string | unknown[];
  relations: string | unknown[];
};

type Actor = EventSnapshot["initiators"][number];

export function fromArray(values: unknown[]): SnapshotRow {
  // The statements' columns are SnapshotRow's, in COLUMNS order.
  return Object.fromEntries(COLUMNS.map((name, i) => [name, values[i]])) as SnapshotRow;
}

export function inOrder(ids: readonly number[], rows: SnapshotRow[]): EventSnapshot[] {
  const byId = new Map(rows.map((row) => [Number(row.id), toSnapshot(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function toSnapshot(row: SnapshotRow): EventSnapshot {
  const participants = json(row.participants) as [string, number, string, string | null][];
  const actors = (role: string): Actor[] =>
    participants.filter((p) => p[0] === role).map(([, id, name, isoCode]) => ({ id, name, isoCode }));
  const sources = json(row.sources) as [string | null, string, string | null, string | null, unknown, string | null][];
  const length = row.datePrecision === "year" ? 4 : row.datePrecision === "month" ? 7 : 10;
  return {
    id: Number(row.id),
    title: row.title,
    summary: row.summary,
    date: row.dateStart.slice(0, length),
    datePrecision: row.datePrecision,
    dateStart: row.dateStart,
    dateEnd: row.dateEnd,
    endDate: row.endDate,
    type: row.type,
    status: row.status,
    legalBasis: row.legalBasis,
    location: row.location,
    version: Number(row.version),
    createdAt: instant(row.createdAt) ?? "",
    updatedAt: instant(row.updatedAt) ?? "",
    deletedAt: instant(row.deletedAt),
    measures: (json(row.measures) as string[]).sort(),
    initiators: actors("initiator"),
    targets: actors("target"),
    tags: (json(row.tags) as string[]).sort((a, b) => a.localeCompare(b)),
    sources: sources.map(([url, title, publisher, publishedOn, retrievedAt, archiveUrl]) => ({
      url,
      title,
      publisher,
      publishedOn,
      retrievedAt: instant(retrievedAt),
      archiveUrl,
    })),
    relations: (json(row.relations) as [string, number][])
      .map(([kind, eventId]) => ({ kind, eventId }))
      .sort((a, b) => a.eventId - b.eventId || a.kind.localeCompare(b.kind)),
  };
}

function json(value: string | unknown[]): unknown[] {
  return typeof value === "string" ? (JSON.parse(value) as unknown[]) : value;
}

/**
 * A stored instant as ISO 8601 UTC. Raw queries return what SQLite holds: the adapter's ISO
 * text with an offset, SQLite's own `YYYY-MM-DD HH:MM:SS` (UTC) from a column default, or
 * epoch milliseconds.
 */
export function instant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value)).toISOString();
  const text = String(value);
  return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text).toISOString();
}
