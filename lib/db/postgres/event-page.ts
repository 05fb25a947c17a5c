/**
 * The event page's read on PostgreSQL in one statement (Engine.eventPage): the same JSON
 * document as lib/db/sqlite/event-page.ts (lib/db/event-page-rows.ts turns it into the
 * page's shape), run by the pg pool as a named prepared statement, so each connection
 * parses and plans it once. Instants are epoch milliseconds ("timestamp(3)" holds UTC).
 */
const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;
const list = (select: string) => `coalesce((${select}), '[]'::json)`;

export const EVENT_PAGE_SQL = `
SELECT json_build_object(
  'id', e."id", 'title', e."title", 'summary', e."summary", 'datePrecision', e."datePrecision", 'dateStart', e."dateStart",
  'dateEnd', e."dateEnd", 'endDate', e."endDate", 'type', e."type", 'legalBasis', e."legalBasis", 'location', e."location",
  'createdAt', ${ms(`e."createdAt"`)}, 'updatedAt', ${ms(`e."updatedAt"`)},
  'participants', ${list(`SELECT json_agg(json_build_array(p."role", p."position", a."id", a."name", a."slug", a."isoCode", a."kind"))
     FROM "EventParticipant" p JOIN "Actor" a ON a."id" = p."actorId" WHERE p."eventId" = e."id"`)},
  'tags', ${list(`SELECT json_agg(json_build_array(t."id", t."name", t."slug"))
     FROM "EventTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."eventId" = e."id"`)},
  'sources', ${list(`SELECT json_agg(json_build_array(s."position", s."id", s."url", s."title", s."publisher", s."publishedOn", s."archiveUrl"))
     FROM "Source" s WHERE s."eventId" = e."id"`)},
  'measures', ${list(`SELECT json_agg(m."measure") FROM "EventMeasure" m WHERE m."eventId" = e."id"`)},
  'outgoing', ${list(`SELECT json_agg(json_build_array(r."id", r."kind", t."id", t."title", t."datePrecision", t."dateStart"))
     FROM "EventRelation" r JOIN "Event" t ON t."id" = r."toId"
     WHERE r."fromId" = e."id" AND t."status" = 'published' AND t."deletedAt" IS NULL`)},
  'incoming', ${list(`SELECT json_agg(json_build_array(r."id", r."kind", f."id", f."title", f."datePrecision", f."dateStart"))
     FROM "EventRelation" r JOIN "Event" f ON f."id" = r."fromId"
     WHERE r."toId" = e."id" AND f."status" = 'published' AND f."deletedAt" IS NULL`)},
  'lastEditedAt', (SELECT ${ms(`v."createdAt"`)} FROM "EventRevision" v
     WHERE v."eventId" = e."id" AND v."userId" IS NOT NULL ORDER BY v."id" DESC LIMIT 1)
)
FROM "Event" e WHERE e."id" = $1 AND e."status" = 'published' AND e."deletedAt" IS NULL`;
