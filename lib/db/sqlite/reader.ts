import Database from "better-sqlite3";

/**
 * A lazily opened read-only better-sqlite3 connection to one SQLite file, shared by the bulk
 * readers (the timeline's facet index and the exports): reading millions of small rows is an
 * order of magnitude faster through raw rows than through Prisma's row mapping. In WAL mode
 * it sees every committed write.
 */
export type SqliteReader = { get(): Database.Database; close(): void };

export function sqliteReader(file: string): SqliteReader {
  let db: Database.Database | null = null;
  return {
    get() {
      if (db?.open) return db;
      db = openReadOnly(file);
      return db;
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

/** A new read-only connection (the whole-index load takes one of its own). */
export function openReadOnly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  return db;
}
