import type { FilterProblem, TimelineFilters } from "@/lib/timeline/filters";
import { slugify } from "@/lib/text/fold";

const MAX_DESCRIPTION = 80;

/**
 * A file name that says what the file holds: the export day (UTC) and the filters that
 * narrowed it, e.g. `demarche-events-2026-11-29-russia-us.csv` for `initiator=russia&target=us`.
 * Filter values that were ignored (reported as problems) do not appear.
 */
export function exportFileName(
  filters: TimelineFilters,
  options: { extension: "csv" | "json"; now: Date; problems?: readonly FilterProblem[]; prefix?: string },
): string {
  const ignored = new Set((options.problems ?? []).map((p) => `${p.param}=${p.value.toLowerCase()}`));
  const kept = (param: string, values: readonly string[]) => values.filter((v) => !ignored.has(`${param}=${v.toLowerCase()}`));
  const parts = [
    ...kept("initiator", filters.initiators),
    ...kept("actor", filters.actors),
    ...kept("target", filters.targets),
    ...filters.types,
    ...kept("tag", filters.tags),
    ...filters.bases,
    ...(filters.from && filters.to && filters.from.value === filters.to.value
      ? [filters.from.value]
      : [filters.from ? `from-${filters.from.value}` : "", filters.to ? `to-${filters.to.value}` : ""]),
    ...filters.words,
  ]
    .map((part) => (part === "" ? "" : slugify(part)))
    .filter((part) => part !== "");
  let description = parts.join("-");
  if (description.length > MAX_DESCRIPTION) description = description.slice(0, MAX_DESCRIPTION).replace(/-[^-]*$/, "");
  const day = options.now.toISOString().slice(0, 10);
  return [options.prefix ?? "demarche-events", day, description].filter((p) => p !== "").join("-") + `.${options.extension}`;
}

/** A Content-Disposition header that downloads the file under its name in every browser. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
