import Database from "better-sqlite3";
import { resolveDatabaseTarget } from "@/lib/db/url";

type Reader = { file: string; db: Database.Database };
const globalForReader = globalThis as unknown as { demarcheSqliteReader?: Reader };

/**
 * The process's one read-only better-sqlite3 connection to the SQLite DATABASE_URL, shared by
 * the bulk readers (the timeline's facet index and the exports): reading millions of small
 * rows is an order of magnitude faster through raw rows than through Prisma's row mapping.
 * In WAL mode it sees every committed write.
 */
export function sqliteReader(): Database.Database {
  const target = resolveDatabaseTarget();
  if (target.provider !== "sqlite") throw new Error("This bulk reader needs a SQLite DATABASE_URL; PostgreSQL is not supported yet.");
  const cached = globalForReader.demarcheSqliteReader;
  if (cached && cached.file === target.file && cached.db.open) return cached.db;
  cached?.db.close();
  const db = new Database(target.file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  globalForReader.demarcheSqliteReader = { file: target.file, db };
  return db;
}

/** Closes the reader (tests and benchmarks that switch databases). */
export function closeSqliteReader(): void {
  globalForReader.demarcheSqliteReader?.db.close();
  delete globalForReader.demarcheSqliteReader;
}
