import { stringify } from "csv-stringify/sync";
import { CSV_COLUMNS, eventToCsvRecord } from "@/lib/csv/columns";
import type { EventSnapshot } from "@/lib/events/snapshot";

/**
 * RFC 4180: comma, double quotes doubled, fields with separators quoted, CRLF after every
 * record. csv-stringify quotes a field that contains its record delimiter (CRLF) but not one
 * with a lone LF or CR, which spreadsheets and csv-parse then read as a record end:
 * `quoted_match` quotes those too.
 */
const CSV_OPTIONS = { delimiter: ",", quote: '"', escape: '"', record_delimiter: "\r\n", eof: true, quoted_match: /[\r\n]/ } as const;

export const UTF8_BOM = "\uFEFF";

export function csvHeader(options: { bom: boolean }): string {
  return (options.bom ? UTF8_BOM : "") + stringify([[...CSV_COLUMNS]], CSV_OPTIONS);
}

export function csvRecords(events: readonly EventSnapshot[]): string {
  return events.length === 0 ? "" : stringify(events.map(eventToCsvRecord), CSV_OPTIONS);
}

/** The CSV text of a source of event batches: the header, then one record per event. */
export async function* csvChunks(batches: AsyncIterable<EventSnapshot[]>, options: { bom: boolean }): AsyncGenerator<string> {
  yield csvHeader(options);
  for await (const batch of batches) yield csvRecords(batch);
}

/** A JSON array of event objects, one per line, written as it is read. */
export async function* jsonArrayChunks<T>(batches: AsyncIterable<T[]>): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    const body = batch.map((item) => JSON.stringify(item)).join(",\n");
    yield (first ? "\n" : ",\n") + body;
    first = false;
  }
  yield first ? "]\n" : "\n]\n";
}
