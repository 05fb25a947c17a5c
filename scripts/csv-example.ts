/**
 * Writes docs/examples/demarche-events-example.csv: the example events (prisma/example-events.json)
 * exported by the real exporter, so the format documentation shows a real file. Run after a
 * change to the CSV format: `npx tsx scripts/csv-example.ts`. A test checks the file is current.
 */
import "./lib/env";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabaseTarget } from "../lib/db/url";
import { loadExampleData, readExampleData } from "../lib/events/example-data";
import { exportCsvText } from "../lib/export/export-text";
import { migrateDatabase } from "./lib/migrate";
import { main, ROOT } from "./lib/run";

export const CSV_EXAMPLE_FILE = path.join(ROOT, "docs", "examples", "demarche-events-example.csv");

await main(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-example-"));
  const target = resolveDatabaseTarget(path.join(dir, "example.db"));
  try {
    migrateDatabase(target, { quiet: true });
    const prisma = createPrismaClient(target);
    try {
      await loadExampleData(prisma, readExampleData(path.join(ROOT, "prisma", "example-events.json")));
      fs.mkdirSync(path.dirname(CSV_EXAMPLE_FILE), { recursive: true });
      fs.writeFileSync(CSV_EXAMPLE_FILE, await exportCsvText(prisma));
      console.log(`Wrote ${path.relative(ROOT, CSV_EXAMPLE_FILE)}`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
