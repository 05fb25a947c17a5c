-- CreateTable
CREATE TABLE "ChangeCounter" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL DEFAULT 0
);


-- Written by hand (Prisma cannot express these; scripts/db-migration.ts knows to ignore the
-- FTS5 shadow tables in its drift check). See docs/decisions/0004-timeline-performance.md.

-- Full-text index over Event.searchText (already case- and accent-folded by lib/events/search-text.ts).
-- External content: the text is stored once, in Event; the triggers keep the index in step.
CREATE VIRTUAL TABLE "EventSearch" USING fts5("searchText", content='Event', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "EventSearch"("EventSearch") VALUES ('rebuild');

CREATE TRIGGER "Event_search_insert" AFTER INSERT ON "Event" BEGIN
  INSERT INTO "EventSearch"(rowid, "searchText") VALUES (new."id", new."searchText");
END;
CREATE TRIGGER "Event_search_delete" AFTER DELETE ON "Event" BEGIN
  INSERT INTO "EventSearch"("EventSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;
CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "searchText" ON "Event" BEGIN
  INSERT INTO "EventSearch"("EventSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
  INSERT INTO "EventSearch"(rowid, "searchText") VALUES (new."id", new."searchText");
END;

-- The timeline's change counter: any write to what the public timeline shows moves it.
INSERT INTO "ChangeCounter" ("name", "value") VALUES ('timeline', 0);

CREATE TRIGGER "Event_timeline_insert" AFTER INSERT ON "Event" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Event_timeline_update" AFTER UPDATE ON "Event" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Event_timeline_delete" AFTER DELETE ON "Event" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "EventParticipant_timeline_insert" AFTER INSERT ON "EventParticipant" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "EventParticipant_timeline_update" AFTER UPDATE ON "EventParticipant" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "EventParticipant_timeline_delete" AFTER DELETE ON "EventParticipant" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "EventTag_timeline_insert" AFTER INSERT ON "EventTag" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "EventTag_timeline_delete" AFTER DELETE ON "EventTag" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Actor_timeline_insert" AFTER INSERT ON "Actor" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Actor_timeline_update" AFTER UPDATE ON "Actor" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Actor_timeline_delete" AFTER DELETE ON "Actor" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Tag_timeline_insert" AFTER INSERT ON "Tag" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Tag_timeline_update" AFTER UPDATE ON "Tag" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
CREATE TRIGGER "Tag_timeline_delete" AFTER DELETE ON "Tag" BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
END;
