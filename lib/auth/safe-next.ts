/**
 * Where to go after signing in: only a path on this site. Anything that could leave the
 * site ("https://evil.example", "//evil.example", "/\evil.example", "javascript:") falls
 * back to /admin, so a crafted sign-in link cannot send an editor elsewhere.
 */
export function safeNextPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || value === "") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  // Control characters can be stripped by browsers and turn "/\t/evil" into "//evil".
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  try {
    const url = new URL(value, "http://demarche.invalid");
    if (url.origin !== "http://demarche.invalid") return fallback;
    // The URL parser resolves dot segments ("/.//x", "/a/../..//x", "/%2e%2e//x"), so the
    // result must be checked again: a path that now starts with "//" would leave the site.
    if (url.pathname.startsWith("//") || url.pathname.includes("\\")) return fallback;
    if (url.pathname === "/login") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
