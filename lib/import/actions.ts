"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import { requireEditor } from "@/lib/auth/current-user";
import { importFile } from "@/lib/import/import-file";
import { toReportView, type ImportReportView } from "@/lib/import/report-view";
import { findCheck, findUpload, removeUpload } from "@/lib/import/upload-store";
import { z } from "zod";

export type ImportFormState =
  | { stage: "start"; message?: string }
  | { stage: "checked"; upload: string; fileName: string; report: ImportReportView; createDuplicates: boolean; message?: string }
  | { stage: "applied"; fileName: string; report: ImportReportView; createDuplicates: boolean };

/**
 * Step 1 ("Check file") is the route handler app/admin/import/upload/route.ts, which takes
 * the upload as a stream (server actions have a small body limit) and shows the dry run on
 * this page. Step 2 ("Apply") is this action: it names the checked file by its hash; the
 * import is checked again and written in one transaction, or not at all.
 */
export async function importAction(previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const { id: userId, role } = await requireEditor("/admin/import");
  if (formData.get("intent") !== "apply") return { stage: "start", message: "Choose a CSV or JSON file and press Check file." };
  try {
    return await apply(formData, { userId, canRestoreBackup: role === "admin" });
  } catch (error) {
    // Another import (or `npm run import`) holds the database: the checked file stays ready to apply.
    if (!isDatabaseBusy(error)) throw error;
    return previous.stage === "checked" ? { ...previous, message: BUSY_MESSAGE } : { stage: "start", message: BUSY_MESSAGE };
  }
}

type Who = { userId: number; canRestoreBackup: boolean };

const applyFieldsSchema = z.object({
  upload: z.string().max(100).default(""),
  fileName: z.string().default("").transform((v) => v.slice(0, 200)),
  createDuplicates: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});

async function apply(formData: FormData, who: Who): Promise<ImportFormState> {
  const fields = applyFieldsSchema.safeParse({
    upload: formData.get("upload") ?? undefined,
    fileName: formData.get("fileName") ?? undefined,
    createDuplicates: formData.get("createDuplicates") ?? undefined,
  });
  if (!fields.success) return { stage: "start", message: "The form was not understood. Upload the file again to check it." };
  const { upload: hash, fileName } = fields.data;
  const file = findUpload(hash);
  if (!file) return { stage: "start", message: "The checked file is no longer available. Upload it again to check it." };
  // Apply does what the dry run showed: the choice on likely duplicates recorded with the
  // check wins over the form's copy of it.
  const createDuplicates = findCheck(hash, who.userId)?.createDuplicates ?? fields.data.createDuplicates;
  const report = await importFile(prisma, file, { mode: "apply", ...who, createDuplicates });
  if (!report.applied) {
    return {
      stage: "checked",
      upload: hash,
      fileName,
      report: toReportView(report),
      createDuplicates,
      message: "The events changed since the check and the file no longer applies cleanly. Nothing was written.",
    };
  }
  removeUpload(hash);
  revalidatePath("/", "layout");
  return { stage: "applied", fileName, report: toReportView(report), createDuplicates };
}
