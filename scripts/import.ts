/**
 * `npm run import -- <file.csv|file.json> [--dry-run] [--create-duplicates]`: imports a CSV
 * file in the export's format, a JSON export or a JSON backup into DATABASE_URL. Without
 * --dry-run the file is checked and written in one transaction (all rows or none). Rows
 * without an id that likely duplicate an event (or an earlier row) are skipped unless
 * --create-duplicates is given. Exit code 1 when the file has errors (nothing written), 2
 * for a usage error.
 */
import "./lib/env";
import { readEnv } from "../lib/env";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabaseTarget } from "../lib/db/url";
import { countCsvRows } from "../lib/import/csv-source";
import { detectFileKind, importFile } from "../lib/import/import-file";
import { describeAction, describeError } from "../lib/import/report-view";
import { CommandFailed, main } from "./lib/run";

const USAGE = "Usage: npm run import -- <file.csv|file.json> [--dry-run] [--create-duplicates]";
const FLAGS = ["--dry-run", "--create-duplicates"];

await main(async () => {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const createDuplicates = args.includes("--create-duplicates");
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && !FLAGS.includes(a));
  if (files.length !== 1 || unknown.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = path.resolve(files[0] ?? "");
  if (!fs.existsSync(file)) throw new CommandFailed(`No such file: ${file}`);

  const target = resolveDatabaseTarget();
  const kind = detectFileKind(file);
  const total = kind === "csv" ? await countCsvRows(file) : null;
  console.log(`${dryRun ? "Checking" : "Importing"} ${path.basename(file)} (${kind.toUpperCase()}${total === null ? "" : `, ${total} rows`}) into ${target.provider === "sqlite" ? target.file : "PostgreSQL"}`);

  const prisma = createPrismaClient(target);
  const started = Date.now();
  const progress = progressBar(total);
  try {
    // The operator at the command line may restore backups.
    const options = { mode: dryRun ? "dry-run" : "apply", userId: null, canRestoreBackup: true, createDuplicates, onProgress: progress.update } as const;
    const report = await importFile(prisma, file, options);
    progress.done(report.rows);
    const seconds = (Date.now() - started) / 1000;

    for (const error of report.fileErrors) console.error(describeError(error));
    const failed = report.outcomes.filter((o) => o.action === "error");
    for (const outcome of failed.slice(0, 200)) {
      for (const error of outcome.errors) console.error(describeError(error));
    }
    if (failed.length > 200) console.error(`… and ${failed.length - 200} more rows with errors.`);
    const duplicates = report.outcomes.filter((o) => o.duplicateOf !== undefined && o.action !== "error");
    // A few examples; IMPORT_VERBOSE=1 lists every row.
    for (const outcome of duplicates.slice(0, 20)) console.log(`row ${outcome.row}: ${describeAction(outcome)} ${outcome.title}`);
    if (duplicates.length > 20) console.log(`… and ${duplicates.length - 20} more likely duplicates.`);

    console.log(
      `\n${report.rows} rows in ${seconds.toFixed(1)} s (${Math.round(report.rows / Math.max(seconds, 0.001))} rows/s): ` +
        `${report.creates} create, ${report.updates} update, ${report.unchanged} unchanged, ` +
        `${report.duplicates} likely ${report.duplicates === 1 ? "duplicate" : "duplicates"} ${createDuplicates ? "(created anyway)" : "(skipped; --create-duplicates creates them)"}, ` +
        `${report.errorRows} with errors.`,
    );
    if (report.newActors.length > 0) console.log(`New actors (${report.newActors.length}): ${report.newActors.slice(0, 20).join(", ")}${report.newActors.length > 20 ? ", …" : ""}`);
    if (report.newTags.length > 0) console.log(`New tags (${report.newTags.length}): ${report.newTags.slice(0, 20).join(", ")}${report.newTags.length > 20 ? ", …" : ""}`);
    if (readEnv().IMPORT_VERBOSE === "1") {
      for (const outcome of report.outcomes) console.log(`row ${outcome.row}: ${describeAction(outcome)} ${outcome.title}`);
    }

    if (report.fileErrors.length > 0 || report.errorRows > 0) {
      throw new CommandFailed(dryRun ? "The file has errors (see above)." : "The file has errors (see above); nothing was written.");
    }
    if (dryRun) console.log("Dry run: nothing was written.");
    else if (report.creates + report.updates === 0) console.log("Nothing to change: the database already holds this file.");
    else console.log("Applied in one transaction.");
  } finally {
    await prisma.$disconnect();
  }
});

/** A progress bar on a terminal; on a pipe (CI logs), a line every 10%. */
function progressBar(total: number | null) {
  const tty = process.stderr.isTTY;
  let lastShown = -1;
  const render = (rows: number) => {
    if (total === null || total === 0) return `${rows} rows`;
    const ratio = Math.min(rows / total, 1);
    const width = 30;
    const filled = Math.round(ratio * width);
    return `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor(ratio * 100)}% ${rows}/${total} rows`;
  };
  return {
    update: (rows: number) => {
      if (tty) {
        process.stderr.write(`\r${render(rows)}`);
        return;
      }
      const step = total ? Math.floor((rows / total) * 10) : Math.floor(rows / 10_000);
      if (step !== lastShown) {
        lastShown = step;
        process.stderr.write(`${render(rows)}\n`);
      }
    },
    done: (rows: number) => {
      if (tty) process.stderr.write(`\r${render(rows)}\n`);
    },
  };
}
