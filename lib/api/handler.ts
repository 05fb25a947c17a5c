import "server-only";
import { prisma } from "@/lib/db";
import { requestClientAddress } from "@/lib/auth/request";
import { hitRateLimit, rateLimitConfig, rateLimitHeaders } from "@/lib/api/rate-limit";
import { apiErrorResponse, CORS_HEADERS } from "@/lib/reach/errors";

type Context<P> = { params: Promise<P> };

/**
 * Every read-API route goes through this: the per-client rate limit (429 with Retry-After),
 * CORS for GET, and one JSON error shape for whatever goes wrong, never an HTML 500.
 */
export function apiRoute<P = Record<string, never>>(handler: (request: Request, params: P) => Promise<Response>) {
  return async (request: Request, context?: Context<P>): Promise<Response> => {
    try {
      const verdict = await hitRateLimit(prisma, requestClientAddress(request.headers), rateLimitConfig());
      const limitHeaders = rateLimitHeaders(verdict);
      if (!verdict.allowed) {
        return apiErrorResponse(429, "rate_limited", `Too many requests: at most ${verdict.limit} per window. Retry after ${verdict.retryAfterSeconds} s.`, {
          headers: { ...limitHeaders, "Retry-After": String(verdict.retryAfterSeconds) },
        });
      }
      const response = await handler(request, (await context?.params) ?? ({} as P));
      for (const [name, value] of Object.entries({ ...CORS_HEADERS, ...limitHeaders })) response.headers.set(name, value);
      return response;
    } catch (error) {
      console.error(`API request ${request.url} failed`, error);
      return apiErrorResponse(500, "internal_error", "The request could not be answered; it has been logged.");
    }
  };
}

/** JSON with CORS, for API answers. */
export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=0, must-revalidate", ...init.headers },
  });
}
