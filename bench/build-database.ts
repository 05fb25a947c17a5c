/**
 * Builds a benchmark database of N synthetic events (actors, participants, tags, sources,
 * relations; 95% published, 3% drafts, 2% in the trash) through the real migrations, then
 * bulk-loads it with prepared better-sqlite3 statements in one transaction: the app's write
 * path (one revision per event) would take hours for 1M events and is not what is measured.
 * Deterministic: the same N always gives the same database. Texts include commas, quotes,
 * line breaks and non-Latin letters (but no ";" in names or titles, which CSV lists cannot
 * carry: docs/csv.md).
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { resolveDatabaseTarget } from "../lib/db/url";
import { buildSearchText } from "../lib/events/search-text";
import { EVENT_TYPE_SLUGS } from "../lib/events/vocabulary";
import { slugify } from "../lib/text/fold";
import { migrateDatabase } from "../scripts/lib/migrate";

/** A small deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "sanctions embassy diplomats expels ministry treasury export ban assets frozen visa restrictions entities " +
  "individuals defence procurement agency council regulation decree talks summit protest statement agreement " +
  "arms transfer missile energy pipeline bank sovereign debt cyber election interference human rights"
).split(" ");

export function buildBenchDatabase(file: string, count: number): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  migrateDatabase(resolveDatabaseTarget(file), { quiet: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const now = new Date("2026-11-29T12:00:00Z").toISOString().replace("Z", "+00:00");

  const actors: { id: number; name: string; isoCode: string | null }[] = [];
  const insertActor = db.prepare(
    `INSERT INTO "Actor" (id, name, slug, kind, isoCode, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const tags: { id: number; name: string }[] = [];
  const insertTag = db.prepare(`INSERT INTO "Tag" (id, name, slug) VALUES (?, ?, ?)`);
  const insertEvent = db.prepare(
    `INSERT INTO "Event" (id, title, summary, datePrecision, dateStart, dateEnd, endDate, type, status, legalBasis, location, searchText, version, createdAt, updatedAt, deletedAt)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertParticipant = db.prepare(`INSERT INTO "EventParticipant" (eventId, actorId, role, position) VALUES (?, ?, ?, ?)`);
  const insertSource = db.prepare(`INSERT INTO "Source" (eventId, url, title, publisher, position) VALUES (?, ?, ?, ?, ?)`);
  const insertEventTag = db.prepare(`INSERT INTO "EventTag" (eventId, tagId) VALUES (?, ?)`);
  const insertRelation = db.prepare(`INSERT INTO "EventRelation" (fromId, toId, kind) VALUES (?, ?, 'responds-to')`);

  db.transaction(() => {
    for (let i = 0; i < 200; i++) {
      const state = i < 150;
      const isoCode = state ? `${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}` : null;
      const name = state ? `State ${isoCode}` : `Official ${i} Gençoğlu-Петров`;
      actors.push({ id: i + 1, name, isoCode });
      insertActor.run(i + 1, name, slugify(name), state ? "state" : "person", isoCode, now, now);
    }
    for (let i = 0; i < 100; i++) {
      const name = `topic ${WORDS[i % WORDS.length]} ${i}`;
      tags.push({ id: i + 1, name });
      insertTag.run(i + 1, name, slugify(name));
    }
    const startDay = Date.UTC(1990, 0, 1);
    const span = Date.UTC(2026, 10, 1) - startDay;
    for (let id = 1; id <= count; id++) {
      const day = new Date(startDay + Math.floor(rnd() * span)).toISOString().slice(0, 10);
      const p = rnd();
      const precision = p < 0.85 ? "day" : p < 0.97 ? "month" : "year";
      const start = precision === "day" ? day : precision === "month" ? `${day.slice(0, 7)}-01` : `${day.slice(0, 4)}-01-01`;
      const end = precision === "day" ? day : precision === "month" ? lastOfMonth(day) : `${day.slice(0, 4)}-12-31`;
      const words = Array.from({ length: 6 + Math.floor(rnd() * 6) }, () => pick(WORDS));
      const title = `${words.join(" ")}${rnd() < 0.1 ? ', "quoted", part 2' : ""} #${id}`;
      const summary = Array.from({ length: 30 }, () => pick(WORDS)).join(" ") + (rnd() < 0.05 ? "\nSecond paragraph." : "");
      const status = rnd() < 0.03 ? "draft" : "published";
      const deletedAt = rnd() < 0.02 ? now : null;
      const initiators = [pick(actors)];
      if (rnd() < 0.3) initiators.push(pick(actors));
      const targets = [pick(actors), ...(rnd() < 0.4 ? [pick(actors)] : [])].filter((t) => !initiators.includes(t));
      const eventTags = [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(tags)))];
      const legalBasis = rnd() < 0.2 ? "Executive Order 14024" : null;
      const searchText = buildSearchText({
        title,
        summary,
        legalBasis,
        actorNames: [...initiators, ...targets].map((a) => a.name),
        actorCodes: [...initiators, ...targets].map((a) => a.isoCode),
        tags: eventTags.map((t) => t.name),
        sources: [],
      });
      insertEvent.run(id, title, summary, precision, start, end, pick(EVENT_TYPE_SLUGS), status, legalBasis, rnd() < 0.1 ? "Geneva" : null, searchText, now, now, deletedAt);
      [...new Set(initiators)].forEach((a, position) => insertParticipant.run(id, a.id, "initiator", position));
      [...new Set(targets)].forEach((a, position) => insertParticipant.run(id, a.id, "target", position));
      insertSource.run(id, `https://example.org/news/${id}`, `Report on event ${id}, wire`, "Example News", 0);
      for (const tag of eventTags) insertEventTag.run(id, tag.id);
      if (id > 10 && rnd() < 0.3) insertRelation.run(id, id - 1 - Math.floor(rnd() * Math.min(id - 1, 1000)));
    }
  })();
  db.exec("ANALYZE");
  db.close();
}

function lastOfMonth(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
