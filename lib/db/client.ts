import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/sqlite/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/url";

export type { PrismaClient };
export type { Prisma } from "@/generated/sqlite/client";

/** A Prisma client or an interactive transaction: what the data modules write through. */
export type Db = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

/**
 * Builds a Prisma client for DATABASE_URL (or the given target). Scripts and tests call
 * this; the app uses the one shared instance from lib/db/index.ts.
 */
export function createPrismaClient(target: DatabaseTarget = resolveDatabaseTarget()): PrismaClient {
  if (target.provider !== "sqlite") {
    throw new Error(
      "DATABASE_URL points to PostgreSQL, which this version of Demarche does not support yet. " +
        "Unset DATABASE_URL to use the default SQLite database.",
    );
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}
