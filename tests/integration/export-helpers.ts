import type { PrismaClient } from "@/lib/db/client";
import { eventWhereForFilters, resolveFilterReferences } from "@/lib/events/filter-query";
import { csvChunks } from "@/lib/export/formats";
import { readEventBatches } from "@/lib/export/read-events";
import { parseTimelineFilters } from "@/lib/timeline/filters";

/** The public CSV export for a query string, as the route handler streams it, collected into one string. */
export async function exportCsv(prisma: PrismaClient, query = "", options: { batchSize?: number } = {}): Promise<string> {
  const { resolved } = await resolveFilterReferences(prisma, parseTimelineFilters(new URLSearchParams(query)).filters);
  const batches = readEventBatches(prisma, {
    where: eventWhereForFilters(resolved),
    sort: resolved.sort,
    publicRelationsOnly: true,
    batchSize: options.batchSize,
  });
  let text = "";
  for await (const chunk of csvChunks(batches, { bom: false })) text += chunk;
  return text;
}
