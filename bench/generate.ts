/**
 * Builds a SQLite database of N synthetic but realistic events for the benchmarks
 * (bench:timeline, bench:export; bench/postgres-load.ts copies it into PostgreSQL):
 * states with ISO codes (and a few blocs, organisations, people and entities), weighted
 * event types, tags, legal bases, sources, day/month/year dates skewed towards recent
 * years, drafts and trashed events, and tit-for-tat relations. Deterministic for a given N.
 *
 * Rows go in through prepared better-sqlite3 statements in one transaction (Prisma one by
 * one would take hours at a million events).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDatabaseTarget } from "../lib/db/url";
import { buildSearchText } from "../lib/events/search-text";
import { EVENT_TYPE_SLUGS, type EventType } from "../lib/events/vocabulary";
import { slugify } from "../lib/text/fold";
import { migrateDatabase } from "../scripts/lib/migrate";

/** Mulberry32: a small seeded generator, so every run builds the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = { items: T[]; cumulative: number[] };
function weighted<T>(entries: [T, number][]): Weighted<T> {
  let sum = 0;
  return { items: entries.map(([item]) => item), cumulative: entries.map(([, w]) => (sum += w)) };
}
function pick<T>(rand: () => number, w: Weighted<T>): T {
  const x = rand() * (w.cumulative.at(-1) ?? 1);
  let lo = 0;
  let hi = w.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((w.cumulative[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return w.items[lo] as T;
}

const MAJOR = ["US", "RU", "CN", "GB", "IR", "KP", "TR", "UA", "FR", "DE", "JP", "IN", "SY", "VE", "BY", "CA", "AU", "SA", "IL", "CZ"];
const TYPE_WEIGHTS: Record<EventType, number> = {
  "sanctions-imposed": 24,
  "sanctions-eased": 5,
  "sanctions-threatened": 6,
  designation: 20,
  "diplomatic-expulsion": 7,
  "ambassador-recalled": 3,
  statement: 15,
  meeting: 8,
  agreement: 4,
  "arms-transfer": 3,
  countermeasure: 3,
  other: 2,
};
const VERBS: Record<EventType, string> = {
  "sanctions-imposed": "imposes sanctions on",
  "sanctions-eased": "eases sanctions on",
  "sanctions-threatened": "threatens sanctions against",
  designation: "designates entities from",
  "diplomatic-expulsion": "expels diplomats of",
  "ambassador-recalled": "recalls its ambassador to",
  statement: "condemns",
  meeting: "holds talks with",
  agreement: "signs an agreement with",
  "arms-transfer": "agrees an arms transfer with",
  countermeasure: "adopts countermeasures against",
  other: "acts on",
};
const TOPICS = [
  "oil", "gas", "pipeline", "banking", "swift", "cyber", "election interference", "human rights", "nuclear programme",
  "missiles", "S-400", "F-35", "steel", "semiconductors", "export controls", "shipping", "aviation", "gold", "diamonds",
  "timber", "fisheries", "chemical weapons", "terrorism", "narcotics", "corruption", "annexation", "ceasefire", "espionage",
  "journalists", "visas", "embassy", "consulate", "tariffs", "grain", "fertiliser", "insurance", "crypto", "oligarchs",
];
const PUBLISHERS = ["Reuters", "Associated Press", "Federal Register", "Official Journal of the EU", "TASS", "BBC", "Xinhua", "Le Monde", "Kyodo", "Al Jazeera", "US Treasury", "Foreign Ministry"];
const FIRST = ["Anna", "Boris", "Chen", "David", "Elena", "Farid", "Gül", "Hiroshi", "Ivan", "José", "Karim", "Lena", "Mehmet", "Nadia", "Olga", "Pavel", "Qasim", "Rosa", "Serhat", "Tomás"];
const LAST = ["Petrov", "Smith", "Wang", "Gençoğlu", "Kim", "Müller", "Dubois", "Tanaka", "Haddad", "Novák", "Silva", "Ivanova", "Rahimi", "Kowalski", "Okafor"];
const ORG_KINDS = ["Bank", "Shipping Company", "Defence Industries", "Energy", "Trading House", "Airlines", "Metals", "Holdings"];

/**
 * Where the benchmarks keep the database of N events. The name carries the generator's
 * version, so a database made by an older generator is never reused (nor its PostgreSQL
 * twin, named after the file): bump it whenever the data changes.
 */
export function benchDatabaseFile(root: string, n: number): string {
  return path.join(root, "data", "bench", `events-${n}-g2.db`);
}

