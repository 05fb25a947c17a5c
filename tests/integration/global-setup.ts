import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { resolveDatabaseTarget } from "../../lib/db/url";
import { migrateDatabase } from "../../scripts/lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabaseFile: string;
  }
}

/**
 * Builds one SQLite database from the committed migrations for the whole run; each test
 * file then works on its own copy (tests/integration/database.ts).
 */
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-test-"));
  const file = path.join(dir, "base.db");
  migrateDatabase(resolveDatabaseTarget(file), { quiet: true });
  project.provide("baseDatabaseFile", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
