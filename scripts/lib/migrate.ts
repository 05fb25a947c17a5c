import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveDatabaseTarget, type DatabaseTarget } from "../../lib/db/url";
import { bin, run } from "./run";

/** Applies the committed migrations to the configured database (creating it if needed). */
export function migrateDatabase(target: DatabaseTarget = resolveDatabaseTarget(), options: { quiet?: boolean } = {}): void {
  if (target.provider === "postgresql") {
    run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: target.url }, quiet: options.quiet });
    return;
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: target.url }, quiet: options.quiet });
  // WAL lets readers continue while a write is in progress; the setting is stored in the file.
  const db = new Database(target.file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
