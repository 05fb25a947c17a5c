import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapterFactory } from "./lib/db/migration-adapter";
import { resolveDatabaseTarget } from "./lib/db/url";

// Prisma 6.19 in JS-engine mode: the schema engine runs through the driver adapter, so no
// native engine has to be downloaded (see docs/decisions/0001-prisma-js-engine.md).
const target = resolveDatabaseTarget();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "sqlite"),
  migrations: { path: path.join("prisma", "sqlite", "migrations") },
  async adapter() {
    if (target.provider !== "sqlite") {
      throw new Error("PostgreSQL is not supported yet: DATABASE_URL must point to a SQLite file.");
    }
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return createMigrationAdapterFactory(target.url);
  },
});
