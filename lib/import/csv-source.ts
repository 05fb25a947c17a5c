import fs from "node:fs";
import { parse, CsvError } from "csv-parse";
import { CSV_COLUMNS } from "@/lib/csv/columns";
import { checkCsvHeader, csvRecordToDraft } from "@/lib/import/csv-row";
import type { ImportRecord } from "@/lib/import/draft";
import type { ColumnOf, RecordSource } from "@/lib/import/engine";
import { IMPORT_LIMITS, shorten, tooManyColumns, type ImportLimits } from "@/lib/import/limits";

/**
 * Excel writes CRLF, other tools LF, old Macs CR: accept all three (quoted line breaks stay
 * in their cell). `max_record_size` stops a record (an unterminated quote, a giant cell)
 * before it fills memory.
 */
const PARSER_OPTIONS = {
  bom: true,
  relax_column_count: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  max_record_size: IMPORT_LIMITS.recordChars,
};

/** Rows checked against the database together (one query for their ids). */
export const IMPORT_BATCH_SIZE = 500;

/**
 * Reads a CSV file in the export's format as it streams from disk (csv-parse), in batches:
 * memory stays flat for any number of rows. Row numbers are spreadsheet rows: the header is
 * row 1, and a cell with line breaks does not shift the numbering.
 */
export function csvFileSource(file: string, batchSize = IMPORT_BATCH_SIZE, limits: ImportLimits = IMPORT_LIMITS): RecordSource {
  return () => readCsv(fs.createReadStream(file), batchSize, limits);
}

async function* readCsv(input: NodeJS.ReadableStream, batchSize: number, limits: ImportLimits): AsyncGenerator<ImportRecord[]> {
  const parser = input.pipe(parse({ ...PARSER_OPTIONS, max_record_size: limits.recordChars }));
  let header: string[] | null = null;
  let row = 0;
  let dataRows = 0;
  let batch: ImportRecord[] = [];
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      if (header === null) {
        if (cells.length > limits.columns) {
          yield [{ row: 1, draft: { id: null }, errors: [tooManyColumns(cells.length, limits.columns)], fileError: true }];
          return;
        }
        header = cells.map((c) => shorten(c.trim().toLowerCase(), 60));
        const errors = checkCsvHeader(header, CSV_COLUMNS);
        if (errors.length > 0) {
          yield [{ row: 1, draft: { id: null }, errors, fileError: true }];
          return;
        }
        continue;
      }
      if (cells.every((c) => c.trim() === "")) continue;
      if (dataRows >= limits.rows) {
        if (batch.length > 0) yield batch;
        const message = `The file has more than ${limits.rows.toLocaleString("en")} rows; split it into smaller files.`;
        yield [{ row, draft: { id: null }, errors: [{ row, column: "", message }], fileError: true }];
        return;
      }
      dataRows += 1;
      const long = cells.findIndex((c) => c.length > limits.cellChars);
      if (long >= 0) {
        const column = header[long] ?? "";
        const message = `This cell has ${(cells[long] ?? "").length.toLocaleString("en")} characters; at most ${limits.cellChars.toLocaleString("en")} are accepted.`;
        batch.push({ row, draft: { id: null }, errors: [{ row, column, message }] });
      } else if (cells.length !== header.length) {
        batch.push({
          row,
          draft: { id: null },
          errors: [{ row, column: "", message: `This row has ${cells.length} cells; the header has ${header.length}.` }],
        });
      } else {
        const byColumn: Record<string, string> = {};
        header.forEach((column, i) => (byColumn[column] = cells[i] ?? ""));
        batch.push(csvRecordToDraft(byColumn, row));
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (batch.length > 0) yield batch;
    const message =
      error.code === "CSV_MAX_RECORD_SIZE"
        ? `Row ${row + 1} is longer than ${limits.recordChars.toLocaleString("en")} characters (perhaps a quote that is never closed); nothing after it was read.`
        : `The file is not valid CSV: ${shorten(error.message, 300)}`;
    yield [{ row: row + 1, draft: { id: null }, errors: [{ row: row + 1, column: "", message }], fileError: true }];
    return;
  }
  if (header === null) {
    yield [{ row: 1, draft: { id: null }, errors: [{ row: 1, column: "", message: "The file is empty." }], fileError: true }];
    return;
  }
  if (batch.length > 0) yield batch;
}

const CSV_COLUMN_OF_FIELD: Record<string, string> = {
  id: "id",
  title: "title",
  summary: "summary",
  date: "date",
  endDate: "end_date",
  type: "type",
  status: "status",
  legalBasis: "legal_basis",
  location: "location",
  initiatorIds: "initiators",
  targetIds: "targets",
  tags: "tags",
  relations: "responds_to",
  measures: "measures",
};

/** The CSV column a validation problem belongs to. */
export const csvColumnOf: ColumnOf = (path) => {
  const [field, , part] = path;
  if (field === "sources") return part === "title" ? "source_titles" : "source_urls";
  return CSV_COLUMN_OF_FIELD[String(field)] ?? String(field ?? "");
};

/** The number of data rows (records after the header), for a progress bar; reads the file once more. */
export async function countCsvRows(file: string): Promise<number> {
  let records = 0;
  const parser = fs.createReadStream(file).pipe(parse(PARSER_OPTIONS));
  try {
    for await (const record of parser as AsyncIterable<string[]>) if (record.some((c) => c.trim() !== "")) records += 1;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
  }
  return Math.max(records - 1, 0);
}
