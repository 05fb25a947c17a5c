import { NextResponse, type NextRequest } from "next/server";
import { newNonce, requestIsHttps, securityHeadersFor } from "@/lib/security/headers";

/**
 * Per-request security headers: a fresh CSP nonce for every page (Next reads the policy from
 * the request headers and puts the nonce on its scripts), framing refused everywhere but the
 * embeds, HSTS on HTTPS. See docs/deploy.md.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeadersFor({
    pathname: request.nextUrl.pathname,
    https: requestIsHttps({ protocol: request.nextUrl.protocol, forwardedProto: request.headers.get("x-forwarded-proto") }),
    nonce,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  const policy = headers["Content-Security-Policy"];
  if (policy) requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Static build files need no policy (they are not documents). Uploads and server-action
      // calls skip the proxy because Next buffers a request's body for it (up to 10 MB): the
      // upload route and the actions must be able to refuse a large body before reading it
      // (docs/deploy.md, issue 11). Their answers are redirects and action results, not pages.
      source: "/((?!_next/static|_next/image|favicon.ico|admin/import/upload).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
