import type { FieldChange } from "@/lib/events/diff";
import type { EventFormValues, FieldErrors } from "@/lib/events/form";
import type { MergeConflict } from "@/lib/events/merge";

/** What the event form's server action returns to the form (useActionState). */
export type EventFormState = {
  message: string | null;
  errors: FieldErrors;
  values: EventFormValues;
  /**
   * Set when someone else saved the event meanwhile: what they changed, field by field, and
   * the fields both editors changed, which the editor resolves before saving again.
   */
  conflict: { changes: FieldChange[]; conflicts: MergeConflict[]; version: number; updatedAt: string } | null;
  /** Increases with every answer, so the form redraws from `values` each time. */
  attempt: number;
};

export function initialEventFormState(values: EventFormValues): EventFormState {
  return { message: null, errors: {}, values, conflict: null, attempt: 0 };
}
