/**
 * Creates the next migration for every database provider, or checks that the models and the
 * migrations agree.
 *
 *   npm run db:migration -- add_event_notes   writes prisma/{sqlite,postgres}/migrations/<UTC timestamp>_add_event_notes/
 *   npm run db:check                           exits 1 when prisma/models.prisma and the migrations drift apart
 *
 * `prisma migrate dev` needs a shadow database the JS engine cannot provide here, so:
 * - SQLite: `prisma migrate diff` from the committed migrations (replayed into an in-memory
 *   shadow database) to the current models. Fully offline.
 * - PostgreSQL: `prisma migrate diff` from prisma/snapshots/postgres (the models as the
 *   PostgreSQL migrations leave them) to the current models. Prisma needs a reachable
 *   PostgreSQL server for this diff (it creates nothing there): DEMARCHE_POSTGRES_URL.
 * See docs/decisions/0001-prisma-js-engine.md and 0005-postgresql.md.
 */
import "./lib/env";
import { readEnv } from "../lib/env";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, CommandFailed, main, ROOT } from "./lib/run";
import { withoutUnmodelledDrops } from "./lib/unmodelled-tables";

const SQLITE_DIR = path.join("prisma", "sqlite");
const POSTGRES_DIR = path.join("prisma", "postgres");
const SNAPSHOT_DIR = path.join("prisma", "snapshots", "postgres");
const MODELS = path.join("prisma", "models.prisma");
const EMPTY = /^\s*-- This is an empty migration\.\s*$/;

function prismaDiff(args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(bin("prisma"), ["migrate", "diff", ...args, "--script"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new CommandFailed(`prisma migrate diff failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function sqliteDiff(): string {
  // prisma.config.ts picks the SQLite folder and adapter for a non-PostgreSQL URL.
  const sql = prismaDiff(["--from-migrations", path.join(SQLITE_DIR, "migrations"), "--to-schema-datamodel", SQLITE_DIR], {
    DATABASE_URL: "file:./data/migration-check.db",
  });
  return withoutUnmodelledDrops(sql);
}

function postgresDiff(url: string): string {
  return prismaDiff(["--from-schema-datamodel", SNAPSHOT_DIR, "--to-schema-datamodel", POSTGRES_DIR], { DATABASE_URL: url });
}

/** The models without comments and blank lines: a comment-only edit needs no migration. */
function normalisedModels(file: string): string {
  return fs
    .readFileSync(path.join(ROOT, file), "utf8")
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function postgresSnapshotIsCurrent(): boolean {
  return normalisedModels(path.join(SNAPSHOT_DIR, "models.prisma")) === normalisedModels(MODELS);
}

function writeMigration(providerDir: string, folderName: string, sql: string): string {
  // Only create the folder once the SQL exists: an empty migration folder breaks Prisma (P3015).
  const migrations = path.join(ROOT, providerDir, "migrations");
  const temp = path.join(migrations, `.${folderName}.sql.tmp`);
  fs.writeFileSync(temp, sql);
  const folder = path.join(migrations, folderName);
  fs.mkdirSync(folder);
  fs.renameSync(temp, path.join(folder, "migration.sql"));
  return path.relative(ROOT, path.join(folder, "migration.sql"));
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

await main(() => {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const name = args.find((a) => !a.startsWith("-"));
  if (!check && (!name || !/^[a-z0-9][a-z0-9_]{0,60}$/.test(name))) {
    throw new CommandFailed("Usage: npm run db:migration -- <name>   (lowercase letters, digits and _)");
  }

  const sqliteSql = sqliteDiff();
  const sqliteDrift = !EMPTY.test(sqliteSql);
  const postgresDrift = !postgresSnapshotIsCurrent();

  if (check) {
    if (sqliteDrift) {
      console.error(`The models and the SQLite migrations disagree. The missing SQL is:\n\n${sqliteSql}`);
    }
    if (postgresDrift) {
      console.error(`The models changed since the last PostgreSQL migration (${SNAPSHOT_DIR}/models.prisma differs).`);
    }
    if (sqliteDrift || postgresDrift) {
      console.error("Create the migrations with: npm run db:migration -- <name>");
      process.exit(1);
    }
    console.log("Schema and migrations agree (SQLite and PostgreSQL).");
    return;
  }

  if (!sqliteDrift && !postgresDrift) {
    console.log("The migrations already match the models: there is nothing to migrate.");
    return;
  }
  // Both providers get their migration in one step, or neither does.
  let postgresSql: string | null = null;
  if (postgresDrift) {
    const url = readEnv().DEMARCHE_POSTGRES_URL;
    if (!url) {
      throw new CommandFailed(
        "Creating the PostgreSQL migration needs a reachable PostgreSQL server (Prisma's diff connects to it; it\n" +
          "changes nothing there). Set DEMARCHE_POSTGRES_URL=postgresql://user:password@localhost:5432/postgres and\n" +
          "run this again. See docs/deploy.md for starting one locally.",
      );
    }
    postgresSql = postgresDiff(url);
  }
  const folderName = `${timestamp()}_${name}`;
  if (sqliteDrift) console.log(`Created ${writeMigration(SQLITE_DIR, folderName, sqliteSql)}`);
  if (postgresSql !== null && !EMPTY.test(postgresSql)) {
    console.log(`Created ${writeMigration(POSTGRES_DIR, folderName, postgresSql)}`);
  }
  fs.copyFileSync(path.join(ROOT, MODELS), path.join(ROOT, SNAPSHOT_DIR, "models.prisma"));
  console.log("Review the SQL, then apply it with npm run db:migrate.");
});
