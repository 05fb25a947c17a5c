import "./lib/env";
import { resolveDatabaseTarget } from "../lib/db/url";
import { migrateDatabase } from "./lib/migrate";
import { main } from "./lib/run";

await main(() => {
  const target = resolveDatabaseTarget();
  console.log(`Migrating ${target.provider === "sqlite" ? target.file : "PostgreSQL"}…`);
  migrateDatabase(target);
});
