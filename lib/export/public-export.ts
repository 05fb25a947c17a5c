import "server-only";
import { prisma } from "@/lib/db";
import { engineOf } from "@/lib/db/engine";
import { attachmentHeader, exportFileName } from "@/lib/export/file-name";
import { csvChunks, jsonArrayChunks } from "@/lib/export/formats";
import { EXPORT_BATCH_SIZE, readEventBatches } from "@/lib/export/read-events";
import { textStream } from "@/lib/export/stream";
import { resolveMachineQuery } from "@/lib/reach/query";
import { timelineIdBatches } from "@/lib/timeline/read";

export type ExportFormat = "csv" | "json";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/**
 * `/export.csv` and `/export.json`: the published events the timeline shows for the same
 * query string, in the timeline's order, streamed. The query is resolved and its ids read
 * exactly as the page does (`resolveTimelineQuery`, `readTimeline`'s ids), so the file
 * cannot disagree with the page. A value the page would drop with a notice (an unknown
 * actor, tag or type, a malformed date) is refused with a 400 naming it
 * (lib/reach/query.ts): a file must not silently hold more events than asked for.
 */
export async function publicExportResponse(request: Request, format: ExportFormat, now = new Date()): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const machine = await resolveMachineQuery(params.toString());
  if (!machine.ok) return machine.response;
  const { resolved } = machine.value;
  const batches = readEventBatches(prisma, {
    ids: timelineIdBatches(prisma, resolved, EXPORT_BATCH_SIZE),
    publicOnly: true,
    load: engineOf(prisma).snapshotLoader(),
  });
  const chunks = format === "csv" ? csvChunks(batches, { bom: params.get("bom") === "1" }) : jsonArrayChunks(batches);
  const fileName = exportFileName(resolved, { extension: format, now, problems: [] });
  const body = textStream(chunks, (error) => console.error(`Export ${request.url} failed while streaming`, error));
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": attachmentHeader(fileName),
      "Cache-Control": "no-store",
    },
  });
}
