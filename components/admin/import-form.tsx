"use client";

import { useActionState, useState } from "react";
import { importAction, type ImportFormState } from "@/lib/import/actions";
import { describeAction, describeError, type ImportReportView } from "@/lib/import/report-view";

/**
 * Upload -> dry-run report -> Apply. Nothing is written before Apply, and Apply writes all
 * or nothing. "Check file" is a plain form posting to the upload route (it works without
 * JavaScript, and the file never passes through a server action's body limit); the page
 * comes back with the dry run as `initial`. Apply is a server action.
 */
export function ImportForm({ initial, maxBytes }: { initial: ImportFormState; maxBytes: number }) {
  const [state, action, applying] = useActionState(importAction, initial);
  const [uploading, setUploading] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  const pending = applying || uploading;
  const canApply =
    state.stage === "checked" && state.report.errorRows === 0 && state.report.fileErrors.length === 0 && state.report.creates + state.report.updates > 0;

  return (
    <div className="import">
      <form
        method="post"
        action="/admin/import/upload"
        encType="multipart/form-data"
        className="import__upload"
        onSubmit={(event) => {
          // With JavaScript, a file over the limit is caught before it is sent; the server checks again.
          const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          if (file && file.size > maxBytes) {
            event.preventDefault();
            setTooLarge(true);
            return;
          }
          setTooLarge(false);
          setUploading(true);
        }}
      >
        <label htmlFor="import-file">CSV file (the export&apos;s format) or JSON backup</label>
        <input id="import-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required />
        <button type="submit" disabled={pending}>
          Check file
        </button>
      </form>

      {pending ? (
        <p role="status" className="notice">
          Working…
        </p>
      ) : null}
      {tooLarge ? (
        <p role="alert" className="notice">
          The file is larger than {maxBytes / 1024 / 1024} MB; import it with npm run import (docs/csv.md).
        </p>
      ) : null}
      {"message" in state && state.message ? (
        <p role="alert" className="notice">
          {state.message}
        </p>
      ) : null}

      {state.stage === "checked" ? (
        <section aria-labelledby="dry-run-heading">
          <h2 id="dry-run-heading">Dry run: {state.fileName}</h2>
          <p>Nothing has been written yet.</p>
          <ReportSummary report={state.report} />
          {canApply ? (
            <form action={action}>
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="upload" value={state.upload} />
              <input type="hidden" name="fileName" value={state.fileName} />
              <button type="submit" disabled={pending}>
                Apply {state.report.creates + state.report.updates} changes
              </button>
            </form>
          ) : (
            <p className="notice">
              {state.report.errorRows > 0 || state.report.fileErrors.length > 0
                ? "Correct the errors in the file and check it again; a file with errors is never applied in part."
                : "The file changes nothing."}
            </p>
          )}
          <ReportRows report={state.report} />
        </section>
      ) : null}

      {state.stage === "applied" ? (
        <section aria-labelledby="applied-heading">
          <h2 id="applied-heading">Imported: {state.fileName}</h2>
          <p role="status">
            Applied: {state.report.creates} created, {state.report.updates} updated, {state.report.unchanged} unchanged.
          </p>
          <ReportRows report={state.report} />
        </section>
      ) : null}
    </div>
  );
}

function ReportSummary({ report }: { report: ImportReportView }) {
  return (
    <ul aria-label="Summary">
      <li>{report.rows} rows</li>
      <li>{report.creates} to create</li>
      <li>{report.updates} to update</li>
      <li>{report.unchanged} unchanged</li>
      <li>{report.errorRows} with errors</li>
      {report.newActors.length > 0 ? <li>New actors: {report.newActors.join(", ")}</li> : null}
      {report.newTags.length > 0 ? <li>New tags: {report.newTags.join(", ")}</li> : null}
    </ul>
  );
}

function ReportRows({ report }: { report: ImportReportView }) {
  if (report.fileErrors.length > 0) {
    return (
      <ul aria-label="Problems with the file">
        {report.fileErrors.map((error) => (
          <li key={describeError(error)}>{describeError(error)}</li>
        ))}
      </ul>
    );
  }
  return (
    <table className="import__rows">
      <caption>Rows{report.hiddenRows > 0 ? ` (${report.hiddenRows} more not listed)` : ""}</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Result</th>
          <th scope="col">Title</th>
          <th scope="col">Errors</th>
        </tr>
      </thead>
      <tbody>
        {report.listed.map((outcome) => (
          <tr key={outcome.row}>
            <td>{outcome.row}</td>
            <td>{describeAction(outcome)}</td>
            <td>{outcome.title}</td>
            <td>
              {outcome.errors.length > 0 ? (
                <ul>
                  {outcome.errors.map((error) => (
                    <li key={describeError(error)}>{describeError(error)}</li>
                  ))}
                </ul>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
