"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin, requireEditor } from "@/lib/auth/current-user";
import { actorInputSchema } from "@/lib/actors/schema";
import { createActor } from "@/lib/actors/write";
import { ExpectedError } from "@/lib/errors";
import { prisma } from "@/lib/db";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import type { Db } from "@/lib/db/client";
import { changesSinceVersion, mergeSides } from "@/lib/events/admin-queries";
import { createEventOnce, parseSubmissionKey } from "@/lib/events/create-once";
import { readEventForm, validateEventForm, type ActorOption, type FieldErrors } from "@/lib/events/form";
import type { EventFormState } from "@/lib/events/form-state";
import { mergeEventForm, mergeFieldLabel, readMergeChoices } from "@/lib/events/merge";
import type { EventInput } from "@/lib/events/schema";
import {
  EventConflictError,
  EventNotFoundError,
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

  const submissionKey = parseSubmissionKey(values.submissionKey);
  const save = async (input: EventInput, expected: number | null): Promise<number> => {
    // A retried or double-submitted create finds the event its first submission made.
    if (values.id === null) return (await createEventOnce(prisma, submissionKey, input, { userId: user.id })).id;
    const id = values.id;
    return prisma.$transaction(async (tx) => {
      await updateEvent(tx, id, input, { userId: user.id, expectedVersion: expected ?? 0 });
      return id;
    });
  };

  let id: number;
  let merged: string[] = [];
  try {
    let input = checked.input;
    let expected = values.version;
    // A save that meets a newer version is merged field by field with it against the version
    // the editor opened, and saved over it; a few rounds cover saves that keep racing.
    for (let round = 0; ; round++) {
      try {
        id = await save(input, expected);
        break;
      } catch (error) {
        if (!(error instanceof EventConflictError) || round === 3 || values.version === null) throw error;
        const { base, theirs } = await mergeSides(error.eventId, values.version, error.current);
        const result = mergeEventForm(base, values, theirs, readMergeChoices(formData));
        const again = validateEventForm(result.merged);
        if (result.conflicts.length > 0 || !again.ok) {
          const changes = await changesSinceVersion(error.eventId, values.version, error.current);
          const kept = result.keptFromTheirs.map(mergeFieldLabel);
          return answer({
            // The form keeps the version the editor opened, so the next save merges again from it.
            values: result.merged,
            errors: again.ok ? {} : again.errors,
            conflict: { changes, conflicts: result.conflicts, version: error.current.version, updatedAt: error.current.updatedAt },
            message:
              "Someone else saved this event while you were editing it, so your changes were not saved yet. " +
              (kept.length > 0 ? `Their changes to ${kept.join(", ")} are now in the form. ` : "") +
              (result.conflicts.length > 0
                ? `You both changed ${result.conflicts.map((c) => c.label).join(", ")}: choose which version to keep for each below, then save.`
                : "Check the fields marked below, then save."),
          });
        }
        input = again.input;
        expected = error.current.version;
        merged = result.keptFromTheirs;
      }
    }
  } catch (error) {
    if (error instanceof EventConflictError) {
      return answer({ message: "This event keeps being changed by someone else. Reload it and apply your changes again." });
    }
    if (error instanceof ExpectedError && error.code === "invalid") return answer({ errors: { [error.field]: [error.message] }, message: error.message });
    if (error instanceof EventNotFoundError) return answer({ message: "This event no longer exists (it was deleted for good)." });
    // An import holds the database longer than the bounded wait: the form comes back as typed.
    if (isDatabaseBusy(error)) return answer({ message: BUSY_MESSAGE });
    throw error;
  }

  revalidateEvent(id);
  const mergedQuery = merged.length > 0 ? `&merged=${merged.join(",")}` : "";
  redirect(
    formData.get("intent") === "save-and-new" ? `/admin/events/new?saved=${id}${mergedQuery}` : `/admin/events/${id}/edit?saved=1${mergedQuery}`,
  );
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
    if (error instanceof ExpectedError) return { ok: false, errors: { [error.field]: [error.message] } };
    if (isDatabaseBusy(error)) return { ok: false, errors: { name: [BUSY_MESSAGE] } };
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
          : error instanceof ExpectedError && error.code === "invalid"
            ? "refused"
            : isDatabaseBusy(error)
              ? "busy"
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
