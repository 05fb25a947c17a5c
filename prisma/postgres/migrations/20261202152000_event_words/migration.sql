-- Written by hand (PostgreSQL only: Prisma models neither the table nor its triggers, and
-- SQLite keeps its FTS5 index). The word search of q without a heap visit per match
-- (issue 15, docs/decisions/0012-postgresql-word-search-and-single-record-reads.md).
--
-- Before, q ran one regular expression per word over "Event"."searchText" through the
-- trigram index: a bitmap heap scan that read and rechecked the row of every candidate
-- (57k heap pages for one common word at a million events). "EventWord" holds one row per
-- distinct word of each event's folded search text, and its primary key (word, eventId) is
-- the whole row, so a word prefix is a range of that B-tree read by an index-only scan.
-- "word" sorts in the C collation (code point order in UTF-8), so every word that starts
-- with a prefix p lies in [p, p || U+10FFFF).
--
-- Words are the maximal runs of [[:alnum:]] (the same character classes as the regular
-- expression it replaces, so a q word matches the same events), cut to 200 characters
-- (MAX_QUERY_LENGTH in lib/timeline/filters.ts: a q word is never longer, so the cut never
-- changes a match, and the key stays within the B-tree's size limit).
--
-- Statement-level triggers with transition tables keep it current for every writer: the
-- app's writes, the import's bulk insert (one JSON statement per few hundred rows) and COPY
-- (bench/postgres-load.ts). An update rewrites the words only of rows whose search text
-- changed. No foreign key: the delete trigger removes an event's words.
--
-- No semicolon may appear inside a statement or a comment here: adapter-pg runs migration
-- scripts by splitting them at every semicolon. The PL/pgSQL bodies are therefore E'' string
-- literals in which \073 (octal) stands for each semicolon.

CREATE TABLE "EventWord" (
    "word" TEXT COLLATE "C" NOT NULL,
    "eventId" INTEGER NOT NULL,
    CONSTRAINT "EventWord_pkey" PRIMARY KEY ("word", "eventId")
);

CREATE FUNCTION "demarche_search_words"(text) RETURNS SETOF text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
  'SELECT DISTINCT left(w, 200) FROM regexp_split_to_table($1, ''[^[:alnum:]]+'') AS w WHERE w <> ''''';

CREATE FUNCTION "event_words_after_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "EventWord" ("word", "eventId")
    SELECT w, n."id" FROM new_rows n, "demarche_search_words"(n."searchText") AS w
    ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE FUNCTION "event_words_after_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "EventWord" e USING (
    SELECT o."id", w FROM old_rows o, "demarche_search_words"(o."searchText") AS w
    WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."id" = o."id" AND n."searchText" = o."searchText")
  ) d
  WHERE e."word" = d.w AND e."eventId" = d."id"\073
  INSERT INTO "EventWord" ("word", "eventId")
    SELECT w, n."id" FROM new_rows n, "demarche_search_words"(n."searchText") AS w
    WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o."id" = n."id" AND o."searchText" = n."searchText")
    ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE FUNCTION "event_words_after_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "EventWord" e USING (
    SELECT o."id", w FROM old_rows o, "demarche_search_words"(o."searchText") AS w
  ) d
  WHERE e."word" = d.w AND e."eventId" = d."id"\073
  RETURN NULL\073
END';

CREATE TRIGGER "Event_words_insert" AFTER INSERT ON "Event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "event_words_after_insert"();
CREATE TRIGGER "Event_words_update" AFTER UPDATE ON "Event" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "event_words_after_update"();
CREATE TRIGGER "Event_words_delete" AFTER DELETE ON "Event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "event_words_after_delete"();

-- The events already recorded.
INSERT INTO "EventWord" ("word", "eventId")
  SELECT w, e."id" FROM "Event" e, "demarche_search_words"(e."searchText") AS w;
