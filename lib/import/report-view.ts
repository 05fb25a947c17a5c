import type { DuplicateOf, ImportReport, RowOutcome } from "@/lib/import/engine";
import type { RowError } from "@/lib/import/draft";
import { shorten } from "@/lib/import/limits";

/** Largest upload the admin page takes (the upload route streams it to disk and stops there). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** How many rows the page lists; the counts always cover the whole file. */
export const LISTED_ROWS = 500;
export const LISTED_ERRORS = 1000;
export const LISTED_NAMES = 200;

function shortenError(error: RowError): RowError {
  return { ...error, column: shorten(error.column, 60), message: shorten(error.message, 300) };
}

/** What the admin page shows of a report: small enough to send to the browser for any file size. */
export type ImportReportView = Omit<ImportReport, "outcomes"> & {
  /** Every row with errors (up to LISTED_ERRORS) and every likely duplicate (up to LISTED_ERRORS), then the others (up to LISTED_ROWS), in file order. */
  listed: RowOutcome[];
  hiddenRows: number;
};

export function toReportView(report: ImportReport): ImportReportView {
  const errors = report.outcomes.filter((o) => o.action === "error").slice(0, LISTED_ERRORS);
  const duplicates = report.outcomes.filter((o) => o.action !== "error" && o.duplicateOf !== undefined).slice(0, LISTED_ERRORS);
  const others = report.outcomes.filter((o) => o.action !== "error" && o.duplicateOf === undefined).slice(0, LISTED_ROWS);
  // Whatever a file put in a cell is shown shortened: a 50 MB cell is not sent back whole.
  const listed = errors
    .concat(duplicates, others)
    .sort((a, b) => a.row - b.row)
    .map((o) => ({ ...o, title: shorten(o.title), errors: o.errors.map(shortenError) }));
  const { outcomes, ...counts } = report;
  return {
    ...counts,
    fileErrors: counts.fileErrors.map(shortenError),
    newActors: counts.newActors.slice(0, LISTED_NAMES).map((n) => shorten(n)),
    newTags: counts.newTags.slice(0, LISTED_NAMES).map((n) => shorten(n)),
    listed,
    hiddenRows: outcomes.length - listed.length,
  };
}

/** "duplicate of #12" or "duplicate of row 3". */
export function describeDuplicate(of: DuplicateOf): string {
  return "eventId" in of ? `duplicate of #${of.eventId}` : `duplicate of row ${of.row}`;
}

/**
 * "create", "update (12)", "unchanged (12)", "duplicate of #12", "duplicate of row 3",
 * "create (duplicate of #12)" or "error", as the report and the command line say it.
 */
export function describeAction(outcome: Pick<RowOutcome, "action" | "id" | "duplicateOf">): string {
  if (outcome.action === "update" || outcome.action === "unchanged") return `${outcome.action} (${outcome.id})`;
  if (outcome.action === "duplicate" && outcome.duplicateOf) return describeDuplicate(outcome.duplicateOf);
  if (outcome.action === "create") {
    const notes = [outcome.id !== null ? String(outcome.id) : null, outcome.duplicateOf ? describeDuplicate(outcome.duplicateOf) : null].filter(Boolean);
    return notes.length > 0 ? `create (${notes.join(", ")})` : "create";
  }
  return outcome.action;
}

/** One line per problem: "row 4, date: 2021-02-30: February 2021 has no day 30." */
export function describeError(error: RowError): string {
  return `row ${error.row}${error.column ? `, ${error.column}` : ""}: ${error.message}`;
}
