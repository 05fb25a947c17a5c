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
    expect(report.outcomes[2]!.errors).toEqual([{ row: 4, column: "date", message: "2021-02 has no day 30." }]);
    expect(await target.prisma.event.findMany({ select: { title: true }, orderBy: { id: "asc" } })).toEqual(beforeTitles);
  });
});

function toCsvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}
