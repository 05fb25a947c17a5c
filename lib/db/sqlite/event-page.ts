/**
 * The event page's read on SQLite in one statement (Engine.eventPage): the public event, its
 * actors, tags, sources, measures, its relations to and from public events and its last edit
 * by a person, as one JSON document (lib/db/event-page-rows.ts turns it into the page's
 * shape). Prepared once on the read-only connection, so a page costs one statement step
 * instead of Prisma's compile and seven queries. `json(...)` keeps each subquery's array a
 * JSON value inside the outer object (a subquery's result loses its JSON subtype).
 */
export const EVENT_PAGE_SQL = `
SELECT json_object(
  'id', e.id, 'title', e.title, 'summary', e.summary, 'datePrecision', e.datePrecision, 'dateStart', e.dateStart,
  'dateEnd', e.dateEnd, 'endDate', e.endDate, 'type', e.type, 'legalBasis', e.legalBasis, 'location', e.location,
  'createdAt', e.createdAt, 'updatedAt', e.updatedAt,
  'participants', json((SELECT json_group_array(json_array(p.role, p.position, a.id, a.name, a.slug, a.isoCode, a.kind))
     FROM EventParticipant p JOIN Actor a ON a.id = p.actorId WHERE p.eventId = e.id)),
  'tags', json((SELECT json_group_array(json_array(t.id, t.name, t.slug))
     FROM EventTag et JOIN Tag t ON t.id = et.tagId WHERE et.eventId = e.id)),
  'sources', json((SELECT json_group_array(json_array(s.position, s.id, s.url, s.title, s.publisher, s.publishedOn, s.archiveUrl))
     FROM Source s WHERE s.eventId = e.id)),
  'measures', json((SELECT json_group_array(m.measure) FROM EventMeasure m WHERE m.eventId = e.id)),
  'outgoing', json((SELECT json_group_array(json_array(r.id, r.kind, t.id, t.title, t.datePrecision, t.dateStart))
     FROM EventRelation r JOIN Event t ON t.id = r.toId
     WHERE r.fromId = e.id AND t.status = 'published' AND t.deletedAt IS NULL)),
  'incoming', json((SELECT json_group_array(json_array(r.id, r.kind, f.id, f.title, f.datePrecision, f.dateStart))
     FROM EventRelation r JOIN Event f ON f.id = r.fromId
     WHERE r.toId = e.id AND f.status = 'published' AND f.deletedAt IS NULL)),
  'lastEditedAt', (SELECT v.createdAt FROM EventRevision v WHERE v.eventId = e.id AND v.userId IS NOT NULL ORDER BY v.id DESC LIMIT 1)
)
FROM Event e WHERE e.id = ? AND e.status = 'published' AND e.deletedAt IS NULL`;
