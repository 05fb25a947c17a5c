/**
 * npm run bench:import-writes [-- 20000]
 *
 * Saves during a long import (issue 11, item 7; decision 0017): on a fresh SQLite database
 * with the example events, applies an N-row CSV of new events while one editor saves a new
 * event every 100 ms. Prints the import's duration and the saves' p50 / p95 / max latency and
 * failures, beside the same saves' latency with no import running (the ceiling of this run)
 * and the load average. Then the same with the one-transaction apply (what a backup restore
 * still uses, forced here with an empty restoreExtras) on a second copy of the events, for comparison.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-import-writes-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;

const { migrateDatabase } = await import("../scripts/lib/migrate");
migrateDatabase(undefined, { quiet: true });
const { seedIfEmpty } = await import("../scripts/db-seed");
await seedIfEmpty();
const { prisma } = await import("@/lib/db");
const { createEvent } = await import("@/lib/events/write");
const { exportCsvText } = await import("@/lib/export/export-text");
const { csvColumnOf, csvFileSource } = await import("@/lib/import/csv-source");
const { applyImport } = await import("@/lib/import/engine");

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const header = ((await exportCsvText(prisma)).split("\r\n")[0] ?? "").split(",");
const day = (i: number) => new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const cell = (c: string, i: number) => (c === "title" ? `Bench import ${i}` : c === "date" ? day(i) : c === "type" ? "statement" : c === "initiators" ? "Russia" : "");
const file = path.join(dir, "import.csv");
fs.writeFileSync(file, [header.join(","), ...Array.from({ length: n }, (_, i) => header.map((c) => cell(c, i)).join(",")), ""].join("\r\n"));

let saves = 0;
async function save(): Promise<number> {
  saves += 1;
  const started = performance.now();
  await prisma.$transaction((tx) =>
    createEvent(
      tx,
      {
        title: `Bench save ${saves}`,
        summary: "",
        date: { precision: "day", start: "2024-01-01", end: "2024-01-01", value: "2024-01-01" },
        endDate: null,
        type: "statement",
        status: "published",
        legalBasis: null,
        location: null,
        initiatorIds: [],
        targetIds: [],
        tags: [],
        sources: [],
        measures: [],
        relations: [],
      } as never,
      { userId: null },
    ),
  );
  return performance.now() - started;
}

async function savesWhile(running: () => boolean): Promise<{ ms: number[]; failed: number }> {
  const ms: number[] = [];
  let failed = 0;
  while (running()) {
    try {
      ms.push(await save());
    } catch {
      failed += 1;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ms: ms.sort((a, b) => a - b), failed };
}

const line = (label: string, r: { ms: number[]; failed: number }) =>
  `${label.padEnd(22)} saves ${String(r.ms.length).padStart(4)}  failed ${String(r.failed).padStart(3)}  p50 ${quantile(r.ms, 0.5).toFixed(0).padStart(5)} ms  p95 ${quantile(r.ms, 0.95).toFixed(0).padStart(5)} ms  max ${(r.ms.at(-1) ?? 0).toFixed(0).padStart(5)} ms  load ${load()}`;

try {
  const idleEnd = Date.now() + 5_000;
  const idle = await savesWhile(() => Date.now() < idleEnd);
  for (const mode of ["staged", "one transaction"] as const) {
    let done = false;
    const started = performance.now();
    const during = savesWhile(() => !done);
    const source = csvFileSource(file);
    const offset = mode === "staged" ? undefined : () => undefined;
    const report = await applyImport(prisma, source, { userId: null, columnOf: csvColumnOf, createDuplicates: true, restoreExtras: offset });
    const seconds = (performance.now() - started) / 1000;
    done = true;
    console.log(`SQLite, ${mode}: import of ${n.toLocaleString("en-GB")} rows: applied ${report.applied}, ${report.creates} creates, ${seconds.toFixed(1)} s (${(n / seconds).toFixed(0)} rows/s)`);
    console.log(line("idle (ceiling)", idle));
    console.log(line(`during (${mode})`, await during));
  }
} finally {
  await prisma.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
