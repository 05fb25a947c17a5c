"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { aliasInputSchema, aliasRemoveSchema, actorInputSchema, actorMergeSchema } from "@/lib/actors/schema";
import { addActorAlias, removeActorAlias } from "@/lib/actors/alias-write";
import { mergeActors, updateActor } from "@/lib/actors/write";
import { runFormAction } from "@/lib/forms/action";
import { issuesToErrors, type ActionState } from "@/lib/forms/action-state";

// The id is the hidden field of the form, not something the editor typed: a bad one gets no field error.
const actorUpdateSchema = actorInputSchema.extend({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export async function updateActorAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    role: "editor",
    fields: ["id", "name", "kind", "isoCode"],
    schema: actorUpdateSchema,
    invalid: "Not saved: check the fields.",
    invalidErrors: (error) => {
      const { id: _id, ...errors } = issuesToErrors(error);
      return errors;
    },
    duplicateField: "alias",
    write: (tx, { id, ...input }, user) => updateActor(tx, id, input, user.id),
    done: (_result, data, values) => {
      revalidatePath("/", "layout");
      return { ok: true, message: `Saved ${data.name}.`, errors: {}, values };
    },
  });
}

export async function mergeActorsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    role: "editor",
    fields: ["fromId", "intoId"],
    schema: actorMergeSchema,
    invalid: "Not merged: choose two different actors.",
    duplicateField: "alias",
    write: (tx, { fromId, intoId }, user) => mergeActors(tx, fromId, intoId, user.id),
    done: ({ events }) => {
      revalidatePath("/", "layout");
      return {
        ok: true,
        message: `Merged. ${events} ${events === 1 ? "event now names" : "events now name"} the kept actor.`,
        errors: {},
        values: {},
      };
    },
  });
}

export async function addActorAliasAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    role: "editor",
    fields: ["actorId", "alias", "kind"],
    schema: aliasInputSchema,
    invalid: "Alias not added: check the fields.",
    duplicateField: "alias",
    write: (tx, { actorId, alias, kind }, user) => addActorAlias(tx, actorId, { alias, kind }, user.id),
    done: (_result, { alias }) => {
      revalidatePath("/admin/actors");
      return { ok: true, message: `Added the alias “${alias}”.`, errors: {}, values: {} };
    },
  });
}

export async function removeActorAliasAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    role: "editor",
    fields: ["actorId", "aliasId"],
    schema: aliasRemoveSchema,
    invalid: "Nothing removed: that alias is not known.",
    invalidErrors: () => ({}),
    duplicateField: "alias",
    write: (tx, { actorId, aliasId }, user) => removeActorAlias(tx, actorId, aliasId, user.id),
    done: ({ alias }) => {
      revalidatePath("/admin/actors");
      return { ok: true, message: `Removed the alias “${alias}”.`, errors: {}, values: {} };
    },
  });
}
