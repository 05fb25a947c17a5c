import type { Metadata } from "next";
import { ImportForm } from "@/components/admin/import-form";
import { requireEditor } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import events" };

export default async function ImportPage() {
  const { role } = await requireEditor("/admin/import");
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
      <ImportForm />
    </>
  );
}
