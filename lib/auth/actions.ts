"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { BUSY_MESSAGE } from "@/lib/db/busy";
import {
  clearSessionCookie,
  requestMeta,
  SESSION_COOKIE,
  setSessionCookie,
} from "@/lib/auth/current-user";
import { formatRetryAfter } from "@/lib/auth/rate-limit";
import { safeNextPath } from "@/lib/auth/safe-next";
import { revokeSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { issuesToErrors } from "@/lib/forms/action-state";
import { signInSchema } from "@/lib/users/schema";

export type SignInState = {
  message: string | null;
  errors: Record<string, string[]>;
  values: { email: string };
};

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const values = { email: email.slice(0, 320) };
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return { message: "Enter your email address and password.", errors: issuesToErrors(parsed.error), values };
  }
  const meta = await requestMeta();
  const previousToken = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  const result = await signIn(prisma, { ...parsed.data, ip: meta.ip, userAgent: meta.userAgent, previousToken });
  if (!result.ok) {
    const message =
      result.reason === "rate-limited"
        ? `Too many failed sign-in attempts. Wait ${formatRetryAfter(result.retryAfterMs)} and try again.`
        : result.reason === "busy"
          ? BUSY_MESSAGE
          : "The email address or password is not correct.";
    return { message, errors: {}, values };
  }
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeNextPath(formData.get("next")));
}

export async function signOutAction(): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await revokeSession(prisma, token);
  await clearSessionCookie();
  redirect("/login?signed-out=1");
}
