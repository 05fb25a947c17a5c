"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireEditor } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import { issuesToErrors } from "@/lib/forms/action-state";
import { type PASTE_FIELDS, pasteSchema } from "@/lib/intake/paste";
import { parseReviewIntent } from "@/lib/intake/review";
import { defaultDrafter, enrichDrafts, loadDraftContext } from "@/lib/intake/runtime";
import { createIntake, isIntakeId, MAX_DRAFTS } from "@/lib/intake/store";
import { detectPublicationDate, IntakeInputError } from "@/lib/intake/text";
import { reviewStep } from "@/lib/intake/write";

export type PasteFormState = {
  message: string | null;
  errors: Record<string, string[]>;
  values: Record<(typeof PASTE_FIELDS)[number], string>;
};

function submitted(formData: FormData): PasteFormState["values"] {
  const value = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  return { text: value("text"), published: value("published"), publisher: value("publisher"), title: value("title"), url: value("url") };
}

/**
 * Step 1 of the intake: checks the paste, drafts the article and stores the drafts for
 * review. Writes no event. Bad input comes back with field errors and everything typed.
 */
export async function createIntakeAction(_previous: PasteFormState, formData: FormData): Promise<PasteFormState> {
  const user = await requireEditor("/admin/intake");
  const values = submitted(formData);
  const parsed = pasteSchema().safeParse(values);
  const fail = (errors: Record<string, string[]>, message = "Nothing was drafted: check the fields marked below.") => ({ message, errors, values });
  if (!parsed.success) return fail(issuesToErrors(parsed.error));
  const published = parsed.data.published ?? detectPublicationDate(parsed.data.text);
  if (published === null) {
    return fail({ published: ["The article has no dateline to read the date from: enter its publication date."] });
  }
  let id: string;
  try {
    const context = await loadDraftContext(prisma);
    ({ id } = await createIntake(prisma, { ...parsed.data, published }, {
      drafter: defaultDrafter,
      context,
      userId: user.id,
      enrich: (drafts) => enrichDrafts(prisma, drafts),
    }));
  } catch (error) {
    if (error instanceof IntakeInputError) {
      return fail({ [error.code.includes("publication") ? "published" : "text"]: [error.message] });
    }
    if (isDatabaseBusy(error)) return fail({}, BUSY_MESSAGE);
    throw error;
  }
  redirect(`/admin/intake/${id}`);
}

/**
 * Every button of the review screen: keeps what the editor typed in every draft, then
 * accepts, discards or brings back drafts. Answers with a redirect to the review screen,
 * which shows the outcome; so it works the same with and without JavaScript.
 */
export async function reviewIntakeAction(formData: FormData): Promise<void> {
  const user = await requireEditor("/admin/intake");
  const id = formData.get("intakeId");
  if (typeof id !== "string" || !isIntakeId(id)) redirect("/admin/intake?notice=missing");
  const intent = parseReviewIntent(formData.get("intent"), MAX_DRAFTS);
  if (intent === null) redirect(`/admin/intake/${id}?notice=unknown`);
  const result = await reviewStep(prisma, id, formData, intent, { userId: user.id, publish: formData.get("publish") === "1" });
  if (result.status === "expired" || result.status === "missing") redirect(`/admin/intake?notice=${result.status}`);
  if (result.status === "stale") redirect(`/admin/intake/${id}?notice=stale`);
  if (result.status === "saved" && result.accepted.length > 0) revalidatePath("/", "layout");
  redirect(`/admin/intake/${id}`);
}
