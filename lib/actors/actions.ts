"use server";

import { revalidatePath } from "next/cache";
import { requireEditor } from "@/lib/auth/current-user";
import { aliasInputSchema, aliasRemoveSchema, actorInputSchema, actorMergeSchema } from "@/lib/actors/schema";
import { addActorAlias, removeActorAlias } from "@/lib/actors/alias-write";
import { ActorWriteError, mergeActors, updateActor } from "@/lib/actors/write";
import { prisma } from "@/lib/db";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import { formValues, issuesToErrors, type ActionState } from "@/lib/forms/action-state";

function failure(error: unknown, values: Record<string, string>): ActionState {
  if (error instanceof ActorWriteError) {
    return { ok: false, message: error.message, errors: { [error.field]: [error.message] }, values };
  }
  // Two editors adding the same alias at once: the unique index decides, the loser is told.
  if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
    const message = "That was just added by someone else; reload the page.";
    return { ok: false, message, errors: { alias: [message] }, values };
  }
  if (isDatabaseBusy(error)) return { ok: false, message: BUSY_MESSAGE, errors: {}, values };
  throw error;
}

export async function updateActorAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireEditor();
  const values = formValues(formData, ["id", "name", "kind", "isoCode"]);
  const id = Number(values.id);
  const parsed = actorInputSchema.safeParse(values);
  if (!parsed.success || !Number.isSafeInteger(id) || id < 1) {
    return { ok: false, message: "Not saved: check the fields.", errors: parsed.success ? {} : issuesToErrors(parsed.error), values };
  }
  try {
    await prisma.$transaction((tx) => updateActor(tx, id, parsed.data, user.id));
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/", "layout");
  return { ok: true, message: `Saved ${parsed.data.name}.`, errors: {}, values };
}

export async function mergeActorsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireEditor();
  const values = formValues(formData, ["fromId", "intoId"]);
  const parsed = actorMergeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Not merged: choose two different actors.", errors: issuesToErrors(parsed.error), values };
  let events: number;
  try {
    ({ events } = await prisma.$transaction((tx) => mergeActors(tx, parsed.data.fromId, parsed.data.intoId, user.id)));
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: `Merged. ${events} ${events === 1 ? "event now names" : "events now name"} the kept actor.`,
    errors: {},
    values: {},
  };
}

export async function addActorAliasAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireEditor();
  const values = formValues(formData, ["actorId", "alias", "kind"]);
  const parsed = aliasInputSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Alias not added: check the fields.", errors: issuesToErrors(parsed.error), values };
  const { actorId, alias, kind } = parsed.data;
  try {
    await prisma.$transaction((tx) => addActorAlias(tx, actorId, { alias, kind }, user.id));
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/admin/actors");
  return { ok: true, message: `Added the alias “${alias}”.`, errors: {}, values: {} };
}

export async function removeActorAliasAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireEditor();
  const values = formValues(formData, ["actorId", "aliasId"]);
  const parsed = aliasRemoveSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Nothing removed: that alias is not known.", errors: {}, values };
  let removed: string;
  try {
    ({ alias: removed } = await prisma.$transaction((tx) => removeActorAlias(tx, parsed.data.actorId, parsed.data.aliasId, user.id)));
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/admin/actors");
  return { ok: true, message: `Removed the alias “${removed}”.`, errors: {}, values: {} };
}
