import { describe, expect, it } from "vitest";
import { formatRetryAfter, normalizeEmail } from "./rate-limit";
import { clientIpFrom, isHttpsRequest } from "./request";
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
  it("takes the client address from the last X-Forwarded-For entry (the nearest trusted hop)", () => {
    expect(clientIpFrom("127.0.0.1")).toBe("127.0.0.1");
    expect(clientIpFrom("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(clientIpFrom(" ")).toBe("unknown");
    expect(clientIpFrom(null)).toBe("unknown");
  });

  it("knows https from the forwarded protocol", () => {
    expect(isHttpsRequest("https")).toBe(true);
    expect(isHttpsRequest("HTTPS, http")).toBe(true);
    expect(isHttpsRequest("http")).toBe(false);
    expect(isHttpsRequest(undefined)).toBe(false);
  });
});

describe("roles and limits", () => {
  it("lets admins do what editors do, not the reverse", () => {
    expect(hasRole("editor", "editor")).toBe(true);
    expect(hasRole("admin", "editor")).toBe(true);
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("editor", "admin")).toBe(false);
    expect(hasRole("", "editor")).toBe(false);
  });

  it("counts attempts per address case-insensitively and says how long to wait", () => {
    expect(normalizeEmail("  Ann@Example.ORG ")).toBe("ann@example.org");
    expect(formatRetryAfter(1)).toBe("1 minute");
    expect(formatRetryAfter(60_001)).toBe("2 minutes");
    expect(formatRetryAfter(15 * 60_000)).toBe("15 minutes");
  });
});
