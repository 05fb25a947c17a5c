-- Written by hand (Prisma cannot express a partial index): the public events in timeline
-- order. The exports read them in keyset batches ordered by ("dateStart", "id"). The
-- covering index on (status, deletedAt, dateStart, ...) cannot give that order here:
-- PostgreSQL does not treat "deletedAt" IS NULL as fixing that column, so it read and
-- sorted every public event for each batch (1 s a batch at a million events). SQLite
-- does use the covering index for this order.
-- No semicolon may appear inside a statement or a comment (adapter-pg splits at them).
CREATE INDEX "Event_public_dateStart_id_idx" ON "Event" ("dateStart", "id") WHERE "status" = 'published' AND "deletedAt" IS NULL;
