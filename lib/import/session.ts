import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";

/** The session cookie set at sign-in (issue 4); the database stores only its SHA-256. */
export const SESSION_COOKIE = "demarche_session";

export type ImportRole = "editor" | "admin";

export type SessionUser = { userId: number; role: ImportRole };

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/**
 * The editor or admin behind a session token, or null when the session is unknown,
 * revoked or expired, the account is disabled, or the role is neither.
 */
export async function findSessionUser(db: Db, token: string | undefined, now = new Date()): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    select: { expiresAt: true, revokedAt: true, user: { select: { id: true, role: true, disabled: true } } },
  });
  if (!session || session.revokedAt !== null || session.expiresAt <= now || session.user.disabled) return null;
  const role = session.user.role;
  return role === "editor" || role === "admin" ? { userId: session.user.id, role } : null;
}
