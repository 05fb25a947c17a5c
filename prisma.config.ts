import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { createMigrationAdapterFactory } from "./lib/db/sqlite/migration-adapter";
import { resolveDatabaseTarget } from "./lib/db/url";

// Prisma 6.19 in JS-engine mode: the schema engine runs through a driver adapter, so no
// native engine has to be downloaded (docs/decisions/0001-prisma-js-engine.md). The schema
// folder and adapter follow DATABASE_URL: postgres(ql):// selects PostgreSQL, anything
// else SQLite.
const target = resolveDatabaseTarget();
const folder = path.join("prisma", target.provider === "postgresql" ? "postgres" : "sqlite");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: folder,
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    if (target.provider === "postgresql") return new PrismaPg({ connectionString: target.url });
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return createMigrationAdapterFactory(target.url);
  },
});
