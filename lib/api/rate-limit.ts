import { readEnv, type EnvSource } from "@/lib/env";
import type { Db } from "@/lib/db/client";

/**
 * The read API's per-client limit: a fixed window counted in the database (ApiRateLimit),
 * so that every instance of the app counts against the same number. One upsert per
 * request; the rows of past windows are deleted by the first request of each new window.
 */
export type RateLimitConfig = { limit: number; windowMs: number };

/** DEMARCHE_API_RATE_LIMIT requests per client in each DEMARCHE_API_RATE_WINDOW seconds (lib/env.ts). */
export function rateLimitConfig(source?: EnvSource): RateLimitConfig {
  const env = readEnv(source);
  return { limit: env.DEMARCHE_API_RATE_LIMIT, windowMs: env.DEMARCHE_API_RATE_WINDOW * 1000 };
}

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window ends. */
  resetAt: Date;
  /** Whole seconds until the window ends (at least 1), for Retry-After. */
  retryAfterSeconds: number;
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Counts one request of `client` and says whether it is within the limit. */
export async function hitRateLimit(db: Db, client: string, config: RateLimitConfig, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / config.windowMs) * config.windowMs);
  const key = { client_windowStart: { client: client.slice(0, 100), windowStart } };
  const increment = () => db.apiRateLimit.update({ where: key, data: { count: { increment: 1 } }, select: { count: true } });
  let count: number;
  try {
    count = (
      await db.apiRateLimit.upsert({
        where: key,
        create: { client: key.client_windowStart.client, windowStart, count: 1 },
        update: { count: { increment: 1 } },
        select: { count: true },
      })
    ).count;
  } catch (error) {
    // Two instances created the window's row at once: the other one won, count on it.
    if (!isUniqueViolation(error)) throw error;
    count = (await increment()).count;
  }
  if (count === 1) await db.apiRateLimit.deleteMany({ where: { windowStart: { lt: windowStart } } });
  const resetAt = new Date(windowStart.getTime() + config.windowMs);
  return {
    allowed: count <= config.limit,
    limit: config.limit,
    remaining: Math.max(0, config.limit - count),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(Math.ceil(result.resetAt.getTime() / 1000)),
  };
}
