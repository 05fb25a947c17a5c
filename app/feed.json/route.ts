import { corsPreflight } from "@/lib/reach/cors";
import { machineRoute } from "@/lib/reach/errors";
import { feedResponse } from "@/lib/reach/feed-response";

export const dynamic = "force-dynamic";

export const GET = machineRoute((request) => feedResponse(request, "json"));
export const OPTIONS = corsPreflight;
