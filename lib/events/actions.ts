"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin, requireEditor } from "@/lib/auth/current-user";
import { actorInputSchema } from "@/lib/actors/schema";
import { ActorWriteError, createActor } from "@/lib/actors/write";
import { prisma } from "@/lib/db";
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

/** Runs a trash/restore/purge/revert change and turns expected failures into a notice on `back`. */
async function change(back: string, run: () => Promise<void>): Promise<string | null> {
  try {
    await run();
    return null;
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
    return `${back}${back.includes("?") ? "&" : "?"}notice=${notice}`;
  }
}

function expectedVersion(formData: FormData): number | undefined {
  return positiveId(formData.get("version")) ?? undefined;
}

export async function trashEventAction(formData: FormData): Promise<void> {
  const user = await requireEditor();
  const id = positiveId(formData.get("id"));
  if (id === null) redirect("/admin?notice=gone");
  const failed = await change(`/admin/events/${id}/edit`, () =>
    prisma.$transaction((tx) => trashEvent(tx, id, { userId: user.id, expectedVersion: expectedVersion(formData) })),
  );
  if (failed) redirect(failed);
  revalidateEvent(id);
  redirect(`/admin?status=trash&notice=trashed`);
}

export async function restoreEventAction(formData: FormData): Promise<void> {
  const user = await requireAdmin();
  const id = positiveId(formData.get("id"));
  if (id === null) redirect("/admin?notice=gone");
  const failed = await change(`/admin?status=trash`, () =>
    prisma.$transaction((tx) => restoreEvent(tx, id, { userId: user.id, expectedVersion: expectedVersion(formData) })),
  );
  if (failed) redirect(failed);
  revalidateEvent(id);
  redirect(`/admin/events/${id}/edit?notice=restored`);
}

export async function purgeEventAction(formData: FormData): Promise<void> {
  const user = await requireAdmin();
  const id = positiveId(formData.get("id"));
  if (id === null) redirect("/admin?notice=gone");
  if (formData.get("confirm") !== "yes") redirect(`/admin/events/${id}/edit?notice=confirm-purge`);
  const failed = await change(`/admin/events/${id}/edit`, () =>
    prisma.$transaction((tx) => purgeEvent(tx, id, { userId: user.id, expectedVersion: expectedVersion(formData) })),
  );
  if (failed) redirect(failed);
  revalidateEvent(id);
  redirect(`/admin?status=trash&notice=purged`);
}

export async function revertEventAction(formData: FormData): Promise<void> {
  const user = await requireEditor();
  const id = positiveId(formData.get("id"));
  const revisionId = positiveId(formData.get("revisionId"));
  if (id === null || revisionId === null) redirect("/admin?notice=gone");
  let dropped = 0;
  const failed = await change(`/admin/events/${id}/history`, async () => {
    const result = await prisma.$transaction((tx) =>
      revertEvent(tx, id, revisionId, { userId: user.id, expectedVersion: expectedVersion(formData) }),
    );
    dropped = result.droppedRelations + result.droppedActors.length;
  });
  if (failed) redirect(failed);
  revalidateEvent(id);
  redirect(`/admin/events/${id}/history?notice=${dropped > 0 ? "reverted-partly" : "reverted"}`);
}
