import { ExpectedError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { clearLoginFailures } from "@/lib/auth/rate-limit";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { UserRole } from "@/lib/events/vocabulary";
import type { UserCreateInput } from "@/lib/users/schema";


async function audit(db: Db, action: string, userId: number, actorId: number | null, details: object = {}): Promise<void> {
  await db.auditLog.create({
    data: { action, subjectType: "user", subjectId: String(userId), details: JSON.stringify(details), userId: actorId },
  });
}

/** Creates an account. `byUserId` is the admin doing it (null from the command line). */
export async function createUser(db: Db, input: UserCreateInput, byUserId: number | null): Promise<number> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new ExpectedError("invalid", "email", "An account with this email address already exists.");
  const user = await db.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: { id: true },
  });
  await audit(db, "user.create", user.id, byUserId, { email: input.email, role: input.role });
  return user.id;
}

async function requireUser(db: Db, userId: number) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabled: true, email: true } });
  if (!user) throw new ExpectedError("not-found", "user", "This account no longer exists.");
  return user;
}

/** The last enabled admin cannot be demoted or disabled: nobody could manage accounts any more. */
async function assertAnotherAdmin(db: Db, userId: number, message: string): Promise<void> {
  const others = await db.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
  if (others === 0) throw new ExpectedError("last-admin", "user", message);
}

/** Sets a new password and signs the user out everywhere (a reset usually means a suspected leak). */
export async function setUserPassword(db: Db, userId: number, password: string, byUserId: number | null): Promise<void> {
  await requireUser(db, userId);
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  await revokeUserSessions(db, userId);
  await audit(db, "user.set-password", userId, byUserId);
}

export async function setUserRole(db: Db, userId: number, role: UserRole, byUserId: number | null): Promise<void> {
  const user = await requireUser(db, userId);
  if (user.role === role) return;
  if (user.role === "admin" && !user.disabled) {
    await assertAnotherAdmin(db, userId, "This is the only admin; make someone else an admin first.");
  }
  await db.user.update({ where: { id: userId }, data: { role } });
  await audit(db, "user.set-role", userId, byUserId, { from: user.role, to: role });
}

/** Disabling also ends every session at once; enabling lets the user sign in again. */
export async function setUserDisabled(db: Db, userId: number, disabled: boolean, byUserId: number | null): Promise<void> {
  const user = await requireUser(db, userId);
  if (user.disabled === disabled) return;
  if (disabled && user.role === "admin") {
    await assertAnotherAdmin(db, userId, "This is the only admin; make someone else an admin first.");
  }
  await db.user.update({ where: { id: userId }, data: { disabled } });
  if (disabled) await revokeUserSessions(db, userId);
  await audit(db, disabled ? "user.disable" : "user.enable", userId, byUserId);
}

export async function revokeSessionsOf(db: Db, userId: number, byUserId: number | null): Promise<number> {
  await requireUser(db, userId);
  const count = await revokeUserSessions(db, userId);
  await audit(db, "user.revoke-sessions", userId, byUserId, { sessions: count });
  return count;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}

/** Lifts the sign-in delays on an account (failures from every address are forgotten). Returns how many were cleared. */
export async function unlockUser(db: Db, userId: number, byUserId: number | null): Promise<number> {
  const user = await requireUser(db, userId);
  const cleared = await clearLoginFailures(db, user.email);
  await audit(db, "user.unlock", userId, byUserId, { clearedFailures: cleared });
  return cleared;
}
