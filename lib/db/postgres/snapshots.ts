import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { SnapshotLoader } from "@/lib/db/engine";
import { fromArray, inOrder, type SnapshotRow } from "@/lib/db/snapshot-rows";

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

/** Through the Prisma client (or a transaction): for small exports, scripts and tests. */
export function postgresPrismaSnapshotLoader(db: Db): SnapshotLoader {
  return async (ids, options) => {
    if (ids.length === 0) return [];
    return inOrder(ids, await db.$queryRawUnsafe<SnapshotRow[]>(POSTGRES_SNAPSHOT_SQL(options.publicRelationsOnly), [...ids]));
  };
}

/**
 * Through the shared PostgreSQL pool (lib/db/postgres/reader.ts), rows as arrays: the large
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
