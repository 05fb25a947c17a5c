import type { PrismaClient } from "@/lib/db/client";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { deleteOldLoginAttempts, markLoginSucceeded, normalizeEmail, reserveLoginAttempt } from "@/lib/auth/rate-limit";
import { createSession, deleteDeadSessions, revokeSession } from "@/lib/auth/sessions";
import { isDatabaseBusy } from "@/lib/db/busy";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterMs: number }
  /** The database stayed busy (an import) longer than the bounded wait: nothing was decided. */
  | { ok: false; reason: "busy" };

/**
 * Checks an email and password and opens a session. Unknown accounts, disabled accounts
 * and wrong passwords all give the same answer ("invalid") after the same work, so the
 * result never tells whether an address has an account.
 */
export async function signIn(
  prisma: PrismaClient,
  input: {
    email: string;
    password: string;
    ip: string;
    userAgent?: string | null;
    /** The session cookie the browser already carries: signing in again replaces it. */
    previousToken?: string | null;
  },
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  // Reserved before the password is checked, so parallel guesses cannot all pass the limit.
  let reservation: Awaited<ReturnType<typeof reserveLoginAttempt>>;
  try {
    reservation = await reserveLoginAttempt(prisma, email, input.ip, now);
  } catch (error) {
    // The queue ahead (an import, a burst of sign-ins) did not clear within the bounded wait.
    if (isDatabaseBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
  if (!reservation.allowed) return { ok: false, reason: "rate-limited", retryAfterMs: reservation.retryAfterMs };

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabled: true } });
  const valid =
    user && !user.disabled ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  // The reservation already is a failure: nothing more to record.
  if (!user || !valid) return { ok: false, reason: "invalid" };

  let session: Awaited<ReturnType<typeof createSession>>;
  try {
    session = await prisma.$transaction(async (tx) => {
      await markLoginSucceeded(tx, reservation.id);
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      // Rotate: a session that was open before this sign-in (perhaps planted) stops working.
      if (input.previousToken) await revokeSession(tx, input.previousToken, now);
      return createSession(tx, user.id, { userAgent: input.userAgent, ip: input.ip }, now);
    });
  } catch (error) {
    // The reservation stays a failure; the person is told to try again in a moment.
    if (isDatabaseBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
  // Housekeeping rides on sign-ins, which are rare enough not to notice it; it can wait for a quiet moment.
  await deleteOldLoginAttempts(prisma, now).catch(ignoreBusy);
  await deleteDeadSessions(prisma, now).catch(ignoreBusy);
  return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
}

function ignoreBusy(error: unknown): void {
  if (!isDatabaseBusy(error)) throw error;
}
