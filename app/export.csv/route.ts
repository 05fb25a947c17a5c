import { publicExportResponse } from "@/lib/export/public-export";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return publicExportResponse(request, "csv");
}
