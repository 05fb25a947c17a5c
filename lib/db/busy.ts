import { envSchema, readEnv } from "@/lib/env";

/**
 * How long a write waits for the database before it gives up with `BUSY_MESSAGE` (issue 11,
 * item 7; docs/decisions/0016-busy-database.md). On SQLite a long import holds the one write
 * lock; a save, a sign-in or any other write queued behind it waits this long, then fails
 * with Prisma's P1008 instead of hanging until the import ends. Set with
 * DEMARCHE_DB_BUSY_WAIT_MS (milliseconds, 100 to 120,000; lib/env.ts, where a bad value is an error).
 */
export function busyWaitMs(): number {
  return readEnv().DEMARCHE_DB_BUSY_WAIT_MS;
}

export const DEFAULT_BUSY_WAIT_MS = envSchema.shape.DEMARCHE_DB_BUSY_WAIT_MS.parse(undefined);

/** What a form says when its write could not get the database in time. */
export const BUSY_MESSAGE = "The database is busy with an import; try again in a few seconds.";

/**
 * Whether an error means "the database was busy", not "the write was wrong": P1008 (the
 * serialised adapter's bounded wait ran out, or SQLite's own busy timeout when another
 * process holds the lock), P2028 when a transaction could not start in its `maxWait`, and
 * PostgreSQL's lock_not_available (55P03, a `lock_timeout`) or a cancelled statement (57014).
 * Matched by code, never by message text.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? error.code : undefined;
  if (code === "P1008" || code === "P2028") return true;
  // Inside an interactive transaction Prisma passes the driver adapter's error on unwrapped;
  // outside one it is the `driverAdapterError` of a known request error's meta.
  const meta = "meta" in error ? (error.meta as { driverAdapterError?: { cause?: unknown } } | undefined) : undefined;
  return isBusyCause(error.name === "DriverAdapterError" ? error.cause : undefined) || isBusyCause(meta?.driverAdapterError?.cause);
}

function isBusyCause(cause: unknown): boolean {
  if (typeof cause !== "object" || cause === null) return false;
  const { kind, originalCode } = cause as { kind?: unknown; originalCode?: unknown };
  return kind === "SocketTimeout" || originalCode === "55P03" || originalCode === "57014";
}
