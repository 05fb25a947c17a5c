import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./database";

const db = createTestDatabase();
afterAll(() => db.dispose());

describe("migrations", () => {
  it("apply every committed migration to an empty SQLite database", () => {
    const folders = fs
      .readdirSync(path.resolve(import.meta.dirname, "../../prisma/sqlite/migrations"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const sqlite = new Database(db.file, { readonly: true });
    try {
      const applied = sqlite
        .prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name")
        .all() as { migration_name: string; finished_at: string | null; rolled_back_at: string | null }[];
      expect(applied.map((m) => m.migration_name)).toEqual(folders);
      expect(applied.every((m) => m.finished_at !== null && m.rolled_back_at === null)).toBe(true);

      const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      );
      for (const table of [
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
      ]) {
        expect(tables).toContain(table);
      }
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      sqlite.close();
    }
  });

  it("index what the timeline filters on", () => {
    const sqlite = new Database(db.file, { readonly: true });
    try {
      const indexes = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[];
      const names = indexes.map((i) => i.name);
      expect(names).toContain("Event_status_deletedAt_dateStart_id_dateEnd_type_legalBasis_idx");
      expect(names).toContain("Event_type_dateStart_idx");
      expect(names).toContain("EventParticipant_actorId_role_eventId_idx");
      // The hand-written part: the search index, its triggers and the timeline's change counter.
      const triggers = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
      expect(triggers).toEqual(expect.arrayContaining(["Event_search_insert", "Event_search_update", "Event_search_delete", "Event_timeline_update", "EventParticipant_timeline_insert", "EventTag_timeline_delete"]));
      expect(sqlite.prepare(`SELECT count(*) FROM "EventSearch"`).pluck().get()).toBe(0);
      expect(sqlite.prepare(`SELECT "value" FROM "ChangeCounter" WHERE "name" = 'timeline'`).pluck().get()).toBe(0);
    } finally {
      sqlite.close();
    }
  });
});
