import { apiJson, apiRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";
import { corsPreflight } from "@/lib/reach/cors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => apiJson(openApiDocument()));
export const OPTIONS = corsPreflight;
