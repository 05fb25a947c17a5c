-- Written by hand (no change to the models): the import writes an event before the older
-- event it responds to, in one transaction, and checks itself that every reference exists
-- by the end. SET CONSTRAINTS ALL DEFERRED (lib/db/deferred-keys.ts) moves the check of
-- these two keys to the commit. INITIALLY IMMEDIATE keeps every other write as it was.
-- No semicolon may appear inside a statement or a comment (adapter-pg splits at them).
ALTER TABLE "EventRelation" ALTER CONSTRAINT "EventRelation_fromId_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "EventRelation" ALTER CONSTRAINT "EventRelation_toId_fkey" DEFERRABLE INITIALLY IMMEDIATE;
