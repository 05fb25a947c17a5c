import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { findSessionUser, SESSION_COOKIE, type SessionUser } from "@/lib/import/session";

/**
 * The one gate of the import and backup features, called at the top of every admin page,
 * action and route handler they have (never only in a layout). Until the sign-in branch
 * (issue 4) is merged it reads the session cookie itself; at merge time the bodies become
 * calls to the shared requireEditor()/requireAdmin() helpers.
 */
export async function requireImporter(next = "/admin/import"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  return user;
}

/** Admins only: the full backup holds drafts, trash and the whole history. */
export async function requireBackupAdmin(next = "/admin/import"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== "admin") redirect(`/login?next=${encodeURIComponent(next)}`);
  return user;
}

async function currentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return findSessionUser(prisma, token);
}
