import fs from "node:fs";
import type { PrismaClient } from "@/lib/db/client";
import { csvColumnOf, csvFileSource } from "@/lib/import/csv-source";
import { applyImport, dryRunImport, type ImportReport } from "@/lib/import/engine";
import { jsonColumnOf, readJsonImport } from "@/lib/import/json-source";

export type ImportMode = "dry-run" | "apply";

export type ImportFileOptions = {
  mode: ImportMode;
  /** Who the revisions are recorded for (null for the command line). */
  userId: number | null;
  onProgress?: (rows: number) => void;
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
  const base = { userId: options.userId, onProgress: options.onProgress };
  if (detectFileKind(file) === "csv") {
    return { kind: "csv", ...(await run(db, csvFileSource(file), { ...base, columnOf: csvColumnOf })) };
  }
  const json = readJsonImport(fs.readFileSync(file, "utf8"));
  return { kind: "json", ...(await run(db, json.source, { ...base, columnOf: jsonColumnOf, ...json.hooks })) };
}
