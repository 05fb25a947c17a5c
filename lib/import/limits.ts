import type { RowError } from "@/lib/import/draft";

/**
 * Bounds on what an import reads (docs/csv.md, "Limits"). They keep a hostile or broken file
 * from exhausting memory or the stack: the parser stops a record at MAX_RECORD_CHARS, the
 * header may not be much wider than the known columns, and every problem list is capped.
 */
export const IMPORT_LIMITS = {
  /** Columns in the header; the export has fewer than 30, every unknown one is an error anyway. */
  columns: 100,
  /** Characters in one cell; the longest field, the summary, takes 20,000. */
  cellChars: 100_000,
  /** Characters in one CSV record (all its cells); csv-parse stops the file there. */
  recordChars: 1_000_000,
  /** Data rows in one file. */
  rows: 500_000,
  /** Problems listed for the file as a whole, and per row. */
  fileErrors: 50,
  rowErrors: 50,
  /** Characters of a value shown back in a message or a report. */
  shown: 120,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** A value as shown back in a message: at most IMPORT_LIMITS.shown characters, the cut marked. */
export function shorten(value: string, max: number = IMPORT_LIMITS.shown): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Appends without spreading into a call (`push(...list)` overflows the stack for large lists), up to `limit` entries. */
export function appendUpTo<T>(target: T[], items: Iterable<T>, limit: number): void {
  for (const item of items) {
    if (target.length >= limit) return;
    target.push(item);
  }
}

/** The header problem for a file with too many columns, checked before anything else looks at them. */
export function tooManyColumns(count: number, limit: number = IMPORT_LIMITS.columns): RowError {
  return {
    row: 1,
    column: "",
    message: `The header has ${count.toLocaleString("en")} columns; at most ${limit} are accepted (docs/csv.md lists the columns).`,
  };
}
