-- CreateTable
CREATE TABLE "TimelineChange" (
    "seq" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,

    CONSTRAINT "TimelineChange_pkey" PRIMARY KEY ("seq")
);


-- Written by hand: the rules that fill the change log, the PostgreSQL counterparts of the
-- SQLite triggers (docs/decisions/0004-timeline-performance.md). No semicolon may appear
-- inside a statement or a comment here (adapter-pg splits scripts at every semicolon).
--
-- Rule names matter: PostgreSQL applies the rules of one table and event in name order,
-- so each log rule runs after the change-counter rule of the same write ("..._log" sorts
-- after its counter rule). The counter update locks the counter row until the writing
-- transaction ends, so change sequence numbers are handed out in commit order and a reader
-- that has applied a sequence number has seen every change before it.
--
-- There is no insert rule on Event: in a rule NEW.id re-evaluates the column default
-- (another nextval), so it would log the wrong id. Creating an event logs it through the
-- writes lib/events/write.ts makes in the same transaction (participants, tags and the
-- search text update).
--
-- Deleting an actor or a tag logs the events linked to it (rules on delete run before the
-- delete, while the links still exist): rules are not reliably applied to the cascade.
CREATE RULE "Event_timeline_update_log" AS ON UPDATE TO "Event" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (new."id");
CREATE RULE "Event_timeline_delete_log" AS ON DELETE TO "Event" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (old."id");
CREATE RULE "EventParticipant_timeline_insert_log" AS ON INSERT TO "EventParticipant" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
CREATE RULE "EventParticipant_timeline_update_log" AS ON UPDATE TO "EventParticipant" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
CREATE RULE "EventParticipant_timeline_update_log_old" AS ON UPDATE TO "EventParticipant" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
CREATE RULE "EventParticipant_timeline_delete_log" AS ON DELETE TO "EventParticipant" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
CREATE RULE "EventTag_timeline_insert_log" AS ON INSERT TO "EventTag" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
CREATE RULE "EventTag_timeline_update_log" AS ON UPDATE TO "EventTag" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
CREATE RULE "EventTag_timeline_update_log_old" AS ON UPDATE TO "EventTag" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
CREATE RULE "EventTag_timeline_delete_log" AS ON DELETE TO "EventTag" DO ALSO INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
CREATE RULE "Actor_timeline_delete_log" AS ON DELETE TO "Actor" DO ALSO INSERT INTO "TimelineChange" ("eventId") SELECT "eventId" FROM "EventParticipant" WHERE "actorId" = old."id";
CREATE RULE "Tag_timeline_delete_log" AS ON DELETE TO "Tag" DO ALSO INSERT INTO "TimelineChange" ("eventId") SELECT "eventId" FROM "EventTag" WHERE "tagId" = old."id";
