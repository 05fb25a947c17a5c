import { feedResponse } from "@/lib/reach/feed-response";
import { corsPreflight } from "@/lib/reach/cors";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return feedResponse(request, "json");
}

export const OPTIONS = corsPreflight;
