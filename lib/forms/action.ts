import "server-only";
import type { z } from "zod";
import { requireAdmin, requireEditor, type CurrentUser } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import type { Db } from "@/lib/db/client";
import { ExpectedError, type ExpectedErrorCode } from "@/lib/errors";
import { formValues, issuesToErrors, type ActionState } from "@/lib/forms/action-state";
import type { UserRole } from "@/lib/events/vocabulary";

/**
 * The role check every server action and admin route handler starts with (decision 0019).
 * Anonymous requests go to the sign-in page, the wrong role to /admin/forbidden.
 */
export function authorize(role: UserRole, next?: string): Promise<CurrentUser> {
  return role === "admin" ? requireAdmin(next) : requireEditor(next);
}

/** An expected failure, by code: what an action shows instead of an error page. */
export type Failure = { code: ExpectedErrorCode | "duplicate" | "busy"; field: string | null; message: string };

const DUPLICATE_MESSAGE = "That was just added by someone else; reload the page.";

/**
 * Classifies an error by its code, never by its text: an ExpectedError, a unique-index clash
 * (Prisma's P2002, two editors adding the same row at once) or a busy database. Anything else
 * is unexpected (null): the caller rethrows it, so it is logged and shows the error page.
 */
export function expectedFailure(error: unknown): Failure | null {
  if (error instanceof ExpectedError) return { code: error.code, field: error.field, message: error.message };
  if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
    return { code: "duplicate", field: null, message: DUPLICATE_MESSAGE };
  }
  if (isDatabaseBusy(error)) return { code: "busy", field: null, message: BUSY_MESSAGE };
  return null;
}

/** A failure as the form state: the message, against its field when it has one, with everything typed. */
export function failureState(failure: Failure, values: Record<string, string>, duplicateField?: string): ActionState {
  const field = failure.field ?? (failure.code === "duplicate" ? duplicateField : undefined);
  return { ok: false, message: failure.message, errors: field ? { [field]: [failure.message] } : {}, values };
}

type FormActionSpec<S extends z.ZodType, R> = {
  role: UserRole;
  /** The text fields sent back into the form on any failure (never passwords). */
  fields: readonly string[];
  schema: S;
  /** What the schema parses: the text fields by default; add non-echoed fields (a password) here. */
  input?: (values: Record<string, string>, formData: FormData) => unknown;
  /** The form's message when the schema refuses the input. */
  invalid: string;
  /** Field errors on invalid input (default: the schema's issues by path). */
  invalidErrors?: (error: z.ZodError) => ActionState["errors"];
  /** The field a unique-index clash is shown against. */
  duplicateField?: string;
  /** The write, run in one transaction; an expected failure becomes the form's state. */
  write: (tx: Db, data: z.output<S>, user: CurrentUser) => Promise<R>;
  /** After the write, outside any try: revalidate, then answer (or redirect). */
  done: (result: R, data: z.output<S>, values: Record<string, string>) => ActionState;
};

/**
 * The one way a useActionState form's server action runs: role first, then the zod schema on
 * the submitted fields, then the write in one transaction; every failure comes back as one
 * ActionState with the typed values, so a no-JS form re-renders with nothing lost.
 */
export async function runFormAction<S extends z.ZodType, R>(formData: FormData, spec: FormActionSpec<S, R>): Promise<ActionState> {
  const user = await authorize(spec.role);
  const values = formValues(formData, spec.fields);
  const parsed = spec.schema.safeParse(spec.input ? spec.input(values, formData) : values);
  if (!parsed.success) {
    return { ok: false, message: spec.invalid, errors: (spec.invalidErrors ?? issuesToErrors)(parsed.error), values };
  }
  const data = parsed.data;
  let result: R;
  try {
    result = await prisma.$transaction((tx) => spec.write(tx, data, user));
  } catch (error) {
    const failure = expectedFailure(error);
    if (failure === null) throw error;
    return failureState(failure, values, spec.duplicateField);
  }
  return spec.done(result, data, values);
}
