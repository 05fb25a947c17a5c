import type { Metadata } from "next";
import { ImportForm } from "@/components/admin/import-form";
import { requireEditor } from "@/lib/auth/current-user";
import type { ImportFormState } from "@/lib/import/actions";
import { MAX_UPLOAD_BYTES, type ImportReportView } from "@/lib/import/report-view";
import { findCheck } from "@/lib/import/upload-store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import events" };

const PROBLEMS: Record<string, string> = {
  "too-large": `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import it with npm run import (docs/csv.md).`,
  "no-file": "Choose a CSV or JSON file to check.",
  "not-a-form": "The upload did not arrive as a file. Choose the file again and press Check file.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPage({ searchParams }: Props) {
  const { id: userId, role } = await requireEditor("/admin/import");
  const query = await searchParams;
  const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  // After "Check file" the upload route sends the browser here with the file's hash.
  const check = findCheck<ImportReportView>(one(query.upload), userId);
  const initial: ImportFormState = check
    ? { stage: "checked", upload: one(query.upload), fileName: check.fileName, report: check.report, createDuplicates: check.createDuplicates ?? false }
    : { stage: "start", message: PROBLEMS[one(query.problem)] ?? (one(query.upload) ? "The checked file is no longer available. Upload it again to check it." : undefined) };
  return (
    <>
      <div className="page-heading">
        <h1>Import events</h1>
        <p>
          Upload a CSV file in the export&apos;s format (only <code>title</code>, <code>date</code>, <code>type</code> and
          an initiator are required; see docs/csv.md) or a JSON backup. You first see what each row would do; nothing
          is written until you apply, and then all rows are written or none.
        </p>
        {role === "admin" ? (
          <p>
            <a href="/admin/backup.json" download>
              Download a full backup
            </a>{" "}
            (all events including drafts and trash, actors and revisions).
          </p>
        ) : null}
      </div>
      <ImportForm key={`${one(query.upload) || one(query.problem)}-${one(query.duplicates)}`} initial={initial} maxBytes={MAX_UPLOAD_BYTES} />
    </>
  );
}
