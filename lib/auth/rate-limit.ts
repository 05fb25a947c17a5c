import type { Db } from "@/lib/db/client";

/**
 * Sign-in limits, counted in the database (LoginAttempt) so they hold across restarts and
 * app instances. Per account: stops guessing one editor's password. Per IP: stops one
 * client from trying many accounts. Only failures count; a successful sign-in clears the
 * account's count.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perIp: 30,
} as const;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether another sign-in attempt for this email from this IP may be checked now. */
export async function checkLoginRateLimit(db: Db, email: string, ip: string, now = new Date()): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const account = normalizeEmail(email);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email: account, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  // Sequential, not Promise.all: `db` may be a transaction, which has one connection.
  const accountFailures = await db.loginAttempt.findMany({
    where: { email: account, success: false, createdAt: { gt: accountSince } },
    orderBy: { createdAt: "desc" },
    take: LOGIN_LIMITS.perAccount,
    select: { createdAt: true },
  });
  const ipFailures = await db.loginAttempt.findMany({
    where: { ip, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: LOGIN_LIMITS.perIp,
    select: { createdAt: true },
  });
  // Blocked until the oldest failure that makes up the limit leaves the window.
  const retryAfter = (failures: { createdAt: Date }[], limit: number) => {
    const oldest = failures.length >= limit ? failures[limit - 1] : undefined;
    return oldest ? oldest.createdAt.getTime() + LOGIN_LIMITS.windowMs - now.getTime() : 0;
  };
  const wait = Math.max(retryAfter(accountFailures, LOGIN_LIMITS.perAccount), retryAfter(ipFailures, LOGIN_LIMITS.perIp));
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, success: boolean, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { email: normalizeEmail(email).slice(0, 320), ip: ip.slice(0, 100), success, createdAt: now } });
}

/** Attempts older than a day no longer matter to any limit. */
export async function deleteOldLoginAttempts(db: Db, now = new Date()): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
}

/** "5 minutes", rounded up, for the message shown to a blocked user. */
export function formatRetryAfter(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
