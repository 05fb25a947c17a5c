"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { requireEditor } from "@/lib/auth/current-user";
import { importFile } from "@/lib/import/import-file";
import { MAX_UPLOAD_BYTES, toReportView, type ImportReportView } from "@/lib/import/report-view";
import { findUpload, removeUpload, saveUpload } from "@/lib/import/upload-store";

export type ImportFormState =
  | { stage: "start"; message?: string }
  | { stage: "checked"; upload: string; fileName: string; report: ImportReportView; message?: string }
  | { stage: "applied"; fileName: string; report: ImportReportView };

/**
 * Step 1 ("Check file") stores the upload and reports what each row would do, writing
 * nothing. Step 2 ("Apply") names the checked file by its hash; the import is checked again
 * and written in one transaction, or not at all.
 */
export async function importAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const { id: userId, role } = await requireEditor("/admin/import");
  const who = { userId, canRestoreBackup: role === "admin" };
  return formData.get("intent") === "apply" ? apply(formData, who) : check(formData, who);
}

type Who = { userId: number; canRestoreBackup: boolean };

async function check(formData: FormData, who: Who): Promise<ImportFormState> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { stage: "start", message: "Choose a CSV or JSON file to check." };
  if (file.size > MAX_UPLOAD_BYTES) {
    return { stage: "start", message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import it with npm run import.` };
  }
  const upload = await saveUpload(file);
  const report = await importFile(prisma, upload.path, { mode: "dry-run", ...who });
  return { stage: "checked", upload: upload.hash, fileName: file.name, report: toReportView(report) };
}

async function apply(formData: FormData, who: Who): Promise<ImportFormState> {
  const hash = String(formData.get("upload") ?? "");
  const fileName = String(formData.get("fileName") ?? "");
  const file = findUpload(hash);
  if (!file) return { stage: "start", message: "The checked file is no longer available. Upload it again to check it." };
  const report = await importFile(prisma, file, { mode: "apply", ...who });
  if (!report.applied) {
    return {
      stage: "checked",
      upload: hash,
      fileName,
      report: toReportView(report),
      message: "The events changed since the check and the file no longer applies cleanly. Nothing was written.",
    };
  }
  removeUpload(hash);
  revalidatePath("/", "layout");
  return { stage: "applied", fileName, report: toReportView(report) };
}
