import { splitAlignedList, splitList, type CsvColumn } from "@/lib/csv/columns";
import { restoreFormula } from "@/lib/csv/formula";
import type { EventDraft, ImportRecord, RowError, SourceDraft } from "@/lib/import/draft";

/** The columns an import file must have; every other export column may be left out. */
export const REQUIRED_CSV_COLUMNS = ["title", "date", "type"] as const satisfies readonly CsvColumn[];

/**
 * Columns that are derived from others and only informative in a file: the importer reads
 * `date` and ignores these, so a spreadsheet edit of `date` alone is enough.
 */
export const DERIVED_CSV_COLUMNS = ["date_precision", "date_start", "date_end"] as const satisfies readonly CsvColumn[];

const ID = /^[1-9]\d{0,9}$/;

/** Checks the header row; returns problems that make the whole file unreadable. */
export function checkCsvHeader(columns: readonly string[], known: readonly string[]): RowError[] {
  const errors: RowError[] = [];
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!columns.includes(required)) errors.push({ row: 1, column: required, message: `The file has no "${required}" column.` });
  }
  if (!columns.includes("initiators") && !columns.includes("initiator_codes")) {
    errors.push({ row: 1, column: "initiators", message: 'The file needs an "initiators" or an "initiator_codes" column.' });
  }
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) errors.push({ row: 1, column, message: `The column "${column}" appears twice.` });
    seen.add(column);
    if (!known.includes(column)) {
      errors.push({ row: 1, column, message: `Unknown column "${column}". Columns are listed in docs/csv.md.` });
    }
  }
  return errors;
}

/**
 * Reads one CSV record (cells by column name) into a draft. `row` is the spreadsheet row
 * number (the header is row 1). Cells are trimmed and the exporter's formula escape is undone.
 */
export function csvRecordToDraft(cells: Readonly<Record<string, string | undefined>>, row: number): ImportRecord {
  const errors: RowError[] = [];
  const cell = (column: CsvColumn): string | undefined => {
    const raw = cells[column];
    return raw === undefined ? undefined : restoreFormula(raw.trim());
  };
  const text = (column: CsvColumn) => cell(column);
  const nullable = (column: CsvColumn) => {
    const value = cell(column);
    return value === undefined ? undefined : value === "" ? null : value;
  };
  const list = (column: CsvColumn) => {
    const value = cell(column);
    return value === undefined ? undefined : splitList(value);
  };

  const aligned = (column: CsvColumn) => {
    const value = cell(column);
    return value === undefined ? undefined : splitAlignedList(value);
  };

  let id: number | null = null;
  const idCell = cell("id");
  if (idCell !== undefined && idCell !== "") {
    if (ID.test(idCell)) id = Number(idCell);
    else errors.push({ row, column: "id", message: `"${idCell}" is not an event id (a whole number, or empty for a new event).` });
  }

  const draft: EventDraft = {
    id,
    title: text("title"),
    summary: text("summary"),
    date: text("date"),
    endDate: nullable("end_date"),
    type: text("type")?.toLowerCase(),
    status: nonEmpty(text("status")?.toLowerCase()),
    legalBasis: nullable("legal_basis"),
    location: nullable("location"),
    initiators: actorRefs(list("initiators"), aligned("initiator_codes")),
    targets: actorRefs(list("targets"), aligned("target_codes")),
    tags: list("tags"),
    sources: sources(cell("source_urls"), cell("source_titles"), row, errors),
    relations: respondsTo(list("responds_to"), row, errors),
    updatedAt: instant(cell("updated_at"), row, errors),
  };
  return { row, draft, errors };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === "" ? undefined : value;
}

/**
 * Actors by name, each paired with the code in the same position (used only when the actor
 * is new: it is then created as a state with that code). A file with codes but no names
 * (a spreadsheet of "US", "RU") names actors by code.
 */
function actorRefs(names: string[] | undefined, codes: string[] | undefined): EventDraft["initiators"] {
  if (names !== undefined && names.length > 0) {
    return names.map((name, i) => {
      const code = codes?.[i]?.toUpperCase() ?? "";
      return code === "" ? { name } : { name, isoCode: code, kind: "state" };
    });
  }
  const givenCodes = codes?.filter((c) => c !== "") ?? [];
  if (givenCodes.length > 0) return givenCodes.map((code) => ({ name: code.toUpperCase(), byCode: true }));
  return names === undefined && codes === undefined ? undefined : [];
}

/** Sources are aligned by position: the n-th URL belongs to the n-th title. */
function sources(urls: string | undefined, titles: string | undefined, row: number, errors: RowError[]): SourceDraft[] | undefined {
  if (urls === undefined && titles === undefined) return undefined;
  const urlList = splitAlignedList(urls ?? "");
  const titleList = splitAlignedList(titles ?? "");
  if (titleList.length > urlList.length && urlList.length > 0) {
    errors.push({
      row,
      column: "source_titles",
      message: `${titleList.length} source titles for ${urlList.length} source URLs; they are paired by position (a title may not contain ";").`,
    });
  }
  const count = Math.max(urlList.length, titleList.length);
  const result: SourceDraft[] = [];
  for (let i = 0; i < count; i++) {
    const url = urlList[i] ?? "";
    const title = titleList[i] ?? "";
    if (url === "" && title === "") continue;
    result.push({ url: url === "" ? null : url, title });
  }
  return result;
}

function respondsTo(ids: string[] | undefined, row: number, errors: RowError[]): EventDraft["relations"] {
  if (ids === undefined) return undefined;
  const items: { kind: string; eventId: number }[] = [];
  for (const value of ids) {
    if (ID.test(value)) items.push({ kind: "responds-to", eventId: Number(value) });
    else errors.push({ row, column: "responds_to", message: `"${value}" is not an event id.` });
  }
  return { scope: "responds-to", items };
}

function instant(value: string | undefined, row: number, errors: RowError[]): Date | undefined {
  if (value === undefined || value === "") return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    errors.push({ row, column: "updated_at", message: `"${value}" is not an ISO 8601 time such as 2026-11-29T12:00:00.000Z.` });
    return undefined;
  }
  return date;
}
