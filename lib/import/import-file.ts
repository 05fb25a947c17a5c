import fs from "node:fs";
import type { Db, PrismaClient } from "@/lib/db/client";
import { csvColumnOf, csvFileSource } from "@/lib/import/csv-source";
import { applyImport, dryRunImport, type ImportReport, type RecordSource } from "@/lib/import/engine";
import { jsonColumnOf, readJsonImport } from "@/lib/import/json-source";

export type ImportMode = "dry-run" | "apply";

export type ImportFileOptions = {
  mode: ImportMode;
  /** Who the revisions are recorded for (null for the command line). */
  userId: number | null;
  onProgress?: (rows: number) => void;
  /**
   * Whether a backup may be restored: it writes revisions with their authors and times and
   * actors as given, so it is for admins (and the operator's command line) only.
   */
  canRestoreBackup: boolean;
  /** Create rows without an id that likely duplicate an event (skipped by default); see ImportOptions. */
  createDuplicates?: boolean;
};

export type FileKind = "csv" | "json";

/** CSV unless the file starts (after a byte-order mark and blanks) with `{` or `[`. */
export function detectFileKind(file: string): FileKind {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(256);
    const length = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, length).toString("utf8").replace(/^\uFEFF/, "").trimStart();
    return text.startsWith("{") || text.startsWith("[") ? "json" : "csv";
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Imports a CSV file (the export's format) or a JSON export or backup: a dry run reports
 * what each row would do; apply writes all of it in one transaction, or nothing.
 */
export async function importFile(db: PrismaClient, file: string, options: ImportFileOptions): Promise<ImportReport & { kind: FileKind }> {
  const run = options.mode === "apply" ? applyImport : dryRunImport;
  const base = { userId: options.userId, onProgress: options.onProgress, createDuplicates: options.createDuplicates ?? false };
  if (detectFileKind(file) === "csv") {
    return { kind: "csv", ...(await run(db, csvFileSource(file), { ...base, columnOf: csvColumnOf })) };
  }
  const json = readJsonImport(fs.readFileSync(file, "utf8"));
  if (json.kind === "backup" && !options.canRestoreBackup) {
    const message = "Restoring a backup is for admins. Ask an admin, or import the events as a JSON export (an array of events) or CSV.";
    const refused: RecordSource = async function* () {
      yield [{ row: 1, draft: { id: null }, errors: [{ row: 1, column: "", message }], fileError: true }];
    };
    return { kind: "json", ...(await run(db, refused, { ...base, columnOf: jsonColumnOf })) };
  }
  const { summary } = json;
  const hooks = summary
    ? {
        ...json.hooks,
        // The restore itself is on the record, by whoever ran it, in the same transaction.
        afterEvents: async (tx: Db, created: ReadonlySet<number>) => {
          await json.hooks.afterEvents?.(tx, created);
          await tx.auditLog.create({
            data: {
              action: "backup.restore",
              subjectType: "backup",
              subjectId: summary.exportedAt,
              details: JSON.stringify({ ...summary, createdEvents: created.size }),
              userId: options.userId,
            },
          });
        },
      }
    : json.hooks;
  return { kind: "json", ...(await run(db, json.source, { ...base, columnOf: jsonColumnOf, ...hooks })) };
}
