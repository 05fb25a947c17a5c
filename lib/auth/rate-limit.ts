import type { Db, PrismaClient } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";

/**
 * Sign-in limits, counted in the database (LoginAttempt) so they hold across restarts and
 * app instances (docs/decisions/0014-sign-in-limits.md).
 *
 * Three scopes, each with a number of free failures and then growing delays (30 s, 1 min,
 * 2 min, … up to 15 min between attempts) instead of a hard lock:
 * - one account from one address (`pair`): stops one client guessing one password, without
 *   touching the account's owner, who signs in from another address;
 * - one account from every address (`account`): stops a guesser spread over many addresses;
 * - one address across accounts (`ip`): stops one client spraying many accounts.
 * A successful sign-in clears the account's count; `npm run user -- unlock` clears it too.
 *
 * The attempt is reserved (a row written) before the password is checked, then the scopes
 * are counted with that row excluded: see `reserveLoginAttempt` for why that is atomic.
 */
export const LOGIN_LIMITS = {
  /** Failures older than this no longer count. */
  windowMs: 60 * 60 * 1000,
  pair: 5,
  account: 20,
  ip: 30,
  /** The first delay after the free failures; each further failure doubles it. */
  firstDelayMs: 30 * 1000,
  maxDelayMs: 15 * 60 * 1000,
} as const;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** How long after the latest failure the next attempt must wait, given `failures` earlier ones in the scope. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 30);
  return Math.min(LOGIN_LIMITS.maxDelayMs, LOGIN_LIMITS.firstDelayMs * 2 ** doublings);
}

function stored(email: string, ip: string) {
  return { email: normalizeEmail(email).slice(0, 320), ip: ip.slice(0, 100) };
}

/**
 * Whether an attempt may be checked now, from the failures already in the database
 * (`exclude` is the caller's own reservation). Sequential queries: `db` may be a
 * transaction, which has one connection.
 */
export async function checkLoginRateLimit(
  db: Db,
  email: string,
  ip: string,
  now = new Date(),
  exclude?: number,
): Promise<RateLimitVerdict> {
  const key = stored(email, ip);
  const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email: key.email, success: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  // A success clears the account's failures (both account scopes), not the address's.
  const accountSince = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const notMine = exclude === undefined ? {} : { id: { not: exclude } };
  const scopes = [
    { where: { email: key.email, ip: key.ip, createdAt: { gt: accountSince } }, free: LOGIN_LIMITS.pair },
    { where: { email: key.email, createdAt: { gt: accountSince } }, free: LOGIN_LIMITS.account },
    { where: { ip: key.ip, createdAt: { gte: windowStart } }, free: LOGIN_LIMITS.ip },
  ];
  let wait = 0;
  for (const scope of scopes) {
    // One query per scope: the reservation holds a lock while this runs.
    const found = await db.loginAttempt.aggregate({ where: { ...scope.where, ...notMine, success: false }, _count: { _all: true }, _max: { createdAt: true } });
    const failures = found._count._all;
    const latest = found._max.createdAt;
    if (failures < scope.free || !latest) continue;
    wait = Math.max(wait, latest.getTime() + delayAfter(failures, scope.free) - now.getTime());
  }
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}

export type Reservation = { allowed: true; id: number } | { allowed: false; retryAfterMs: number };

/**
 * Reserves an attempt before the password is checked, atomically with the count: in one
 * transaction the attempt is written as a failure first and only then are the scopes
 * counted (its own row excluded). Concurrent reservations for the same account or address
 * are serialised: on SQLite the first write takes the database's write lock (across
 * processes too) and the app's adapter queues its transactions (decision 0008); on
 * PostgreSQL, whose read-committed transactions would not see each other's uncommitted
 * rows, by transaction-scoped advisory locks on the account and on the address. So of 200
 * parallel guesses at most the limit reach the password check. A refused reservation is
 * rolled back, so hammering a blocked account does not push its delay further out. An
 * allowed one stays a failure unless the password proves right (`markLoginSucceeded`); a
 * crash in between counts as a failure.
 */
export async function reserveLoginAttempt(db: PrismaClient, email: string, ip: string, now = new Date()): Promise<Reservation> {
  const key = stored(email, ip);
  return db.$transaction(
    async (tx) => {
      // Two lock namespaces (1: account, 2: address), always taken in this order.
      await engineOf(tx).lockKeys(tx, [
        { namespace: 1, key: key.email },
        { namespace: 2, key: key.ip },
      ]);
      const row = await tx.loginAttempt.create({ data: { ...key, success: false, createdAt: now }, select: { id: true } });
      const verdict = await checkLoginRateLimit(tx, email, ip, now, row.id);
      if (verdict.allowed) return { allowed: true, id: row.id } as const;
      await tx.loginAttempt.delete({ where: { id: row.id } });
      return verdict;
    },
    // A burst of sign-ins queues here for a moment; the default 2 s would turn the queue into errors.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

export async function markLoginSucceeded(db: Db, reservationId: number): Promise<void> {
  await db.loginAttempt.update({ where: { id: reservationId }, data: { success: true } });
}

/** Records a finished attempt directly (tests and tools; sign-in itself reserves first). */
export async function recordLoginAttempt(db: Db, email: string, ip: string, success: boolean, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { ...stored(email, ip), success, createdAt: now } });
}

/** Clears an account's failed attempts from every address: the admin's way to lift a delay (`npm run user -- unlock`). */
export async function clearLoginFailures(db: Db, email: string): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({ where: { email: stored(email, "").email, success: false } });
  return count;
}

/** Attempts older than a day no longer matter to any limit. */
export async function deleteOldLoginAttempts(db: Db, now = new Date()): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
}

/** "40 seconds", "5 minutes", rounded up, for the message shown to a blocked user. */
export function formatRetryAfter(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return seconds === 1 ? "1 second" : `${seconds} seconds`;
  }
  const minutes = Math.ceil(ms / 60_000);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
