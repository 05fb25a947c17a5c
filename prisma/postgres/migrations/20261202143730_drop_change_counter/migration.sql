-- The timeline change counter is replaced by the change log (TimelineChange, migration
-- timeline_change_log), which the facet index reads. Nothing reads the counter any more.
-- Its rules (hand-written in timeline_search_and_counters) go first, since they write to the table.
DROP RULE IF EXISTS "Event_timeline_insert" ON "Event";
DROP RULE IF EXISTS "Event_timeline_update" ON "Event";
DROP RULE IF EXISTS "Event_timeline_delete" ON "Event";
DROP RULE IF EXISTS "EventParticipant_timeline_insert" ON "EventParticipant";
DROP RULE IF EXISTS "EventParticipant_timeline_update" ON "EventParticipant";
DROP RULE IF EXISTS "EventParticipant_timeline_delete" ON "EventParticipant";
DROP RULE IF EXISTS "EventTag_timeline_insert" ON "EventTag";
DROP RULE IF EXISTS "EventTag_timeline_update" ON "EventTag";
DROP RULE IF EXISTS "EventTag_timeline_delete" ON "EventTag";
DROP RULE IF EXISTS "Actor_timeline_insert" ON "Actor";
DROP RULE IF EXISTS "Actor_timeline_update" ON "Actor";
DROP RULE IF EXISTS "Actor_timeline_delete" ON "Actor";
DROP RULE IF EXISTS "Tag_timeline_insert" ON "Tag";
DROP RULE IF EXISTS "Tag_timeline_update" ON "Tag";
DROP RULE IF EXISTS "Tag_timeline_delete" ON "Tag";

-- DropTable
DROP TABLE "ChangeCounter";

