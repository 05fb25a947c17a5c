import { listEventTypes } from "@/lib/api/events";
import { apiRoute } from "@/lib/api/handler";
import { corsPreflight } from "@/lib/reach/cors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => listEventTypes());
export const OPTIONS = corsPreflight;
