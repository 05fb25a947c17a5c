import { createHash } from "node:crypto";
import { CORS_HEADERS } from "@/lib/reach/errors";

/** A strong validator of a body: the same bytes, the same tag, on every instance. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** HTTP dates have whole seconds. */
function toHttpSecond(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Whether the client's copy is current (RFC 9110 §13.2.2): If-None-Match decides when it
 * is present, otherwise If-Modified-Since against Last-Modified.
 */
export function isNotModified(headers: Headers, etag: string, lastModified: Date | null): boolean {
  const noneMatch = headers.get("if-none-match");
  if (noneMatch !== null) {
    const tags = noneMatch.split(",").map((t) => t.trim().replace(/^W\//, ""));
    return tags.includes("*") || tags.includes(etag);
  }
  const since = headers.get("if-modified-since");
  if (since === null || lastModified === null) return false;
  const sinceMs = Date.parse(since);
  if (Number.isNaN(sinceMs)) return false;
  return toHttpSecond(lastModified) <= Math.floor(sinceMs / 1000);
}

/**
 * A cacheable GET answer with ETag and Last-Modified, or a 304 without a body when the
 * client's copy is current.
 */
export function conditionalResponse(
  request: Request,
  body: string,
  options: { contentType: string; lastModified: Date | null; headers?: Record<string, string> },
): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "Content-Type": options.contentType,
    ETag: etag,
    // Revalidate every time: a 304 is cheap, a stale feed hides a correction.
    "Cache-Control": "public, max-age=0, must-revalidate",
    Vary: "Accept-Encoding",
    ...(options.lastModified ? { "Last-Modified": options.lastModified.toUTCString() } : {}),
    ...options.headers,
  };
  if (isNotModified(request.headers, etag, options.lastModified)) {
    const { "Content-Type": _type, ...rest } = headers;
    return new Response(null, { status: 304, headers: rest });
  }
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}
