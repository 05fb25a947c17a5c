import type { FilterProblem } from "@/lib/timeline/filters";

/**
 * The one error shape of every machine-facing address (feeds, calendar, exports, API):
 * `{ "error": { "status", "code", "message", "problems"? } }`. Clients branch on `code`,
 * never on `message`, which is for people.
 */
export const API_ERROR_CODES = [
  "invalid_filter",
  "invalid_parameter",
  "invalid_cursor",
  "not_found",
  "rate_limited",
  "method_not_allowed",
  "internal_error",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type ApiProblem = { param: string; value: string; message: string };

export type ApiErrorBody = {
  error: { status: number; code: ApiErrorCode; message: string; problems?: ApiProblem[] };
};

/** Headers every machine-facing answer carries: anyone may read it from any origin (GET only). */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset",
  "Access-Control-Max-Age": "86400",
};

export function apiErrorBody(status: number, code: ApiErrorCode, message: string, problems?: ApiProblem[]): ApiErrorBody {
  return { error: { status, code, message, ...(problems && problems.length > 0 ? { problems } : {}) } };
}

export function apiErrorResponse(
  status: number,
  code: ApiErrorCode,
  message: string,
  options: { problems?: ApiProblem[]; headers?: Record<string, string> } = {},
): Response {
  return Response.json(apiErrorBody(status, code, message, options.problems), {
    status,
    headers: { ...CORS_HEADERS, "Cache-Control": "no-store", ...options.headers },
  });
}

const REFERENCE_KINDS: Record<string, string> = { actor: "actor", initiator: "actor", target: "actor", tag: "tag", type: "event type" };

/** A filter problem as a machine client reads it: what was refused, without "it was ignored". */
export function problemForClient(problem: FilterProblem): ApiProblem {
  const kind = REFERENCE_KINDS[problem.param];
  const message = kind
    ? `Unknown ${kind} "${problem.value}" in "${problem.param}".`
    : problem.message.replace(/;?\s*(that filter was ignored|the dates were ignored|showing newest first)\.?$/i, ".");
  return { param: problem.param, value: problem.value, message };
}

/** The 400 for a query string the timeline would only partly apply. */
export function invalidFilterResponse(problems: readonly FilterProblem[]): Response {
  const listed = problems.map(problemForClient);
  const names = listed.map((p) => `${p.param}=${p.value}`).join(", ");
  return apiErrorResponse(400, "invalid_filter", `The query string has values that cannot be applied: ${names}.`, { problems: listed });
}

/** A machine-facing route whose unexpected failures still answer in the error shape, not an HTML page. */
export function machineRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      console.error(`Request ${request.url} failed`, error);
      return apiErrorResponse(500, "internal_error", "The request could not be answered; it has been logged.");
    }
  };
}
