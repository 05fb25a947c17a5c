import type Database from "better-sqlite3";
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/url";
import type { EventSnapshot } from "@/lib/events/snapshot";

/**
 * Full snapshots of a batch of events in one SQL statement, for the exports. The same shape
 * and order as `toEventSnapshot` (a test holds them equal). Prisma's relation loading, and
 * even Prisma's raw queries, cost several times the CPU of the statement itself, which on a
 * million rows decides whether the export meets its speed target
 * (docs/decisions/0007-streaming-export-and-import.md). One statement per engine: SQLite's
 * JSON1 functions here, PostgreSQL's json_agg in POSTGRES_SNAPSHOT_SQL; both return the
 * columns of SnapshotRow, children as JSON arrays of arrays. (The better-sqlite3 bulk
 * loader below reads the same with plain per-table queries, which is faster there.)
 */
const SQLITE_SNAPSHOT_SQL = (publicRelationsOnly: boolean) => `
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

/**
 * The PostgreSQL statement, for an int[] of ids ($1). Instants are formatted in SQL: the
 * columns are timestamps without time zone holding UTC, which pg would read as local time.
 */
const PG_INSTANT = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const POSTGRES_SNAPSHOT_SQL = (publicRelationsOnly: boolean) => `
SELECT e."id", e."title", e."summary", e."datePrecision", e."dateStart", e."dateEnd", e."endDate", e."type", e."status",
  e."legalBasis", e."location", e."version", ${PG_INSTANT('e."createdAt"')} AS "createdAt",
  ${PG_INSTANT('e."updatedAt"')} AS "updatedAt", ${PG_INSTANT('e."deletedAt"')} AS "deletedAt",
  (SELECT COALESCE(json_agg(json_build_array(p."role", a."id", a."name", a."isoCode") ORDER BY p."role", p."position"), '[]')
     FROM "EventParticipant" p JOIN "Actor" a ON a."id" = p."actorId" WHERE p."eventId" = e."id") AS "participants",
  (SELECT COALESCE(json_agg(json_build_array(s."url", s."title", s."publisher", s."publishedOn", ${PG_INSTANT('s."retrievedAt"')}, s."archiveUrl") ORDER BY s."position"), '[]')
     FROM "Source" s WHERE s."eventId" = e."id") AS "sources",
  (SELECT COALESCE(json_agg(t."name"), '[]') FROM "EventTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."eventId" = e."id") AS "tags",
  (SELECT COALESCE(json_agg(m."measure"), '[]') FROM "EventMeasure" m WHERE m."eventId" = e."id") AS "measures",
  (SELECT COALESCE(json_agg(json_build_array(r."kind", r."toId")), '[]') FROM "EventRelation" r JOIN "Event" t ON t."id" = r."toId"
     WHERE r."fromId" = e."id" ${publicRelationsOnly ? `AND t."status" = 'published' AND t."deletedAt" IS NULL` : ""}) AS "relations"
FROM "Event" e WHERE e."id" = ANY($1::int[])`;

/** SnapshotRow's columns in the order of both statements (for PostgreSQL's array rows). */
const COLUMNS = [
  "id", "title", "summary", "datePrecision", "dateStart", "dateEnd", "endDate", "type", "status", "legalBasis", "location",
  "version", "createdAt", "updatedAt", "deletedAt", "participants", "sources", "tags", "measures", "relations",
] as const;

/**
 * A row as the engines return it: the event's plain columns, integers maybe as bigint,
 * instants as stored (SQLite) or ISO text (PostgreSQL), children as JSON text (SQLite) or
 * already parsed (pg and Prisma parse json columns).
 */
type SnapshotRow = Omit<
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

/** Loads the snapshots of the given events, in the order of `ids` (ids that do not exist are skipped). */
export type SnapshotLoader = (ids: readonly number[], options: { publicRelationsOnly: boolean }) => Promise<EventSnapshot[]>;

/** Through the Prisma client (or a transaction), on either engine: for small exports, scripts and tests. */
export function prismaSnapshotLoader(db: Db): SnapshotLoader {
  const postgres = resolveDatabaseTarget().provider === "postgresql";
  return async (ids, options) => {
    if (ids.length === 0) return [];
    if (postgres) {
      return inOrder(ids, await db.$queryRawUnsafe<SnapshotRow[]>(POSTGRES_SNAPSHOT_SQL(options.publicRelationsOnly), [...ids]));
    }
    const rows = await db.$queryRawUnsafe<SnapshotRow[]>(SQLITE_SNAPSHOT_SQL(options.publicRelationsOnly), JSON.stringify(ids));
    return inOrder(ids, rows);
  };
}

/**
 * Through the shared PostgreSQL pool (lib/db/postgres-reader.ts), rows as arrays: the large
 * exports on PostgreSQL. As with SQLite, Prisma decides which events; this only reads them.
 */
export function postgresSnapshotLoader(pool: pg.Pool): SnapshotLoader {
  const statements = { public: POSTGRES_SNAPSHOT_SQL(true), all: POSTGRES_SNAPSHOT_SQL(false) };
  return async (ids, options) => {
    if (ids.length === 0) return [];
    const result = await pool.query<unknown[]>({
      text: options.publicRelationsOnly ? statements.public : statements.all,
      values: [[...ids]],
      rowMode: "array",
    });
    return inOrder(ids, result.rows.map(fromArray));
  };
}

function fromArray(values: unknown[]): SnapshotRow {
  // The statement's columns are SnapshotRow's, in COLUMNS order.
  return Object.fromEntries(COLUMNS.map((name, i) => [name, values[i]])) as SnapshotRow;
}

/**
 * Through a read-only better-sqlite3 connection (lib/db/sqlite-reader.ts): the large
 * exports. Which events are exported is still decided through Prisma; this connection only
 * reads their details (in WAL mode it sees every committed change, so an event edited
 * between the two reads is exported as it is now).
 */
export function sqliteSnapshotLoader(connection: Database.Database): SnapshotLoader {
  // One plain query per table for the whole slice, assembled here: on better-sqlite3 this is
  // several times cheaper than SQLITE_SNAPSHOT_SQL's correlated JSON subqueries (its
  // participants subquery sorts in a temporary b-tree per event) plus parsing their JSON.
  const ids = "(SELECT value FROM json_each(?))";
  const prepare = (sql: string) => connection.prepare<[string], unknown[]>(sql).raw(true);
  const events = prepare(
    `SELECT id, title, summary, datePrecision, dateStart, dateEnd, endDate, type, status, legalBasis, location, version, createdAt, updatedAt, deletedAt
     FROM Event WHERE id IN ${ids}`,
  );
  const participants = prepare(
    `SELECT p.eventId, p.role, a.id, a.name, a.isoCode, p.position FROM EventParticipant p JOIN Actor a ON a.id = p.actorId
     WHERE p.eventId IN ${ids}`,
  );
  const sources = prepare(
    `SELECT eventId, url, title, publisher, publishedOn, retrievedAt, archiveUrl FROM Source WHERE eventId IN ${ids} ORDER BY eventId, position`,
  );
  const tags = prepare(`SELECT et.eventId, t.name FROM EventTag et JOIN Tag t ON t.id = et.tagId WHERE et.eventId IN ${ids}`);
  const measures = prepare(`SELECT eventId, measure FROM EventMeasure WHERE eventId IN ${ids}`);
  const relation = (publicOnly: boolean) =>
    prepare(
      `SELECT r.fromId, r.kind, r.toId FROM EventRelation r JOIN Event t ON t.id = r.toId WHERE r.fromId IN ${ids}
       ${publicOnly ? "AND t.status = 'published' AND t.deletedAt IS NULL" : ""}`,
    );
  const relations = { public: relation(true), all: relation(false) };
  /** Rows grouped by their first column (the event id), the rest of each row kept. */
  const grouped = (rows: unknown[][], width: number): Map<number, unknown[]> => {
    const byEvent = new Map<number, unknown[]>();
    for (const row of rows) {
      const id = Number(row[0]);
      const value = width === 1 ? row[1] : row.slice(1);
      const list = byEvent.get(id);
      if (list) list.push(value);
      else byEvent.set(id, [value]);
    }
    return byEvent;
  };
  return async (wanted, options) => {
    if (wanted.length === 0) return [];
    const param = JSON.stringify(wanted);
    // Ordered here rather than in SQL, which would sort through a temporary b-tree.
    const byRoleAndPosition = (a: unknown[], b: unknown[]) =>
      (a[1] === b[1] ? 0 : String(a[1]) < String(b[1]) ? -1 : 1) || Number(a[5]) - Number(b[5]);
    const children = {
      participants: grouped(participants.all(param).sort((a, b) => Number(a[0]) - Number(b[0]) || byRoleAndPosition(a, b)), 5),
      sources: grouped(sources.all(param), 6),
      tags: grouped(tags.all(param), 1),
      measures: grouped(measures.all(param), 1),
      relations: grouped((options.publicRelationsOnly ? relations.public : relations.all).all(param), 2),
    };
    const rows = events.all(param).map((values): SnapshotRow => {
      const id = Number(values[0]);
      return {
        ...fromArray(values),
        participants: children.participants.get(id) ?? [],
        sources: children.sources.get(id) ?? [],
        tags: children.tags.get(id) ?? [],
        measures: children.measures.get(id) ?? [],
        relations: children.relations.get(id) ?? [],
      };
    });
    return inOrder(wanted, rows);
  };
}

function inOrder(ids: readonly number[], rows: SnapshotRow[]): EventSnapshot[] {
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
function instant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value)).toISOString();
  const text = String(value);
  return new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text).toISOString();
}
