"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import { formValues, issuesToErrors, type ActionState } from "@/lib/forms/action-state";
import { roleSchema, userCreateSchema } from "@/lib/users/schema";
import {
  createUser,
  revokeSessionsOf,
  setUserDisabled,
  setUserRole,
} from "@/lib/users/write";
import { ExpectedError } from "@/lib/errors";

export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin();
  const values = formValues(formData, ["email", "name", "role"]);
  const parsed = userCreateSchema.safeParse({ ...values, password: formData.get("password") ?? "" });
  if (!parsed.success) return { ok: false, message: "The account was not created.", errors: issuesToErrors(parsed.error), values };
  try {
    await prisma.$transaction((tx) => createUser(tx, parsed.data, admin.id));
  } catch (error) {
    if (error instanceof ExpectedError) return { ok: false, message: error.message, errors: { [error.field]: [error.message] }, values };
    if (isDatabaseBusy(error)) return { ok: false, message: BUSY_MESSAGE, errors: {}, values };
    throw error;
  }
  revalidatePath("/admin/users");
  return { ok: true, message: `Created ${parsed.data.email} (${parsed.data.role}).`, errors: {}, values: {} };
}

function userId(formData: FormData): number {
  const id = Number(formData.get("userId"));
  if (!Number.isSafeInteger(id) || id < 1) redirect("/admin/users?notice=gone");
  return id;
}

/** Runs one change to an account; an expected refusal comes back as a notice on the users page. */
async function manage(run: () => Promise<unknown>, done: string): Promise<never> {
  let notice = done;
  try {
    await run();
  } catch (error) {
    if (isDatabaseBusy(error)) notice = "busy";
    else if (!(error instanceof ExpectedError)) throw error;
    else notice = error.code === "last-admin" ? "last-admin" : "gone";
  }
  revalidatePath("/admin/users");
  redirect(`/admin/users?notice=${notice}`);
}

export async function setUserRoleAction(formData: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = userId(formData);
  const role = roleSchema.safeParse(formData.get("role"));
  if (!role.success) redirect("/admin/users?notice=gone");
  await manage(() => prisma.$transaction((tx) => setUserRole(tx, id, role.data, admin.id)), "role-changed");
}

export async function setUserDisabledAction(formData: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = userId(formData);
  const disabled = formData.get("disabled") === "true";
  if (disabled && id === admin.id) redirect("/admin/users?notice=self");
  await manage(() => prisma.$transaction((tx) => setUserDisabled(tx, id, disabled, admin.id)), disabled ? "disabled" : "enabled");
}

export async function revokeSessionsAction(formData: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = userId(formData);
  await manage(() => prisma.$transaction((tx) => revokeSessionsOf(tx, id, admin.id)), "revoked");
}
