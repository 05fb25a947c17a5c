import { calendarResponse } from "@/lib/reach/calendar-response";
import { corsPreflight } from "@/lib/reach/cors";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return calendarResponse(request);
}

export const OPTIONS = corsPreflight;
