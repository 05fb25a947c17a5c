import type { Db } from "@/lib/db/client";
import { csvChunks } from "@/lib/export/formats";
import { EXPORT_BATCH_SIZE, readEventBatches } from "@/lib/export/read-events";
import { parseTimelineFilters } from "@/lib/timeline/filters";
import { timelineIdBatches } from "@/lib/timeline/read";
import { resolveFilterReferences } from "@/lib/timeline/resolve";

/**
 * The public CSV export for a query string, exactly as `/export.csv` streams it, collected
 * into one string: for scripts (the documented example file) and tests. Not for large exports.
 */
export async function exportCsvText(db: Db, query = "", options: { batchSize?: number; bom?: boolean } = {}): Promise<string> {
  const { resolved } = await resolveFilterReferences(db, parseTimelineFilters(new URLSearchParams(query)).filters);
  const batches = readEventBatches(db, {
    ids: timelineIdBatches(db, resolved, options.batchSize ?? EXPORT_BATCH_SIZE),
    publicOnly: true,
  });
  let text = "";
  for await (const chunk of csvChunks(batches, { bom: options.bom ?? false })) text += chunk;
  return text;
}
