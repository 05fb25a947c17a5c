import pg from "pg";
import { resolveDatabaseTarget } from "@/lib/db/url";

type Reader = { url: string; pool: pg.Pool };
const globalForReader = globalThis as unknown as { demarchePostgresReader?: Reader };

/** Connections the bulk reader may hold, beside Prisma's pool (DATABASE_POOL_SIZE). */
const READER_POOL_SIZE = 4;

/**
 * The process's pool for bulk reads from the PostgreSQL DATABASE_URL: the counterpart of
 * lib/db/sqlite-reader.ts for the facet index and the exports. Reading millions of rows as
 * arrays (`rowMode: "array"`) through pg is several times faster than through Prisma's row
 * mapping. Reads only: every write goes through Prisma and lib/events/write.ts.
 */
export function postgresReader(): pg.Pool {
  const target = resolveDatabaseTarget();
  if (target.provider !== "postgresql") throw new Error("This bulk reader needs a PostgreSQL DATABASE_URL.");
  const cached = globalForReader.demarchePostgresReader;
  if (cached && cached.url === target.url) return cached.pool;
  void cached?.pool.end();
  const pool = new pg.Pool({ connectionString: target.url, max: READER_POOL_SIZE });
  // An idle connection that the server ends (restart, dropped database) must not crash the
  // process: the pool replaces it on the next query.
  pool.on("error", (error) => console.error("PostgreSQL reader connection lost:", error.message));
  globalForReader.demarchePostgresReader = { url: target.url, pool };
  return pool;
}

/** Closes the pool (tests and benchmarks that switch databases). */
export async function closePostgresReader(): Promise<void> {
  const cached = globalForReader.demarchePostgresReader;
  delete globalForReader.demarchePostgresReader;
  await cached?.pool.end();
}
