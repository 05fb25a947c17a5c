import pg from "pg";

/** Connections the bulk reader may hold, beside Prisma's pool (DATABASE_POOL_SIZE). */
const READER_POOL_SIZE = 4;

/**
 * A lazily opened pg pool for bulk reads from one PostgreSQL database: the counterpart of
 * lib/db/sqlite/reader.ts for the facet index and the exports. Reading millions of rows as
 * arrays (`rowMode: "array"`) through pg is several times faster than through Prisma's row
 * mapping. Reads only: every write goes through Prisma and lib/events/write.ts.
 */
export type PostgresReader = { get(): pg.Pool; close(): Promise<void> };

export function postgresReader(url: string): PostgresReader {
  let pool: pg.Pool | null = null;
  return {
    get() {
      if (pool) return pool;
      pool = new pg.Pool({ connectionString: url, max: READER_POOL_SIZE });
      // An idle connection that the server ends (restart, dropped database) must not crash the
      // process: the pool replaces it on the next query.
      pool.on("error", (error) => console.error("PostgreSQL reader connection lost:", error.message));
      return pool;
    },
    async close() {
      const open = pool;
      pool = null;
      await open?.end();
    },
  };
}
