import { describe, expect, it } from "vitest";
import { delayAfter, formatRetryAfter, LOGIN_LIMITS, normalizeEmail } from "./rate-limit";
import { clientAddress, CLIENT_ADDRESS_HEADER, isHttpsRequest, requestClientAddress, trustedProxyHops } from "./request";
import { hasRole } from "./roles";
import { safeNextPath } from "./safe-next";
import { generateSessionToken, hashSessionToken } from "./tokens";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/admin/events/3/edit")).toBe("/admin/events/3/edit");
    expect(safeNextPath("/admin?status=trash&q=lavrov#top")).toBe("/admin?status=trash&q=lavrov#top");
  });

  it("falls back to /admin for anything that could leave the site", () => {
    for (const value of [
      "https://evil.example/",
      "//evil.example/path",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "admin",
      "",
      undefined,
      null,
      42,
    ]) {
      expect(safeNextPath(value), String(value)).toBe("/admin");
    }
  });

  it("checks the path after normalisation, so dot segments and encodings cannot make it protocol-relative", () => {
    for (const value of [
      "/.//evil.example/x",
      "/a/../..//evil.example/x",
      "/%2e%2e//evil.example/x",
      "/%2E%2E//evil.example/x",
      "/./..//evil.example",
      "/admin/..//evil.example",
      "/%2e//evil.example",
      "/.%2e//evil.example",
    ]) {
      const next = safeNextPath(value);
      expect(next.startsWith("//"), `${value} -> ${next}`).toBe(false);
      expect(next, value).toBe("/admin");
    }
    // A harmless dot segment still leads where it says.
    expect(safeNextPath("/admin/events/../users")).toBe("/admin/users");
  });

  it("does not send a signed-in editor back to the sign-in page", () => {
    expect(safeNextPath("/login?next=/admin")).toBe("/admin");
  });
});

describe("session tokens", () => {
  it("are random, URL-safe and stored only as their SHA-256", () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashSessionToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(a)).toBe(hashSessionToken(a));
    expect(hashSessionToken(a)).not.toContain(a);
  });
});

describe("request details", () => {
  it("takes the client address from the socket and ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress("203.0.113.7", "6.6.6.6", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", null, 0)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::1", "6.6.6.6", 0)).toBe("2001:db8::1");
    expect(clientAddress(undefined, "6.6.6.6", 0)).toBe("unknown");
  });

  it("behind N trusted proxies, believes exactly the entry the outermost one appended", () => {
    // One proxy: the client may send its own header; the proxy appends the address it saw.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", "203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies: the inner one appended the outer one's address.
    expect(clientAddress("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the leftmost; none at all: the socket.
    expect(clientAddress("10.0.0.3", "203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.3", " ", 1)).toBe("10.0.0.3");
  });

  it("reads the trusted-proxy setting strictly", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ DEMARCHE_TRUSTED_PROXIES: "" })).toBe(0);
    expect(trustedProxyHops({ DEMARCHE_TRUSTED_PROXIES: " 2 " })).toBe(2);
    for (const bad of ["-1", "yes", "1.5", "100"]) {
      expect(() => trustedProxyHops({ DEMARCHE_TRUSTED_PROXIES: bad }), bad).toThrow(/DEMARCHE_TRUSTED_PROXIES/);
    }
  });

  it("inside the app, believes the served address header only when scripts/serve.ts set it", () => {
    const headers = (values: Record<string, string>) => new Headers(values);
    const forged = headers({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "127.0.0.1" });
    expect(requestClientAddress(forged, { DEMARCHE_SERVED: "1" })).toBe("6.6.6.6");
    expect(requestClientAddress(forged, {})).toBe("127.0.0.1");
    expect(requestClientAddress(headers({}), {})).toBe("unknown");
  });

  it("knows https from the forwarded protocol", () => {
    expect(isHttpsRequest("https")).toBe(true);
    expect(isHttpsRequest("HTTPS, http")).toBe(true);
    expect(isHttpsRequest("http")).toBe(false);
    expect(isHttpsRequest(undefined)).toBe(false);
  });
});

describe("roles and limits", () => {
  it("grows the delay after the free failures and caps it", () => {
    expect(delayAfter(4, 5)).toBe(0);
    expect(delayAfter(5, 5)).toBe(LOGIN_LIMITS.firstDelayMs);
    expect(delayAfter(6, 5)).toBe(2 * LOGIN_LIMITS.firstDelayMs);
    expect(delayAfter(1000, 5)).toBe(LOGIN_LIMITS.maxDelayMs);
  });

  it("lets admins do what editors do, not the reverse", () => {
    expect(hasRole("editor", "editor")).toBe(true);
    expect(hasRole("admin", "editor")).toBe(true);
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("editor", "admin")).toBe(false);
    expect(hasRole("", "editor")).toBe(false);
  });

  it("counts attempts per address case-insensitively and says how long to wait", () => {
    expect(normalizeEmail("  Ann@Example.ORG ")).toBe("ann@example.org");
    expect(formatRetryAfter(1)).toBe("1 second");
    expect(formatRetryAfter(29_500)).toBe("30 seconds");
    expect(formatRetryAfter(60_000)).toBe("1 minute");
    expect(formatRetryAfter(60_001)).toBe("2 minutes");
    expect(formatRetryAfter(15 * 60_000)).toBe("15 minutes");
  });
});
