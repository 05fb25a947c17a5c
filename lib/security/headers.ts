import { isHttpsRequest } from "@/lib/auth/request";

/**
 * The security headers of every page (docs/deploy.md, "Security headers"). Pure, so the
 * rules are unit-tested; proxy.ts applies them per request and next.config.js adds the ones
 * that do not depend on the request (also to static files).
 */

/** Paths that other sites may frame: the embeds (their own policy is set by their route handlers). */
export function isEmbedPath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/** A fresh nonce per response, as Next requires for its inline scripts (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of every page that is not an embed. Scripts: only those carrying this
 * response's nonce (Next puts it on its own scripts when it finds the policy in the request
 * headers) and what they load ('strict-dynamic'). Styles allow 'unsafe-inline' because React
 * renders style attributes (type colours, the matrix's shades), which a nonce cannot cover.
 */
export function pageContentSecurityPolicy(options: { nonce: string; dev?: boolean; https?: boolean }): string {
  const { nonce, dev = false, https = false } = options;
  return [
    "default-src 'self'",
    // Next's development server evaluates code and talks over a websocket; production does neither.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, subdomains included: the usual value once a site is only served over HTTPS. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * Whether a request reached the site over HTTPS: its own URL says so (TLS ends at Next), or
 * the proxy in front says so in X-Forwarded-Proto, read as the session cookie's Secure flag
 * reads it (lib/auth/request.ts). Believing the header is safe for HSTS: a client that sends
 * it over plain http gets a Strict-Transport-Security header that browsers must ignore on an
 * insecure connection (RFC 6797, section 8.1).
 */
export function requestIsHttps(request: { protocol: string; forwardedProto: string | null }): boolean {
  return request.protocol === "https:" || isHttpsRequest(request.forwardedProto);
}

/** Response headers for one request (path, whether it is HTTPS, the nonce of its policy). */
export function securityHeadersFor(options: { pathname: string; https: boolean; nonce: string; dev?: boolean }): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.https) headers["Strict-Transport-Security"] = HSTS_VALUE;
  // Embeds set their own policy (frame-ancestors *, hashes for their inline style and script).
  if (isEmbedPath(options.pathname)) return headers;
  headers["Content-Security-Policy"] = pageContentSecurityPolicy(options);
  headers["X-Frame-Options"] = "DENY";
  return headers;
}
