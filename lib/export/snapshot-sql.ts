import type Database from "better-sqlite3";
import type { Db } from "@/lib/db/client";
import type { EventSnapshot } from "@/lib/events/snapshot";

/**
 * Full snapshots of a batch of events in one SQL statement, for the exports. The same shape
 * and order as `toEventSnapshot` (a test holds them equal). Prisma's relation loading, and
 * even Prisma's raw queries, cost several times the CPU of the statement itself, which on a
 * million rows decides whether the export meets its speed target
 * (docs/decisions/0007-streaming-export-and-import.md). SQLite only (JSON1 functions); a
 * PostgreSQL version would use json_agg.
 */
const SNAPSHOT_SQL = (publicRelationsOnly: boolean) => `
SELECT e.id, e.title, e.summary, e.datePrecision, e.dateStart, e.dateEnd, e.endDate, e.type, e.status,
  e.legalBasis, e.location, e.version, e.createdAt, e.updatedAt, e.deletedAt,
  (SELECT json_group_array(json_array(p.role, a.id, a.name, a.isoCode))
     FROM (SELECT role, actorId, position FROM EventParticipant WHERE eventId = e.id ORDER BY role, position) p
     JOIN Actor a ON a.id = p.actorId) AS participants,
  (SELECT json_group_array(json_array(url, title, publisher, publishedOn, retrievedAt, archiveUrl))
     FROM (SELECT * FROM Source WHERE eventId = e.id ORDER BY position)) AS sources,
  (SELECT json_group_array(t.name) FROM EventTag et JOIN Tag t ON t.id = et.tagId WHERE et.eventId = e.id) AS tags,
  (SELECT json_group_array(measure) FROM EventMeasure WHERE eventId = e.id) AS measures,
  (SELECT json_group_array(json_array(r.kind, r.toId)) FROM EventRelation r JOIN Event t ON t.id = r.toId
     WHERE r.fromId = e.id ${publicRelationsOnly ? "AND t.status = 'published' AND t.deletedAt IS NULL" : ""}) AS relations
FROM Event e WHERE e.id IN (SELECT value FROM json_each(?))`;

/** A row as SQLite returns it: the event's plain columns, integers maybe as bigint, instants as stored, children as JSON text. */
type SnapshotRow = Omit<
  EventSnapshot,
  "id" | "date" | "version" | "createdAt" | "updatedAt" | "deletedAt" | "measures" | "initiators" | "targets" | "tags" | "sources" | "relations"
> & {
  id: number | bigint;
  version: number | bigint;
  createdAt: unknown;
  updatedAt: unknown;
  deletedAt: unknown;
  participants: string;
  sources: string;
  tags: string;
  measures: string;
  relations: string;
};

type Actor = EventSnapshot["initiators"][number];

/** Loads the snapshots of the given events, in the order of `ids` (ids that do not exist are skipped). */
export type SnapshotLoader = (ids: readonly number[], options: { publicRelationsOnly: boolean }) => Promise<EventSnapshot[]>;

/** Through the Prisma client (or a transaction): for small exports, scripts and tests. */
export function prismaSnapshotLoader(db: Db): SnapshotLoader {
  return async (ids, options) => {
    if (ids.length === 0) return [];
    const rows = await db.$queryRawUnsafe<SnapshotRow[]>(SNAPSHOT_SQL(options.publicRelationsOnly), JSON.stringify(ids));
    return inOrder(ids, rows);
  };
}

/**
 * Through a read-only better-sqlite3 connection (lib/db/sqlite-reader.ts): the large
 * exports. Which events are exported is still decided through Prisma; this connection only
 * reads their details (in WAL mode it sees every committed change, so an event edited
 * between the two reads is exported as it is now).
 */
export function sqliteSnapshotLoader(connection: Database.Database): SnapshotLoader {
  const statements = {
    public: connection.prepare<[string], SnapshotRow>(SNAPSHOT_SQL(true)),
    all: connection.prepare<[string], SnapshotRow>(SNAPSHOT_SQL(false)),
  };
  return async (ids, options) => {
    if (ids.length === 0) return [];
    const statement = options.publicRelationsOnly ? statements.public : statements.all;
    return inOrder(ids, statement.all(JSON.stringify(ids)));
  };
}

function inOrder(ids: readonly number[], rows: SnapshotRow[]): EventSnapshot[] {
  const byId = new Map(rows.map((row) => [Number(row.id), toSnapshot(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function toSnapshot(row: SnapshotRow): EventSnapshot {
  const participants = JSON.parse(row.participants) as [string, number, string, string | null][];
  const actors = (role: string): Actor[] =>
    participants.filter((p) => p[0] === role).map(([, id, name, isoCode]) => ({ id, name, isoCode }));
  const sources = JSON.parse(row.sources) as [string | null, string, string | null, string | null, unknown, string | null][];
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
    measures: (JSON.parse(row.measures) as string[]).sort(),
    initiators: actors("initiator"),
    targets: actors("target"),
    tags: (JSON.parse(row.tags) as string[]).sort((a, b) => a.localeCompare(b)),
    sources: sources.map(([url, title, publisher, publishedOn, retrievedAt, archiveUrl]) => ({
      url,
      title,
      publisher,
      publishedOn,
      retrievedAt: instant(retrievedAt),
      archiveUrl,
    })),
    relations: (JSON.parse(row.relations) as [string, number][])
      .map(([kind, eventId]) => ({ kind, eventId }))
      .sort((a, b) => a.eventId - b.eventId || a.kind.localeCompare(b.kind)),
  };
}

/**
 * A stored instant as ISO 8601 UTC. Raw queries return what SQLite holds: the adapter's ISO
 * text with an offset, SQLite's own `YYYY-MM-DD HH:MM:SS` (UTC) from a column default, or
 * epoch milliseconds.
 */
function instant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value)).toISOString();
  const text = String(value);
  return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text).toISOString();
}
