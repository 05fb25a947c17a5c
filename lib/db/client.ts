import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/generated/postgres/client";
import { PrismaClient } from "@/generated/sqlite/client";
import { PrismaSerialisedSQLite3 } from "@/lib/db/sqlite-serialised-adapter";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/url";

export type { PrismaClient };
export type { Prisma } from "@/generated/sqlite/client";

/** A Prisma client or an interactive transaction: what the data modules write through. */
export type Db = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** How many connections one app process keeps to PostgreSQL (several instances share the server). */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/**
 * Builds a Prisma client for DATABASE_URL (or the given target). Scripts and tests call
 * this; the app uses the one shared instance from lib/db/index.ts.
 *
 * Both generated clients come from the same prisma/models.prisma, so they expose the same
 * model API; the PostgreSQL one is typed as the SQLite one so that lib/ is written once.
 */
export function createPrismaClient(target: DatabaseTarget = resolveDatabaseTarget()): PrismaClient {
  if (target.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: target.url, max: POSTGRES_POOL_SIZE });
    // The two generated classes are nominally distinct but structurally the same API.
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  // One write connection shared by every request: the wrapper keeps other requests' queries
  // out of an open transaction (decision 0008).
  const adapter = new PrismaSerialisedSQLite3({ url: target.url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}
