import { calendarResponse } from "@/lib/reach/calendar-response";
import { corsPreflight } from "@/lib/reach/cors";
import { machineRoute } from "@/lib/reach/errors";

export const dynamic = "force-dynamic";

export const GET = machineRoute(calendarResponse);
export const OPTIONS = corsPreflight;
