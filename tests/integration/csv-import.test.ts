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
import { describeAction } from "@/lib/import/report-view";

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

describe("row messages quote the value the file gave", () => {
  it("for dates, types, statuses, URLs and actors", async () => {
    const file = writeFile(
      "quoted.csv",
      [
        "title,date,type,initiators,initiator_codes,targets,status,source_urls",
        "Bad one,2021-13-45,sanktion,,ZZ,,publishd,notaurl",
        "Bad two,2021,statement,Russia,,Russia,draft,ftp://example.org/a",
        "",
      ].join("\n"),
    );
    const report = await dryRunImport(target.prisma, csvFileSource(file), options);
    expect(report.fileErrors).toEqual([]);
    const messages = report.outcomes.map((o) => o.errors.map((e) => `${e.column}: ${e.message}`));
    expect(messages[0]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^date: 2021-13-45: /),
        'type: "sanktion" is not an event type (docs/event-types.md lists them).',
        'status: "publishd" is not a status; use draft or published.',
        expect.stringMatching(/^source_urls: "notaurl": Enter a full web address/),
        expect.stringMatching(/"ZZ"/),
      ]),
    );
    expect(messages[1]).toEqual(expect.arrayContaining([expect.stringMatching(/^source_urls: "ftp:\/\/example.org\/a": /)]));
  });
});

