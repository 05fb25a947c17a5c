import "server-only";
import { prisma } from "@/lib/db";
import { engineOf } from "@/lib/db/engine";
import { eventWhereForFilters, resolveFilterReferences } from "@/lib/events/filter-query";
import { attachmentHeader, exportFileName } from "@/lib/export/file-name";
import { csvChunks, jsonArrayChunks } from "@/lib/export/formats";
import { readEventBatches } from "@/lib/export/read-events";
import { textStream } from "@/lib/export/stream";
import { parseTimelineFilters } from "@/lib/timeline/filters";

export type ExportFormat = "csv" | "json";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/**
 * `/export.csv` and `/export.json`: the published events the timeline shows for the same
 * query string, in the timeline's order, streamed. The filters go through the timeline's
 * own parser and query builder, so the file cannot disagree with the page; values the
 * timeline would ignore are ignored here too.
 */
export async function publicExportResponse(request: Request, format: ExportFormat, now = new Date()): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = parseTimelineFilters(params);
  const { resolved, problems } = await resolveFilterReferences(prisma, parsed.filters);
  const batches = readEventBatches(prisma, {
    where: eventWhereForFilters(resolved),
    sort: resolved.sort,
    publicRelationsOnly: true,
    load: engineOf(prisma).snapshotLoader(),
  });
  const chunks = format === "csv" ? csvChunks(batches, { bom: params.get("bom") === "1" }) : jsonArrayChunks(batches);
  const fileName = exportFileName(resolved, { extension: format, now, problems: [...parsed.problems, ...problems] });
  const body = textStream(chunks, (error) => console.error(`Export ${request.url} failed while streaming`, error));
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": attachmentHeader(fileName),
      "Cache-Control": "no-store",
    },
  });
}
