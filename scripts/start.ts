/**
 * `npm start` (scripts/start.sh): migrate the database, load the example events into an
 * empty one, build when the build is missing or stale, compile the server to plain
 * JavaScript, then serve the app in production mode.
 *
 *   --fresh-database  delete the database first and start from an empty one (end-to-end tests only)
 *   --prepare-only    stop before serving: scripts/start.sh then replaces its shell with
 *                     `node .next/demarche/serve.mjs`, so no wrapper process stays resident
 *                     (without it this script runs the compiled server as its child)
 */
import "./lib/env";
import { readEnv } from "../lib/env";
import fs from "node:fs";
import { recreatePostgresDatabase } from "../lib/db/postgres-admin";
import { resolveDatabaseTarget } from "../lib/db/url";
import { createPrismaClient } from "../lib/db/client";
import { seedIfEmpty } from "./db-seed";
import { hashBuildInputs, isBuildFresh, writeBuildStamp } from "./lib/build-freshness";
import { migrateDatabase } from "./lib/migrate";
import { compileServer } from "./lib/compile-server";
import { bin, main, ROOT, run, runForeground } from "./lib/run";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/** An import whose process died (kill -9, a crash) is cleaned up or finished now (decision 0017). */
async function recoverImports(): Promise<void> {
  const { recoverImportRuns } = await import("../lib/import/staged");
  const prisma = createPrismaClient();
  try {
    const { discarded, finished } = await recoverImportRuns(prisma);
    if (discarded + finished > 0) console.log(`Imports left by a stopped process: ${discarded} removed (never accepted), ${finished} finished (accepted whole).`);
  } finally {
    await prisma.$disconnect();
  }
}

/** With no account yet, nobody can sign in to edit: say how to create the first admin. */
async function explainFirstAdmin(): Promise<void> {
  const prisma = createPrismaClient();
  try {
    if ((await prisma.user.count()) > 0) return;
  } finally {
    await prisma.$disconnect();
  }
  console.log(
    "\nNo editor accounts yet. Create the first admin (it asks for a password) with:\n" +
      "  npm run user -- create --email you@example.org --role admin\n" +
      "then sign in at /login.\n",
  );
}

await main(async () => {
  const port = String(readEnv().PORT);
  const target = resolveDatabaseTarget();

  if (process.argv.includes("--fresh-database")) {
    if (target.provider === "postgresql") await recreatePostgresDatabase(target.url);
    else for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(target.file + suffix, { force: true });
  }

  console.log(`Database: ${target.provider === "sqlite" ? target.file : "PostgreSQL"}`);
  migrateDatabase(target);
  await seedIfEmpty();
  await recoverImports();
  await explainFirstAdmin();

  if (isBuildFresh(ROOT)) {
    console.log("The production build is up to date.");
  } else {
    console.log("Building the app (the build is missing or older than the code)…");
    const hash = hashBuildInputs(ROOT);
    run(bin("next"), ["build"]);
    writeBuildStamp(ROOT, hash);
  }

  const server = compileServer();
  console.log(`\nDemarche is starting at http://localhost:${port}\n`);
  if (process.argv.includes("--prepare-only")) return;
  runForeground(process.execPath, [server, "--port", port], { ...process.env, NODE_ENV: "production" });
});
