import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvColumnOf, csvFileSource } from "@/lib/import/csv-source";
import { applyImport, dryRunImport } from "@/lib/import/engine";
import { createTestDatabase, type TestDatabase } from "./database";
import { loadExamples } from "./example-data";
import { exportCsvText as exportCsv } from "@/lib/export/export-text";
import { snapshotSearchText } from "@/lib/events/search-text";
import { readEventSnapshot } from "@/lib/events/snapshot";

let source: TestDatabase;
let target: TestDatabase;
let dir: string;
let exported: string;

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-import-"));
  source = await createTestDatabase();
  target = await createTestDatabase();
  await loadExamples(source.prisma);
  exported = await exportCsv(source.prisma);
});

afterAll(async () => {
  await source.dispose();
  await target.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const options = { userId: null, columnOf: csvColumnOf };

describe("CSV export -> import -> export", () => {
  it("matches the documented example file (docs/examples), apart from the load times", () => {
    const withoutTimes = (text: string) => (parse(text) as string[][]).map((row) => row.slice(0, -1));
    const documented = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/examples/demarche-events-example.csv"), "utf8");
    expect(withoutTimes(exported)).toEqual(withoutTimes(documented));
    expect((parse(exported) as string[][])[0]?.at(-1)).toBe("updated_at");
  });

  it("reads in small batches exactly what it reads in one", async () => {
    expect(await exportCsv(source.prisma, "", { batchSize: 3 })).toBe(exported);
  });

  it("a dry run reports every row and writes nothing", async () => {
    const file = writeFile("all.csv", exported);
    const report = await dryRunImport(target.prisma, csvFileSource(file), options);
    const published = await source.prisma.event.count({ where: { status: "published", deletedAt: null } });
    expect(report.fileErrors).toEqual([]);
    expect(report.errorRows).toBe(0);
    expect(report.creates).toBe(published);
    expect(report.applied).toBe(false);
    expect(report.newActors.length).toBeGreaterThan(0);
    expect(await target.prisma.event.count()).toBe(0);
    expect(await target.prisma.actor.count()).toBe(0);
  });

  it("applies into an empty database and exports an identical file", async () => {
    const file = writeFile("all.csv", exported);
    const report = await applyImport(target.prisma, csvFileSource(file, 4), options);
    expect(report.errorRows).toBe(0);
    expect(report.applied).toBe(true);
    expect(await exportCsv(target.prisma)).toBe(exported);
    const revisions = await target.prisma.eventRevision.findMany({ select: { kind: true } });
    expect(revisions.length).toBe(report.creates);
    expect(new Set(revisions.map((r) => r.kind))).toEqual(new Set(["import"]));
  });

  it("re-importing the same file changes nothing", async () => {
    const file = writeFile("all.csv", exported);
    const before = await target.prisma.eventRevision.count();
    const report = await applyImport(target.prisma, csvFileSource(file), options);
    expect(report.applied).toBe(true);
    expect(report.creates + report.updates).toBe(0);
    expect(report.unchanged).toBe(report.rows);
    expect(await target.prisma.eventRevision.count()).toBe(before);
    expect(await exportCsv(target.prisma)).toBe(exported);
  });

  it("a file with one bad row applies nothing and names that row and column", async () => {
    const rows = parse(exported) as string[][];
    const header = rows[0]!;
    const lines = exported.split("\r\n");
    // A new event (no id), a changed title for an existing one, and one impossible date.
    const newRow = header.map((c) =>
      c === "title" ? "New event from a spreadsheet" : c === "date" ? "2022-03" : c === "type" ? "statement" : c === "initiators" ? "Russia" : "",
    );
    const changed = rows[1]!.map((cell, i) => (header[i] === "title" ? `${cell} (corrected)` : cell));
    const bad = rows[2]!.map((cell, i) => (header[i] === "date" ? "2021-02-30" : cell));
    const text = [lines[0], newRow.join(","), toCsvLine(changed), toCsvLine(bad), ""].join("\r\n");
    const file = writeFile("bad.csv", text);
    const beforeTitles = await target.prisma.event.findMany({ select: { title: true }, orderBy: { id: "asc" } });

    const report = await applyImport(target.prisma, csvFileSource(file), options);
    expect(report.applied).toBe(false);
    expect(report.errorRows).toBe(1);
    expect(report.outcomes.map((o) => o.action)).toEqual(["create", "update", "error"]);
    expect(report.outcomes[2]!.errors).toEqual([{ row: 4, column: "date", message: "2021-02-30: February 2021 has no day 30." }]);
    expect(await target.prisma.event.findMany({ select: { title: true }, orderBy: { id: "asc" } })).toEqual(beforeTitles);
  });
});

describe("hostile CSV files", () => {
  it("a million columns, a giant cell and a too-long row give clear messages and write nothing", async () => {
    const before = await target.prisma.event.count();
    const wide = writeFile("wide.csv", `${",".repeat(999_999)}\nx\n`);
    const report = await applyImport(target.prisma, csvFileSource(wide), options);
    expect(report.applied).toBe(false);
    expect(report.fileErrors.map((e) => e.message)).toEqual([
      "The header has 1,000,000 columns; at most 100 are accepted (docs/csv.md lists the columns).",
    ]);

    const named = writeFile("named.csv", `${Array.from({ length: 5000 }, (_, i) => `unknown${i}`).join(",")}\n`);
    const unknown = await dryRunImport(target.prisma, csvFileSource(named), options);
    expect(unknown.fileErrors).toHaveLength(1);

    const header = "title,date,type,initiators";
    const cell = writeFile("cell.csv", `${header}\n${"s".repeat(200_000)},2021,statement,Russia\nFine,2021,statement,Russia\n`);
    const cells = await dryRunImport(target.prisma, csvFileSource(cell), options);
    expect(cells.outcomes.map((o) => o.action)).toEqual(["error", "create"]);
    expect(cells.outcomes[0]!.errors[0]).toEqual({ row: 2, column: "title", message: "This cell has 200,000 characters; at most 100,000 are accepted." });
    expect(cells.outcomes[0]!.title).toBe("");
    expect(await target.prisma.event.count()).toBe(before);
  });
});

describe("the import's bulk writes", () => {
  it("store what the single-event writer would: revisions equal to the stored events, the same search text", async () => {
    const rows = parse(exported) as string[][];
    const header = rows[0]!;
    const lines = exported.split("\r\n");
    const newRow = header.map((c) =>
      c === "title" ? "Added from a sheet" : c === "date" ? "2023-05-02" : c === "type" ? "statement" : c === "initiators" ? "Russia; New Council" : c === "tags" ? "Fresh tag" : "",
    );
    const changed = rows[1]!.map((cell, i) => (header[i] === "title" ? `${cell} (bulk edit)` : header[i] === "tags" ? "Another new tag" : cell));
    const file = writeFile("bulk.csv", [lines[0], newRow.join(","), toCsvLine(changed), ""].join("\r\n"));
    const report = await applyImport(target.prisma, csvFileSource(file), { ...options, userId: null });
    expect(report.outcomes.map((o) => o.action)).toEqual(["create", "update"]);
    expect(report.applied).toBe(true);

    for (const outcome of report.outcomes) {
      const id = outcome.id!;
      const stored = (await readEventSnapshot(target.prisma, id))!;
      const last = await target.prisma.eventRevision.findFirst({ where: { eventId: id }, orderBy: { id: "desc" } });
      expect(last).toMatchObject({ kind: "import", version: stored.version, userId: null });
      expect(JSON.parse(last!.snapshot)).toEqual(stored);
      const row = await target.prisma.event.findUniqueOrThrow({ where: { id }, select: { searchText: true } });
      expect(row.searchText).toBe(snapshotSearchText(stored));
    }
    const created = (await readEventSnapshot(target.prisma, report.outcomes[0]!.id!))!;
    expect(created).toMatchObject({ title: "Added from a sheet", version: 1, tags: ["Fresh tag"], status: "draft" });
    expect(created.initiators.map((a) => a.name)).toEqual(["Russia", "New Council"]);
    const updated = (await readEventSnapshot(target.prisma, report.outcomes[1]!.id!))!;
    expect(updated).toMatchObject({ version: 2, tags: ["Another new tag"] });
    expect(updated.title).toMatch(/\(bulk edit\)$/);

    // The same file again: nothing changes, no revision is added.
    const revisions = await target.prisma.eventRevision.count();
    const again = await applyImport(target.prisma, csvFileSource(writeFile("bulk-again.csv", [lines[0], toCsvLine(changed), ""].join("\r\n"))), options);
    expect(again.outcomes.map((o) => o.action)).toEqual(["unchanged"]);
    expect(await target.prisma.eventRevision.count()).toBe(revisions);
  });
});

function toCsvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}
