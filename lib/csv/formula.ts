/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Google Sheets
 * treat a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
 * full-width forms, which some apps normalise) as a formula. Exported cells that start so
 * get a leading apostrophe, which every spreadsheet shows as text.
 *
 * The rule also escapes a value that already starts with apostrophes before such a
 * character, so the importer can undo it exactly: strip one apostrophe from any cell that
 * matches the pattern. Export -> import is lossless for every string.
 */
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** First characters that can start a match: a cheap test before the pattern, on every exported cell. */
const SUSPECT_FIRST = new Set(["'", "=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export function neutraliseFormula(value: string): string {
  return SUSPECT_FIRST.has(value.charAt(0)) && FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}
