import type { TestProject } from "vitest/node";
import { resolveDatabaseTarget } from "../../lib/db/url";
import { migrateDatabase } from "../../scripts/lib/migrate";
import { createEmptyBase, type BaseDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: BaseDatabase;
  }
}

/**
 * Builds one database from the committed migrations for the whole run; each test file
 * then works on its own copy (tests/integration/database.ts).
 */
export default async function setup(project: TestProject) {
  const { base, url, dispose } = await createEmptyBase();
  migrateDatabase(resolveDatabaseTarget(url), { quiet: true });
  project.provide("baseDatabase", base);
  return dispose;
}
