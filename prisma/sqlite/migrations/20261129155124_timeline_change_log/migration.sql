-- CreateTable
CREATE TABLE "TimelineChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL
);


-- Written by hand: the triggers that fill the change log (docs/decisions/0004-timeline-performance.md).
-- Every write to an event, its participants or its tags logs the event's id. Deleting an
-- actor or a tag logs the events linked to it before the cascade removes the links.
CREATE TRIGGER "Event_change_insert" AFTER INSERT ON "Event" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (new."id");
END;
CREATE TRIGGER "Event_change_update" AFTER UPDATE ON "Event" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (new."id");
END;
CREATE TRIGGER "Event_change_delete" AFTER DELETE ON "Event" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (old."id");
END;
CREATE TRIGGER "EventParticipant_change_insert" AFTER INSERT ON "EventParticipant" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
END;
CREATE TRIGGER "EventParticipant_change_update" AFTER UPDATE ON "EventParticipant" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
  INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
END;
CREATE TRIGGER "EventParticipant_change_delete" AFTER DELETE ON "EventParticipant" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
END;
CREATE TRIGGER "EventTag_change_insert" AFTER INSERT ON "EventTag" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
END;
CREATE TRIGGER "EventTag_change_update" AFTER UPDATE ON "EventTag" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
  INSERT INTO "TimelineChange" ("eventId") VALUES (new."eventId");
END;
CREATE TRIGGER "EventTag_change_delete" AFTER DELETE ON "EventTag" BEGIN
  INSERT INTO "TimelineChange" ("eventId") VALUES (old."eventId");
END;
CREATE TRIGGER "Actor_change_delete" BEFORE DELETE ON "Actor" BEGIN
  INSERT INTO "TimelineChange" ("eventId") SELECT "eventId" FROM "EventParticipant" WHERE "actorId" = old."id";
END;
CREATE TRIGGER "Tag_change_delete" BEFORE DELETE ON "Tag" BEGIN
  INSERT INTO "TimelineChange" ("eventId") SELECT "eventId" FROM "EventTag" WHERE "tagId" = old."id";
END;
