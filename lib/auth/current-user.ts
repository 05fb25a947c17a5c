import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { isHttpsRequest, requestClientAddress } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { findSessionUser, type SessionUser } from "@/lib/auth/sessions";
import type { UserRole } from "@/lib/events/vocabulary";

export const SESSION_COOKIE = "demarche_session";

export type CurrentUser = SessionUser;

/** The signed-in user of this request, or null. Cached for the request: pages and actions may ask freely. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return findSessionUser(prisma, token);
});

function loginUrl(next: string | undefined): string {
  return next ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

async function requireRole(role: UserRole, next: string | undefined): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(next));
  // Signed in but not allowed: a 403 page, not the sign-in form (signing in again would not help).
  if (!hasRole(user.role, role)) redirect("/admin/forbidden");
  return user;
}

/**
 * The guard every admin page, server action and route handler calls first. Anonymous
 * requests go to the sign-in page (coming back to `next` afterwards); signed-in users
 * without the role get the "not allowed" page. Never rely on a layout for this: layouts
 * do not run for server actions or route handlers.
 */
export function requireEditor(next?: string): Promise<CurrentUser> {
  return requireRole("editor", next);
}

export function requireAdmin(next?: string): Promise<CurrentUser> {
  return requireRole("admin", next);
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string | null; https: boolean }> {
  const h = await headers();
  return {
    ip: requestClientAddress(h),
    userAgent: h.get("user-agent"),
    https: isHttpsRequest(h.get("x-forwarded-proto")),
  };
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const { https } = await requestMeta();
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: https,
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
