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


-- Written by hand: the PostgreSQL counterparts of the SQLite migration's FTS5 index and
-- triggers (docs/decisions/0004-timeline-performance.md, 0005-postgresql.md).

-- Search: Event.searchText is already case- and accent-folded; a trigram index serves the
-- substring matches of `q` (pg_trgm is a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Event_searchText_trgm_idx" ON "Event" USING gin ("searchText" gin_trgm_ops);

-- The timeline's change counter: any write to what the public timeline shows moves it.
INSERT INTO "ChangeCounter" ("name", "value") VALUES ('timeline', 0);

CREATE FUNCTION "demarche_bump_timeline_counter"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ChangeCounter" SET "value" = "value" + 1 WHERE "name" = 'timeline';
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_timeline_change" AFTER INSERT OR UPDATE OR DELETE ON "Event"
  FOR EACH STATEMENT EXECUTE FUNCTION "demarche_bump_timeline_counter"();
CREATE TRIGGER "EventParticipant_timeline_change" AFTER INSERT OR UPDATE OR DELETE ON "EventParticipant"
  FOR EACH STATEMENT EXECUTE FUNCTION "demarche_bump_timeline_counter"();
CREATE TRIGGER "EventTag_timeline_change" AFTER INSERT OR UPDATE OR DELETE ON "EventTag"
  FOR EACH STATEMENT EXECUTE FUNCTION "demarche_bump_timeline_counter"();
CREATE TRIGGER "Actor_timeline_change" AFTER INSERT OR UPDATE OR DELETE ON "Actor"
  FOR EACH STATEMENT EXECUTE FUNCTION "demarche_bump_timeline_counter"();
CREATE TRIGGER "Tag_timeline_change" AFTER INSERT OR UPDATE OR DELETE ON "Tag"
  FOR EACH STATEMENT EXECUTE FUNCTION "demarche_bump_timeline_counter"();
