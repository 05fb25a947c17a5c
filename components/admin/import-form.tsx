"use client";

import { useActionState, useState } from "react";
import { importAction, type ImportFormState } from "@/lib/import/actions";
import { describeAction, describeDuplicate, describeError, type ImportReportView } from "@/lib/import/report-view";

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
        <div className="field">
          <label htmlFor="import-file">CSV file (the export&apos;s format) or JSON backup</label>
          <p className="hint" id="import-file-hint">
            At most {maxBytes / 1024 / 1024} MB here; larger files with <code>npm run import</code>.
          </p>
          <input id="import-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" aria-describedby="import-file-hint" required />
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="createDuplicates" defaultChecked={state.stage !== "start" && state.createDuplicates} aria-describedby="import-duplicates-hint" />{" "}
            Create likely duplicates too
          </label>
          <p className="hint" id="import-duplicates-hint">
            A row without an id that has the same date, type, initiators and targets and a similar title as an event
            already recorded (or an earlier row) is skipped unless this is ticked.
          </p>
        </div>
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
          <DuplicateNote report={state.report} createDuplicates={state.createDuplicates} />
          {canApply ? (
            <form action={action}>
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="upload" value={state.upload} />
              <input type="hidden" name="fileName" value={state.fileName} />
              <input type="hidden" name="createDuplicates" value={String(state.createDuplicates)} />
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
            Applied: {state.report.creates} created, {state.report.updates} updated, {state.report.unchanged} unchanged
            {state.report.duplicates > 0 ? `, ${state.report.duplicates} likely ${plural(state.report.duplicates, "duplicate")} ${state.createDuplicates ? "created anyway" : "skipped"}` : ""}.
          </p>
          <ReportRows report={state.report} />
        </section>
      ) : null}
    </div>
  );
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function ReportSummary({ report }: { report: ImportReportView }) {
  return (
    <ul aria-label="Summary" className="import__summary">
      <li>{report.rows} rows</li>
      <li>{report.creates} to create</li>
      <li>{report.updates} to update</li>
      <li>{report.unchanged} unchanged</li>
      <li>
        {report.duplicates} likely {plural(report.duplicates, "duplicate")}
      </li>
      <li>{report.errorRows} with errors</li>
      {report.newActors.length > 0 ? <li>New actors: {report.newActors.join(", ")}</li> : null}
      {report.newTags.length > 0 ? <li>New tags: {report.newTags.join(", ")}</li> : null}
    </ul>
  );
}

/** What happens to the likely duplicates, and how to choose otherwise (the choice is made when checking). */
function DuplicateNote({ report, createDuplicates }: { report: ImportReportView; createDuplicates: boolean }) {
  if (report.duplicates === 0) return null;
  const rows = `${report.duplicates} ${plural(report.duplicates, "row")}`;
  return (
    <p className="notice" data-testid="duplicate-note">
      {createDuplicates
        ? `${rows} look like events already recorded or earlier rows; they will be created anyway, as you chose. To skip them, untick "Create likely duplicates too" and check the file again.`
        : `${rows} look like events already recorded or earlier rows and will be skipped. To create them anyway, tick "Create likely duplicates too" and check the file again.`}
    </p>
  );
}

function ResultCell({ outcome }: { outcome: ImportReportView["listed"][number] }) {
  if (outcome.action === "error") {
    return (
      <strong className="import-result import-result--error">
        <span aria-hidden="true">✗ </span>Error
      </strong>
    );
  }
  const of = outcome.duplicateOf;
  if (of === undefined) return <>{describeAction(outcome)}</>;
  // The words of describeAction, with "#12" linking to the event the row repeats.
  const created = outcome.action === "create";
  const described = "eventId" in of ? (
    <>
      duplicate of <a href={`/admin/events/${of.eventId}/edit`}>#{of.eventId}</a>
    </>
  ) : (
    describeDuplicate(of)
  );
  return (
    <span className="import-result import-result--duplicate">
      {created ? `create (${outcome.id !== null ? `${outcome.id}, ` : ""}` : null}
      {described}
      {created ? ")" : null}
    </span>
  );
}

function ReportRows({ report }: { report: ImportReportView }) {
  if (report.fileErrors.length > 0) {
    return (
      <ul aria-label="Problems with the file" className="import__file-errors">
        {report.fileErrors.map((error) => (
          <li key={describeError(error)}>{describeError(error)}</li>
        ))}
      </ul>
    );
  }
  return (
    // Focusable, so that keyboard users can scroll the table when it is wider than a phone.
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Rows of the file">
      <table className="admin-table import-rows">
        <caption>
          Rows{report.hiddenRows > 0 ? ` (${report.hiddenRows} more not listed)` : ""}
          {report.errorRows > 0 ? `; ${report.errorRows} with errors, marked ✗ Error` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Result</th>
            <th scope="col">Title</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {report.listed.map((outcome) => (
            <tr key={outcome.row} className={outcome.action === "error" ? "import-row--error" : outcome.action === "duplicate" ? "import-row--duplicate" : undefined}>
              <th scope="row">{outcome.row}</th>
              <td>
                <ResultCell outcome={outcome} />
              </td>
              <td>{outcome.title}</td>
              <td>
                {outcome.errors.length > 0 ? (
                  <ul className="import-row__errors">
                    {outcome.errors.map((error) => (
                      <li key={describeError(error)}>
                        {error.column ? <span className="import-row__column">{error.column}: </span> : null}
                        {error.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