describe("likely duplicates on import (rows without ids)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  const header = "title,date,type,initiators,targets";
  const rows = [
    "Russia expels ten Polish diplomats,2021-04-15,diplomatic-expulsion,Russia,Poland",
    "EU sanctions on Belarus officials,2021-06,sanctions-imposed,European Union,Belarus; Alexander Lukashenko",
    "Statement on the Navalny case,2021,statement,United States,",
  ];

  it("importing the same id-less file twice: the second dry run finds every row a duplicate and creates nothing", async () => {
    const file = writeFile("no-ids.csv", [header, ...rows, ""].join("\n"));
    const first = await applyImport(db.prisma, csvFileSource(file), options);
    expect(first).toMatchObject({ applied: true, creates: 3, duplicates: 0, errorRows: 0 });
    const ids = first.outcomes.map((o) => o.id!);
    const events = await db.prisma.event.count();
    const revisions = await db.prisma.eventRevision.count();

    const again = await dryRunImport(db.prisma, csvFileSource(file), options);
    expect(again).toMatchObject({ creates: 0, updates: 0, duplicates: 3, errorRows: 0 });
    expect(again.outcomes.map((o) => [o.action, o.duplicateOf])).toEqual(ids.map((id) => ["duplicate", { eventId: id }]));
    expect(again.outcomes.map((o) => describeAction(o))).toEqual(ids.map((id) => `duplicate of #${id}`));

    const applied = await applyImport(db.prisma, csvFileSource(file), options);
    expect(applied).toMatchObject({ applied: true, creates: 0, duplicates: 3 });
    expect(await db.prisma.event.count()).toBe(events);
    expect(await db.prisma.eventRevision.count()).toBe(revisions);
  });

  it("folds case and accents in titles and ignores the order of actors", async () => {
    const file = writeFile("folded.csv", [header, "RUSSIA EXPELS TEN POLISH DIPLOMATS,2021-04-15,diplomatic-expulsion,Russia,Poland", "EU sanctions on Bélarus officials,2021-06,sanctions-imposed,European Union,Alexander Lukashenko; Belarus", ""].join("\n"));
    const report = await dryRunImport(db.prisma, csvFileSource(file), options);
    expect(report.outcomes.map((o) => o.action)).toEqual(["duplicate", "duplicate"]);
  });

  it("a near miss is not a duplicate: another target, another date, another type or another title", async () => {
    const file = writeFile(
      "near.csv",
      [
        header,
        "Russia expels ten Polish diplomats,2021-04-15,diplomatic-expulsion,Russia,Czech Republic",
        "Russia expels ten Polish diplomats,2021-04-16,diplomatic-expulsion,Russia,Poland",
        "Russia expels ten Polish diplomats,2021-04,diplomatic-expulsion,Russia,Poland",
        "Russia expels ten Polish diplomats,2021-04-15,statement,Russia,Poland",
        "Russia closes a Polish consulate,2021-04-15,diplomatic-expulsion,Russia,Poland",
        "Russia expels ten Polish diplomats,2021-04-15,diplomatic-expulsion,Russia; Belarus,Poland",
        "",
      ].join("\n"),
    );
    const report = await dryRunImport(db.prisma, csvFileSource(file), options);
    expect(report.outcomes.map((o) => o.action)).toEqual(["create", "create", "create", "create", "create", "create"]);
    expect(report.duplicates).toBe(0);
  });

  it("finds duplicates within one file, across batches, the same in the dry run and the apply", async () => {
    const fresh = await createTestDatabase();
    try {
      const lines = [header, rows[0], "Statement on sanctions,2022-01-10,statement,New Council,", rows[0], "statement on SANCTIONS,2022-01-10,statement,New Council,", ""];
      const file = writeFile("within.csv", lines.join("\n"));
      const dry = await dryRunImport(fresh.prisma, csvFileSource(file, 2), options);
      expect(dry.outcomes.map((o) => describeAction(o))).toEqual(["create", "create", "duplicate of row 2", "duplicate of row 3"]);
      expect(dry).toMatchObject({ creates: 2, duplicates: 2 });
      const applied = await applyImport(fresh.prisma, csvFileSource(file, 2), options);
      expect(applied.outcomes.map((o) => [o.action, o.duplicateOf])).toEqual(dry.outcomes.map((o) => [o.action, o.duplicateOf]));
      expect(await fresh.prisma.event.count()).toBe(2);
      expect(await fresh.prisma.actor.count({ where: { name: "New Council" } })).toBe(1);
    } finally {
      await fresh.dispose();
    }
  });

  it("creates them anyway when asked, and says which they repeat", async () => {
    const file = writeFile("anyway.csv", [header, rows[0], rows[0], ""].join("\n"));
    const before = await db.prisma.event.count();
    const existing = (await db.prisma.event.findFirstOrThrow({ where: { title: "Russia expels ten Polish diplomats" }, select: { id: true } })).id;
    const dry = await dryRunImport(db.prisma, csvFileSource(file), { ...options, createDuplicates: true });
    expect(dry.outcomes.map((o) => describeAction(o))).toEqual([`create (duplicate of #${existing})`, "create (duplicate of row 2)"]);
    expect(dry).toMatchObject({ creates: 2, duplicates: 2 });
    const applied = await applyImport(db.prisma, csvFileSource(file), { ...options, createDuplicates: true });
    expect(applied).toMatchObject({ applied: true, creates: 2, duplicates: 2 });
    expect(await db.prisma.event.count()).toBe(before + 2);
  });

  it("rows with ids keep updating; trashed events are not duplicates", async () => {
    const event = await db.prisma.event.findFirstOrThrow({ where: { title: "Statement on the Navalny case" }, select: { id: true } });
    const withId = writeFile("with-id.csv", ["id,title,date,type,initiators,targets", `${event.id},Statement on the Navalny case,2021,statement,United States,`, ""].join("\n"));
    expect((await dryRunImport(db.prisma, csvFileSource(withId), options)).outcomes.map((o) => o.action)).toEqual(["unchanged"]);
    await db.prisma.event.update({ where: { id: event.id }, data: { deletedAt: new Date() } });
    const file = writeFile("trashed.csv", [header, rows[2], ""].join("\n"));
    expect((await dryRunImport(db.prisma, csvFileSource(file), options)).outcomes.map((o) => o.action)).toEqual(["create"]);
  });
});

function toCsvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}
