import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvFileSource } from "./csv-source";
import type { ImportRecord } from "./draft";
import { appendUpTo, IMPORT_LIMITS, shorten, type ImportLimits } from "./limits";
import { toReportView } from "./report-view";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-csv-limits-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

async function read(target: string, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const batch of csvFileSource(target, 500, limits)()) for (const record of batch) records.push(record);
  return records;
}

const HEADER = "title,date,type,initiators";

describe("import limits", () => {
  it("a header of a million columns is one clear file error, not a stack overflow", async () => {
    const records = await read(file("wide.csv", `${",".repeat(999_999)}\nx\n`));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ fileError: true, row: 1 });
    expect(records[0]!.errors).toEqual([
      { row: 1, column: "", message: "The header has 1,000,000 columns; at most 100 are accepted (docs/csv.md lists the columns)." },
    ]);
  });

  it("a million named columns (over the record limit) stop the file with a message", async () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",");
    const [record] = await read(file("wider.csv", `${header}\n`));
    expect(record?.errors[0]?.message).toBe(
      "Row 1 is longer than 1,000,000 characters (perhaps a quote that is never closed); nothing after it was read.",
    );
  });

  it("a data row of a million cells is a row error", async () => {
    const records = await read(file("wide-row.csv", `${HEADER}\n${"x,".repeat(400_000)}\nTitle,2021,statement,US\n`));
    expect(records[0]!.errors[0]?.message).toBe("This row has 400001 cells; the header has 4.");
    expect(records[1]!.errors).toEqual([]);
  });

  it("a cell longer than the cell limit is named, and what is shown of it stays short", async () => {
    const long = "y".repeat(IMPORT_LIMITS.cellChars + 1);
    const records = await read(file("long-cell.csv", `${HEADER}\n${long},2021,statement,US\n`));
    expect(records[0]!.errors).toEqual([{ row: 2, column: "title", message: "This cell has 100,001 characters; at most 100,000 are accepted." }]);
  });

  it("a 50 MB cell (an unclosed quote) ends the file with a short message", async () => {
    const huge = `${HEADER}\n"${"z".repeat(50 * 1024 * 1024)}`;
    const records = await read(file("huge.csv", huge));
    const last = records.at(-1)!;
    expect(last.fileError).toBe(true);
    expect(last.errors[0]!.message).toMatch(/^Row 2 is longer than 1,000,000 characters/);
    expect(JSON.stringify(records).length).toBeLessThan(2000);
  });

  it("stops at the row limit", async () => {
    const rows = Array.from({ length: 6 }, (_, i) => `T${i},2021,statement,US`).join("\n");
    const records = await read(file("rows.csv", `${HEADER}\n${rows}\n`), { ...IMPORT_LIMITS, rows: 5 });
    expect(records).toHaveLength(6);
    expect(records.at(-1)).toMatchObject({ fileError: true, row: 7 });
    expect(records.at(-1)!.errors[0]!.message).toBe("The file has more than 5 rows; split it into smaller files.");
  });

  it("the report shown to the browser shortens whatever the file put in titles and messages", () => {
    const title = "t".repeat(5000);
    const view = toReportView({
      applied: false,
      rows: 1,
      creates: 0,
      updates: 0,
      duplicates: 0,
      unchanged: 0,
      errorRows: 1,
      fileErrors: [],
      outcomes: [{ row: 2, action: "error", id: null, title, errors: [{ row: 2, column: "date", message: `"${"d".repeat(9000)}" is not a date.` }] }],
      newActors: [],
      newTags: [],
    });
    expect(view.listed[0]!.title).toHaveLength(IMPORT_LIMITS.shown);
    expect(view.listed[0]!.errors[0]!.message.length).toBeLessThanOrEqual(300);
  });

  it("helpers: shorten marks the cut; appendUpTo takes any number of items without spreading", () => {
    expect(shorten("abcdef", 4)).toBe("abc…");
    expect(shorten("abc", 4)).toBe("abc");
    const target: number[] = [];
    appendUpTo(target, Array.from({ length: 1_000_000 }, (_, i) => i), 10);
    expect(target).toHaveLength(10);
  });
});
