import type { Db } from "@/lib/db/client";
import { generateSessionToken, hashSessionToken } from "@/lib/auth/tokens";

/** Sessions last a working week; an editor signs in again after that. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reading a page does not always write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export type SessionUser = { id: number; email: string; name: string | null; role: string; sessionId: string };

export async function createSession(
  db: Db,
  userId: number,
  meta: { userAgent?: string | null; ip?: string | null } = {},
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({
    data: {
      id: hashSessionToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip?.slice(0, 100) ?? null,
    },
  });
  return { token, expiresAt };
}

/** The user behind a session token, or null when the session is unknown, expired, revoked or the user disabled. */
export async function findSessionUser(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  if (token === "" || token.length > 200) return null;
  const id = hashSessionToken(token);
  const session = await db.session.findUnique({
    where: { id },
    select: {
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true } },
    },
  });
  if (!session || session.revokedAt !== null || session.expiresAt <= now || session.user.disabled) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  const { disabled: _disabled, ...user } = session.user;
  return { ...user, sessionId: id };
}

export async function revokeSession(db: Db, token: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: hashSessionToken(token), revokedAt: null }, data: { revokedAt: now } });
}

/** Signs a user out everywhere; returns how many live sessions were revoked. */
export async function revokeUserSessions(db: Db, userId: number, now = new Date()): Promise<number> {
  const result = await db.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return result.count;
}

/** Removes sessions that can no longer be used (kept a day for the users page's "last seen"). */
export async function deleteDeadSessions(db: Db, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } });
}
