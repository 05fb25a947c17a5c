import type { EventSnapshot } from "@/lib/events/snapshot";
import { neutraliseFormula } from "@/lib/csv/formula";

/**
 * The CSV columns, fixed and in this order (docs/csv.md). Adding a column is a change to
 * the documented format: append it, never reorder.
 */
export const CSV_COLUMNS = [
  "id",
  "date",
  "date_precision",
  "date_start",
  "date_end",
  "end_date",
  "type",
  "title",
  "summary",
  "initiators",
  "targets",
  "initiator_codes",
  "target_codes",
  "legal_basis",
  "tags",
  "location",
  "source_urls",
  "source_titles",
  "responds_to",
  "status",
  "updated_at",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separator of the list columns (actors, codes, tags, sources, ids). */
export const LIST_SEPARATOR = "; ";

export function joinList(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

/** Splits a list whose items are aligned by position with another list's (codes, source URLs): keeps empty places. */
export function splitAlignedList(cell: string): string[] {
  return cell.trim() === "" ? [] : cell.split(";").map((v) => v.trim());
}

/** Splits a list cell; tolerant of a missing space after the semicolon and of blank items. */
export function splitList(cell: string): string[] {
  return cell
    .split(";")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/**
 * One event as a CSV record, cells in CSV_COLUMNS order, text cells neutralised against
 * formula injection. Sources are listed in their order; a source without a URL has an
 * empty place in source_urls so that urls and titles stay aligned by position.
 */
export function eventToCsvRecord(event: EventSnapshot): string[] {
  // Aligned with the names by position; an actor without a code leaves an empty place,
  // and trailing empty places are dropped ("US" for "United States; Joe Biden").
  const codes = (actors: EventSnapshot["initiators"]) => {
    const list = actors.map((a) => a.isoCode ?? "");
    while (list.length > 0 && list.at(-1) === "") list.pop();
    return list.join(LIST_SEPARATOR);
  };
  // In CSV_COLUMNS order (a unit test maps every column by name); built as an array because
  // this runs once per exported event.
  const cells: string[] = [
    String(event.id),
    event.date,
    event.datePrecision,
    event.dateStart,
    event.dateEnd,
    event.endDate ?? "",
    event.type,
    event.title,
    event.summary,
    joinList(event.initiators.map((a) => a.name)),
    joinList(event.targets.map((a) => a.name)),
    codes(event.initiators),
    codes(event.targets),
    event.legalBasis ?? "",
    joinList(event.tags),
    event.location ?? "",
    event.sources.map((s) => s.url ?? "").join(LIST_SEPARATOR).trimEnd(),
    event.sources.map((s) => s.title).join(LIST_SEPARATOR).trimEnd(),
    joinList(event.relations.filter((r) => r.kind === "responds-to").map((r) => String(r.eventId))),
    event.status,
    event.updatedAt,
  ];
  return cells.map(neutraliseFormula);
}
