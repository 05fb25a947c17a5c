import { CORS_HEADERS } from "@/lib/reach/errors";

/** The answer to a CORS preflight: GET (and HEAD) from any origin, nothing else. */
export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
