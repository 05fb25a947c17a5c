import { engineFor, withEngine } from "@/lib/db/engine";
import type { PrismaClient } from "@/generated/sqlite/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/url";

export type { PrismaClient };
export type { Prisma } from "@/generated/sqlite/client";

/** A Prisma client or an interactive transaction: what the data modules write through. */
export type Db = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Builds a Prisma client for DATABASE_URL (or the given target), tagged with its engine
 * (lib/db/engine.ts: `engineOf(client)`, and of its transactions). Scripts and tests call
 * this; the app uses the one shared instance from lib/db/index.ts.
 *
 * Both generated clients come from the same prisma/models.prisma, so they expose the same
 * model API; the PostgreSQL one is typed as the SQLite one so that lib/ is written once.
 */
export function createPrismaClient(target: DatabaseTarget = resolveDatabaseTarget()): PrismaClient {
  const engine = engineFor(target);
  return withEngine(engine.createClient(), engine);
}
