-- DropIndex
DROP INDEX "Event_status_deletedAt_dateStart_id_idx";

-- CreateTable
CREATE TABLE "ChangeCounter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChangeCounter_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Event_status_deletedAt_dateStart_id_dateEnd_type_legalBasis_idx" ON "Event"("status", "deletedAt", "dateStart", "id", "dateEnd", "type", "legalBasis");


-- Written by hand: the PostgreSQL counterparts of the FTS5 index and the triggers of the
-- SQLite migration (docs/decisions/0004-timeline-performance.md and 0005-postgresql.md).
-- No semicolon may appear inside a statement or a comment here: adapter-pg runs migration
-- scripts by splitting them at every semicolon. That is also why the change counter uses
-- rules (plain SQL) rather than a PL/pgSQL trigger function.

-- Search: Event.searchText is already case- and accent-folded. A trigram index serves the
-- word matches of q (pg_trgm is a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Event_searchText_trgm_idx" ON "Event" USING gin ("searchText" gin_trgm_ops);

-- The change counter of the timeline: any write to what the public timeline shows moves it.
INSERT INTO "ChangeCounter" ("name", "value") VALUES ('timeline', 0);
CREATE RULE "Event_timeline_insert" AS ON INSERT TO "Event" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Event_timeline_update" AS ON UPDATE TO "Event" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Event_timeline_delete" AS ON DELETE TO "Event" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "EventParticipant_timeline_insert" AS ON INSERT TO "EventParticipant" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "EventParticipant_timeline_update" AS ON UPDATE TO "EventParticipant" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "EventParticipant_timeline_delete" AS ON DELETE TO "EventParticipant" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "EventTag_timeline_insert" AS ON INSERT TO "EventTag" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "EventTag_timeline_update" AS ON UPDATE TO "EventTag" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "EventTag_timeline_delete" AS ON DELETE TO "EventTag" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Actor_timeline_insert" AS ON INSERT TO "Actor" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Actor_timeline_update" AS ON UPDATE TO "Actor" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Actor_timeline_delete" AS ON DELETE TO "Actor" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Tag_timeline_insert" AS ON INSERT TO "Tag" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Tag_timeline_update" AS ON UPDATE TO "Tag" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
CREATE RULE "Tag_timeline_delete" AS ON DELETE TO "Tag" DO ALSO UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
