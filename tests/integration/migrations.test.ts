import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./database";

const db = await createTestDatabase();
afterAll(() => db.dispose());

const TABLES = [
  "Event",
  "Actor",
  "EventParticipant",
  "Source",
  "Tag",
  "EventTag",
  "EventMeasure",
  "EventRelation",
  "User",
  "Session",
  "LoginAttempt",
  "EventRevision",
  "AuditLog",
  "Intake",
  "ExtractionRecord",
  "ActorAlias",
];

function migrationFolders(provider: string): string[] {
  const dir = path.resolve(import.meta.dirname, "../../prisma", provider === "postgresql" ? "postgres" : "sqlite", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Table and index names, read from the engine's own catalogue. */
async function catalogue(): Promise<{ tables: string[]; indexes: string[] }> {
  if (db.provider === "postgresql") {
    const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const indexes = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'",
    );
    return { tables: tables.map((t) => t.name), indexes: indexes.map((i) => i.name) };
  }
  const sqlite = new Database(db.file ?? "", { readonly: true });
  try {
    const rows = sqlite.prepare("SELECT type, name FROM sqlite_master").all() as { type: string; name: string }[];
    return {
      tables: rows.filter((r) => r.type === "table").map((r) => r.name),
      indexes: rows.filter((r) => r.type === "index").map((r) => r.name),
    };
  } finally {
    sqlite.close();
  }
}

describe("migrations", () => {
  it("apply every committed migration to an empty database", async () => {
    const applied = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished: number | boolean }[]>(
      'SELECT migration_name, (finished_at IS NOT NULL AND rolled_back_at IS NULL) AS finished FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(applied.map((m) => m.migration_name)).toEqual(migrationFolders(db.provider));
    expect(applied.every((m) => Boolean(Number(m.finished)))).toBe(true);
    const { tables } = await catalogue();
    for (const table of TABLES) expect(tables).toContain(table);
  });

  it("index what the timeline filters on", async () => {
    const { indexes } = await catalogue();
    expect(indexes).toContain("Event_status_deletedAt_dateStart_id_dateEnd_type_legalBasis_idx");
    expect(indexes).toContain("Event_type_dateStart_idx");
    expect(indexes).toContain("EventParticipant_actorId_role_eventId_idx");
  });

  it.runIf(db.provider === "sqlite")("leave SQLite in write-ahead-log mode", () => {
    const sqlite = new Database(db.file ?? "", { readonly: true });
    try {
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      sqlite.close();
    }
  });

  it.runIf(db.provider === "sqlite")("add the SQLite search index and the triggers of the search and the change log", () => {
    const sqlite = new Database(db.file ?? "", { readonly: true });
    try {
      // The hand-written part: the search index, its triggers and the change log's triggers.
      const triggers = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
      expect(triggers).toEqual(expect.arrayContaining(["Event_search_insert", "Event_search_update", "Event_search_delete", "Event_change_update", "EventParticipant_change_insert", "EventTag_change_delete"]));
      // The change counter the change log replaced is gone, with its triggers.
      expect(triggers.filter((t) => t.includes("_timeline_"))).toEqual([]);
      expect(sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'ChangeCounter'`).pluck().get()).toBe(0);
      expect(sqlite.prepare(`SELECT count(*) FROM "EventSearch"`).pluck().get()).toBe(0);
    } finally {
      sqlite.close();
    }
  });
});
