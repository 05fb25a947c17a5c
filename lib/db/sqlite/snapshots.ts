import type Database from "better-sqlite3";
import type { Db } from "@/lib/db/client";
import type { SnapshotLoader } from "@/lib/db/engine";
import { fromArray, inOrder, type SnapshotRow } from "@/lib/db/snapshot-rows";

/**
 * Full snapshots of a batch of events in one SQL statement, for the exports. The same shape
 * and order as `toEventSnapshot` (a test holds them equal). Prisma's relation loading, and
 * even Prisma's raw queries, cost several times the CPU of the statement itself, which on a
 * million rows decides whether the export meets its speed target
 * (docs/decisions/0007-streaming-export-and-import.md). SQLite's JSON1 functions here,
 * PostgreSQL's json_agg in lib/db/postgres/snapshots.ts; both return the
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

/** Through the Prisma client (or a transaction): for small exports, scripts and tests. */
export function sqlitePrismaSnapshotLoader(db: Db): SnapshotLoader {
  return async (ids, options) => {
    if (ids.length === 0) return [];
    return inOrder(ids, await db.$queryRawUnsafe<SnapshotRow[]>(SQLITE_SNAPSHOT_SQL(options.publicRelationsOnly), JSON.stringify(ids)));
  };
}

/**
 * Through a read-only better-sqlite3 connection (lib/db/sqlite/reader.ts): the large
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