export function generateBenchDatabase(file: string, n: number): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  migrateDatabase(resolveDatabaseTarget(file), { quiet: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -200000");
  // Triggers fire per row; for a bulk load it is much faster to drop them, load, put them
  // back and rebuild the full-text index once.
  const triggers = db.prepare(`SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger'`).all() as { name: string; sql: string }[];
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
  const rand = random(n);
  const now = "2026-11-01T00:00:00.000Z";

  const regions = new Intl.DisplayNames(["en"], { type: "region" });
  const actors: { id: number; name: string; isoCode: string | null; weight: number }[] = [];
  const insertActor = db.prepare(
    `INSERT INTO "Actor" ("name", "slug", "kind", "isoCode", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const addActor = (name: string, kind: string, isoCode: string | null, weight: number) => {
    const slug = slugify(name);
    if (actors.some((a) => a.name === name)) return;
    const id = Number(insertActor.run(name, slug + (kind === "person" || kind === "organisation" ? `-${actors.length}` : ""), kind, isoCode, now, now).lastInsertRowid);
    actors.push({ id, name, isoCode, weight });
  };
  const letters = "ABCDEFGHIJKLMNOPRSTUVWYZ";
  db.transaction(() => {
    for (const a of letters) {
      for (const b of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
        const code = a + b;
        if (["EU", "EZ", "UN", "ZZ"].includes(code)) continue;
        const name = regions.of(code);
        if (!name || name === code || /Unknown/.test(name)) continue;
        const rank = MAJOR.indexOf(code);
        addActor(name, "state", code, rank >= 0 ? 400 / (rank + 1) : 1);
      }
    }
    addActor("European Union", "bloc", null, 60);
    addActor("African Union", "bloc", null, 2);
    addActor("ASEAN", "bloc", null, 2);
    addActor("United Nations Security Council", "international-organisation", null, 10);
    addActor("NATO", "international-organisation", null, 8);
    for (let i = 0; i < Math.min(2000, Math.max(50, n / 100)); i++) {
      addActor(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`, "person", null, 0.2);
    }
    for (let i = 0; i < Math.min(2000, Math.max(50, n / 100)); i++) {
      addActor(`${TOPICS[i % TOPICS.length]} ${ORG_KINDS[i % ORG_KINDS.length]} ${i}`, "organisation", null, 0.2);
    }
  })();
  const actorPick = weighted(actors.map((a) => [a, a.weight] as [typeof a, number]));
  const states = actors.filter((a) => a.isoCode);
  const statePick = weighted(states.map((a) => [a, a.weight] as [typeof a, number]));

  const tagNames = [...TOPICS, ...Array.from({ length: 260 }, (_, i) => `programme ${i + 1}`)];
  const insertTag = db.prepare(`INSERT INTO "Tag" ("name", "slug") VALUES (?, ?)`);
  const tags = db.transaction(() => tagNames.map((name) => ({ name, id: Number(insertTag.run(name, slugify(name)).lastInsertRowid) })))();
  const tagPick = weighted(tags.map((t, i) => [t, 1 / (i + 1)] as [typeof t, number]));
  const bases = [
    "CAATSA Section 231", "Executive Order 14024", "Executive Order 13660", "Global Magnitsky Act", "Council Regulation (EU) 833/2014",
    "Council Regulation (EU) 269/2014", "UNSC Resolution 1718", "UNSC Resolution 2231", "Vienna Convention Article 9",
    ...Array.from({ length: 50 }, (_, i) => `Decree ${100 + i}`),
  ];
  const basisPick = weighted(bases.map((b, i) => [b, 1 / (i + 1)] as [string, number]));
  const typePick = weighted(EVENT_TYPE_SLUGS.map((t) => [t, TYPE_WEIGHTS[t]] as [EventType, number]));
  // Recent years weigh more: 1995 counts 1, 2025 counts 31.
  const yearPick = weighted(Array.from({ length: 32 }, (_, i) => [1995 + i, i + 1] as [number, number]));

  const insertEvent = db.prepare(
    `INSERT INTO "Event" ("title", "summary", "datePrecision", "dateStart", "dateEnd", "type", "status", "legalBasis", "searchText", "createdAt", "updatedAt", "deletedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = db.prepare(`INSERT OR IGNORE INTO "EventParticipant" ("eventId", "actorId", "role", "position") VALUES (?, ?, ?, ?)`);
  const insertEventTag = db.prepare(`INSERT OR IGNORE INTO "EventTag" ("eventId", "tagId") VALUES (?, ?)`);
  const insertSource = db.prepare(`INSERT INTO "Source" ("eventId", "url", "title", "publisher", "publishedOn", "position") VALUES (?, ?, ?, ?, ?, ?)`);
  const insertRelation = db.prepare(`INSERT OR IGNORE INTO "EventRelation" ("fromId", "toId", "kind") VALUES (?, ?, ?)`);
  const pad = (x: number) => String(x).padStart(2, "0");
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const recent: { id: number; initiator: number; target: number }[] = [];

  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const type = pick(rand, typePick);
      const year = pick(rand, yearPick);
      const month = 1 + Math.floor(rand() * 12);
      const r = rand();
      const precision = r < 0.88 ? "day" : r < 0.98 ? "month" : "year";
      const day = 1 + Math.floor(rand() * daysIn(year, month));
      const [dateStart, dateEnd] =
        precision === "day"
          ? [`${year}-${pad(month)}-${pad(day)}`, `${year}-${pad(month)}-${pad(day)}`]
          : precision === "month"
            ? [`${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(daysIn(year, month))}`]
            : [`${year}-01-01`, `${year}-12-31`];
      const initiators = [pick(rand, statePick)];
      if (rand() < 0.15) initiators.push(pick(rand, actorPick));
      const picked = [pick(rand, rand() < 0.7 ? statePick : actorPick)];
      if (rand() < 0.3) picked.push(pick(rand, actorPick));
      // An actor is never both initiator and target (the app refuses it, and so would an import of the export).
      const targets = picked.filter((a) => !initiators.includes(a));
      const eventTags = Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, tagPick));
      const basis = type.startsWith("sanctions") || type === "designation" || type === "countermeasure" ? pick(rand, basisPick) : null;
      const topic = TOPICS[Math.floor(rand() * TOPICS.length)] ?? "trade";
      // Some titles with quotes and a comma and some summaries with a line break, as CSV
      // must carry them (bench:export); chosen by i, so the random sequence stays the same.
      const title = `${initiators[0]?.name} ${VERBS[type]} ${picked[0]?.name} over ${topic}${i % 10 === 7 ? ', "quoted", part 2' : ""}`;
      const summary = `${title}. The measure concerns ${topic} and ${eventTags.map((t) => t.name).join(", ") || "related matters"}; officials said further steps could follow${basis ? ` under ${basis}` : ""}.${i % 20 === 11 ? "\nSecond paragraph." : ""}`;
      const sources = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => ({
        url: `https://example.org/${year}/${i}/${k}`,
        title: `${title} (${PUBLISHERS[(i + k) % PUBLISHERS.length]})`,
        publisher: PUBLISHERS[(i + k) % PUBLISHERS.length] ?? null,
      }));
      const s = rand();
      const status = s < 0.03 ? "draft" : "published";
      const deletedAt = s > 0.99 ? now : null;
      const searchText = buildSearchText({
        title,
        summary,
        legalBasis: basis,
        actorNames: [...initiators, ...targets].map((a) => a.name),
        actorCodes: [...initiators, ...targets].map((a) => a.isoCode),
        tags: eventTags.map((t) => t.name),
        sources,
      });
      const id = Number(
        insertEvent.run(title, summary, precision, dateStart, dateEnd, type, status, basis, searchText, now, now, deletedAt).lastInsertRowid,
      );
      initiators.forEach((a, position) => insertParticipant.run(id, a.id, "initiator", position));
      targets.forEach((a, position) => insertParticipant.run(id, a.id, "target", position));
      for (const tag of eventTags) insertEventTag.run(id, tag.id);
      sources.forEach((src, position) => insertSource.run(id, src.url, src.title, src.publisher, dateStart, position));
      // Tit-for-tat: an event against X by Y sometimes answers a recent one by X against Y.
      const answer = recent.find((e) => e.initiator === targets[0]?.id && e.target === initiators[0]?.id);
      if (answer && rand() < 0.6) insertRelation.run(id, answer.id, "responds-to");
      else if (recent.length > 0 && rand() < 0.05) insertRelation.run(id, recent[Math.floor(rand() * recent.length)]?.id, "follows-up");
      recent.push({ id, initiator: initiators[0]?.id ?? 0, target: targets[0]?.id ?? 0 });
      if (recent.length > 200) recent.shift();
    }
  })();
  for (const trigger of triggers) db.exec(trigger.sql);
  db.exec(`INSERT INTO "EventSearch"("EventSearch") VALUES ('rebuild')`);
  db.pragma("optimize");
  db.exec("ANALYZE");
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}
