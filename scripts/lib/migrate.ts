import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDatabaseTarget, type DatabaseTarget } from "../../lib/db/url";
import { bin, run } from "./run";

/**
 * Runs `prisma migrate deploy` with its output captured: Prisma's own lines (the datasource
 * it loaded, `SQLite database "demarche.db"…`, and the warning that the schema's `url` is
 * ignored in favour of the adapter) repeat what the caller already printed, so only a
 * one-line summary is shown. On failure the captured output is part of the error.
 */
function deploy(url: string, quiet: boolean | undefined): void {
  const output = run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, quiet: true });
  if (quiet) return;
  const applied = [...output.matchAll(/└─ (\S+)\/\s*$/gm)].map((m) => m[1]);
  console.log(applied.length > 0 ? `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}.` : "The database is up to date.");
}

/** Applies the committed migrations to the configured database (creating it if needed). */
export function migrateDatabase(target: DatabaseTarget = resolveDatabaseTarget(), options: { quiet?: boolean } = {}): void {
  if (target.provider === "postgresql") {
    deploy(target.url, options.quiet);
    return;
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  deploy(target.url, options.quiet);
  // WAL lets readers continue while a write is in progress; the setting is stored in the file.
  const db = new Database(target.file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
