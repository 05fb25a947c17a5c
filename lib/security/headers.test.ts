import { describe, expect, it } from "vitest";
import { HSTS_VALUE, isEmbedPath, newNonce, pageContentSecurityPolicy, requestIsHttps, securityHeadersFor } from "@/lib/security/headers";

describe("security headers", () => {
  it("refuses framing and sets a nonce policy on every page but the embeds", () => {
    for (const pathname of ["/", "/events/1", "/admin", "/login", "/matrix", "/export.csv", "/embedded", "/api/oembed"]) {
      const headers = securityHeadersFor({ pathname, https: false, nonce: "abc" });
      expect(headers["X-Frame-Options"], pathname).toBe("DENY");
      expect(headers["Content-Security-Policy"], pathname).toContain("frame-ancestors 'none'");
      expect(headers["Content-Security-Policy"], pathname).toContain("'nonce-abc'");
    }
    for (const pathname of ["/embed", "/embed/events/3"]) {
      const headers = securityHeadersFor({ pathname, https: false, nonce: "abc" });
      expect(headers["X-Frame-Options"], pathname).toBeUndefined();
      expect(headers["Content-Security-Policy"], pathname).toBeUndefined();
      expect(isEmbedPath(pathname)).toBe(true);
    }
  });

  it("allows scripts only by nonce, and eval only in development", () => {
    const production = pageContentSecurityPolicy({ nonce: "n1" });
    expect(production).toMatch(/script-src 'self' 'nonce-n1' 'strict-dynamic'(;|$)/);
    expect(production).not.toContain("unsafe-eval");
    expect(production).toContain("object-src 'none'");
    expect(production).toContain("base-uri 'self'");
    expect(production).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ nonce: "n1", dev: true })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ nonce: "n1", https: true })).toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only over HTTPS", () => {
    expect(securityHeadersFor({ pathname: "/", https: true, nonce: "x" })["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(securityHeadersFor({ pathname: "/embed", https: true, nonce: "x" })["Strict-Transport-Security"]).toBe(HSTS_VALUE);
    expect(securityHeadersFor({ pathname: "/", https: false, nonce: "x" })["Strict-Transport-Security"]).toBeUndefined();
  });

  it("treats a request as HTTPS by its own URL or the proxy's X-Forwarded-Proto", () => {
    expect(requestIsHttps({ protocol: "https:", forwardedProto: null })).toBe(true);
    expect(requestIsHttps({ protocol: "http:", forwardedProto: "https" })).toBe(true);
    expect(requestIsHttps({ protocol: "http:", forwardedProto: "HTTPS, http" })).toBe(true);
    expect(requestIsHttps({ protocol: "http:", forwardedProto: "http" })).toBe(false);
    expect(requestIsHttps({ protocol: "http:", forwardedProto: null })).toBe(false);
  });

  it("makes a new nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
