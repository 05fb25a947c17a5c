"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin, requireEditor } from "@/lib/auth/current-user";
import { actorInputSchema } from "@/lib/actors/schema";
import { ActorWriteError, createActor } from "@/lib/actors/write";
import { prisma } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { changesSinceVersion } from "@/lib/events/admin-queries";
import { readEventForm, validateEventForm, type ActorOption, type FieldErrors } from "@/lib/events/form";
import type { EventFormState } from "@/lib/events/form-state";
import {
  createEvent,
  EventConflictError,
  EventNotFoundError,
  EventWriteError,
  purgeEvent,
  restoreEvent,
  revertEvent,
  trashEvent,
  updateEvent,
  type RevertResult,
} from "@/lib/events/write";

function positiveId(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

function revalidateEvent(id: number): void {
  revalidatePath("/");
  revalidatePath(`/events/${id}`);
  revalidatePath("/admin", "layout");
}

function errorCount(errors: FieldErrors): string {
  const n = Object.keys(errors).length;
  return n === 1 ? "1 field needs" : `${n} fields need`;
}

/** Creates or updates an event from the admin form; on any failure returns everything typed, with the reasons. */
export async function saveEventAction(previous: EventFormState, formData: FormData): Promise<EventFormState> {
  const user = await requireEditor();
  const values = readEventForm(formData);
  const attempt = previous.attempt + 1;
  const answer = (partial: Partial<EventFormState>): EventFormState => ({
    message: null,
    errors: {},
    values,
    conflict: null,
    attempt,
    ...partial,
  });

  const checked = validateEventForm(values);
  if (!checked.ok) {
    return answer({ errors: checked.errors, message: `The event was not saved: ${errorCount(checked.errors)} attention.` });
  }
  if (values.id !== null && values.version === null) {
    return answer({ message: "The form does not say which version it was loaded from. Reload the page and apply your changes again." });
  }

  let id: number;
  try {
    id = await prisma.$transaction(async (tx) => {
      if (values.id === null) return createEvent(tx, checked.input, { userId: user.id });
      await updateEvent(tx, values.id, checked.input, { userId: user.id, expectedVersion: values.version ?? 0 });
      return values.id;
    });
  } catch (error) {
    if (error instanceof EventConflictError) {
      const changes = await changesSinceVersion(error.eventId, error.expectedVersion, error.current);
      return answer({
        // Saving again from here deliberately replaces the other changes: the form now carries the current version.
        values: { ...values, version: error.current.version },
        conflict: { changes, version: error.current.version, updatedAt: error.current.updatedAt },
        message:
          "Someone else saved this event while you were editing it, so your changes were not saved. " +
          "Their changes are listed below; your own are still in the form. Save again to replace their version with yours.",
      });
    }
    if (error instanceof EventWriteError) return answer({ errors: { [error.field]: [error.message] }, message: error.message });
    if (error instanceof EventNotFoundError) return answer({ message: "This event no longer exists (it was deleted for good)." });
    throw error;
  }

  revalidateEvent(id);
  redirect(formData.get("intent") === "save-and-new" ? `/admin/events/new?saved=${id}` : `/admin/events/${id}/edit?saved=1`);
}

export type ActorCreateResult = { ok: true; actor: ActorOption } | { ok: false; errors: FieldErrors };

/** Creates an actor from the form's type-ahead, without leaving the event form. */
export async function createActorAction(input: { name: string; kind: string; isoCode: string }): Promise<ActorCreateResult> {
  const user = await requireEditor();
  const parsed = actorInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
    return { ok: false, errors };
  }
  try {
    const actor = await prisma.$transaction((tx) => createActor(tx, parsed.data, user.id));
    return { ok: true, actor };
  } catch (error) {
    if (error instanceof ActorWriteError) return { ok: false, errors: { [error.field]: [error.message] } };
    throw error;
  }
}

function expectedVersion(formData: FormData): number | undefined {
  return positiveId(formData.get("version")) ?? undefined;
}

type ChangeOptions = { userId: number; expectedVersion?: number };

/**
 * A trash, restore, purge or revert from a small form: checks the role, runs the change in
 * one transaction and redirects to `done`, or back to `back` with a notice when the change
 * is refused (stale version, gone, not possible in the event's state).
 */
async function eventChangeAction<T>(
  formData: FormData,
  options: {
    role: "editor" | "admin";
    back: (id: number) => string;
    done: (id: number, result: T) => string;
    run: (tx: Db, id: number, change: ChangeOptions) => Promise<T>;
    precondition?: (id: number) => string | null;
  },
): Promise<never> {
  const user = options.role === "admin" ? await requireAdmin() : await requireEditor();
  const id = positiveId(formData.get("id"));
  if (id === null) redirect("/admin?notice=gone");
  const stop = options.precondition?.(id);
  if (stop) redirect(stop);
  let result: T;
  try {
    result = await prisma.$transaction((tx) => options.run(tx, id, { userId: user.id, expectedVersion: expectedVersion(formData) }));
  } catch (error) {
    const notice =
      error instanceof EventConflictError
        ? "stale"
        : error instanceof EventNotFoundError
          ? "gone"
          : error instanceof EventWriteError
            ? "refused"
            : null;
    if (notice === null) throw error;
    const back = options.back(id);
    redirect(`${back}${back.includes("?") ? "&" : "?"}notice=${notice}`);
  }
  revalidateEvent(id);
  redirect(options.done(id, result));
}

export async function trashEventAction(formData: FormData): Promise<void> {
  await eventChangeAction(formData, {
    role: "editor",
    run: trashEvent,
    back: (id) => `/admin/events/${id}/edit`,
    done: () => "/admin?status=trash&notice=trashed",
  });
}

export async function restoreEventAction(formData: FormData): Promise<void> {
  await eventChangeAction(formData, {
    role: "admin",
    run: restoreEvent,
    back: () => "/admin?status=trash",
    done: (id) => `/admin/events/${id}/edit?notice=restored`,
  });
}

export async function purgeEventAction(formData: FormData): Promise<void> {
  await eventChangeAction(formData, {
    role: "admin",
    precondition: (id) => (formData.get("confirm") === "yes" ? null : `/admin/events/${id}/edit?notice=confirm-purge`),
    run: purgeEvent,
    back: (id) => `/admin/events/${id}/edit`,
    done: () => "/admin?status=trash&notice=purged",
  });
}

export async function revertEventAction(formData: FormData): Promise<void> {
  const revisionId = positiveId(formData.get("revisionId"));
  await eventChangeAction(formData, {
    role: "editor",
    precondition: () => (revisionId === null ? "/admin?notice=gone" : null),
    run: (tx, id, change) => revertEvent(tx, id, revisionId ?? 0, change),
    back: (id) => `/admin/events/${id}/history`,
    done: (id, { droppedRelations, droppedActors }: RevertResult) => {
      return `/admin/events/${id}/history?notice=${droppedRelations + droppedActors.length > 0 ? "reverted-partly" : "reverted"}`;
    },
  });
}
