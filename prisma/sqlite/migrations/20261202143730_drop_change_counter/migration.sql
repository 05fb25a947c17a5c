-- The timeline change counter is replaced by the change log (TimelineChange, migration
-- timeline_change_log), which the facet index reads. Nothing reads the counter any more.
-- Its triggers (hand-written in timeline_search_and_counters) go first, since they write to the table.
DROP TRIGGER IF EXISTS "Event_timeline_insert";
DROP TRIGGER IF EXISTS "Event_timeline_update";
DROP TRIGGER IF EXISTS "Event_timeline_delete";
DROP TRIGGER IF EXISTS "EventParticipant_timeline_insert";
DROP TRIGGER IF EXISTS "EventParticipant_timeline_update";
DROP TRIGGER IF EXISTS "EventParticipant_timeline_delete";
DROP TRIGGER IF EXISTS "EventTag_timeline_insert";
DROP TRIGGER IF EXISTS "EventTag_timeline_delete";
DROP TRIGGER IF EXISTS "Actor_timeline_insert";
DROP TRIGGER IF EXISTS "Actor_timeline_update";
DROP TRIGGER IF EXISTS "Actor_timeline_delete";
DROP TRIGGER IF EXISTS "Tag_timeline_insert";
DROP TRIGGER IF EXISTS "Tag_timeline_update";
DROP TRIGGER IF EXISTS "Tag_timeline_delete";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ChangeCounter";
PRAGMA foreign_keys=on;

