import type { z } from "zod";

/** Messages per form field, keyed by path ("email", "sources.0.url"): the one field-error type of every form. */
export type FieldErrors = Record<string, string[]>;

/** The one answer of a small admin form's server action (useActionState); richer forms extend it. */
export type ActionState = {
  ok: boolean;
  message: string | null;
  errors: FieldErrors;
  values: Record<string, string>;
};

export const INITIAL_ACTION_STATE: ActionState = { ok: false, message: null, errors: {}, values: {} };

/** Zod issues as field errors keyed by path ("email", "sources.0.url"), first message per field. */
export function issuesToErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= [issue.message];
  }
  return errors;
}

/** The submitted text fields, to put back into the form (passwords are never sent back). */
export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    values[name] = typeof value === "string" ? value : "";
  }
  return values;
}
