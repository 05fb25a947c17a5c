/**
 * Creates the next migration offline, or checks that the schema and the migrations agree.
 *
 *   npm run db:migration -- add_event_notes   writes prisma/sqlite/migrations/<UTC timestamp>_add_event_notes/
 *   npm run db:check                           exits 1 when prisma/models.prisma and the migrations drift apart
 *
 * `prisma migrate dev` needs a shadow database the JS engine cannot provide here, so the
 * SQL comes from `prisma migrate diff` between the committed migrations (replayed into an
 * in-memory shadow database) and the current models (docs/decisions/0001-prisma-js-engine.md).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, CommandFailed, main, ROOT } from "./lib/run";
import { withoutUnmodelledDrops } from "./lib/unmodelled-tables";

const SCHEMA_DIR = path.join("prisma", "sqlite");
const MIGRATIONS_DIR = path.join(SCHEMA_DIR, "migrations");
const EMPTY = /^\s*-- This is an empty migration\.\s*$/;


function diffMigrationsToSchema(): string {
  const result = spawnSync(
    bin("prisma"),
    ["migrate", "diff", "--from-migrations", MIGRATIONS_DIR, "--to-schema-datamodel", SCHEMA_DIR, "--script"],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  if (result.status !== 0) {
    throw new CommandFailed(`prisma migrate diff failed:\n${result.stdout}${result.stderr}`);
  }
  return withoutUnmodelledDrops(result.stdout);
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
  const sql = diffMigrationsToSchema();
  const drift = !EMPTY.test(sql);

  if (check) {
    if (drift) {
      console.error(
        "The Prisma models and the migrations have drifted apart. Create a migration with\n" +
          "  npm run db:migration -- <name>\nThe missing SQL is:\n\n" +
          sql,
      );
      process.exit(1);
    }
    console.log("Schema and migrations agree.");
    return;
  }

  if (!drift) {
    console.log("The migrations already match the models: there is nothing to migrate.");
    return;
  }
  // Only create the folder once the SQL exists: an empty migration folder breaks Prisma (P3015).
  const folder = path.join(ROOT, MIGRATIONS_DIR, `${timestamp()}_${name}`);
  const temp = path.join(ROOT, MIGRATIONS_DIR, `.${name}.sql.tmp`);
  fs.writeFileSync(temp, sql);
  fs.mkdirSync(folder);
  fs.renameSync(temp, path.join(folder, "migration.sql"));
  console.log(`Created ${path.relative(ROOT, folder)}/migration.sql. Review it, then apply it with npm run db:migrate.`);
});
