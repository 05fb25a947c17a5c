import { readEnv, type EnvSource } from "@/lib/env";

/**
 * The origin Demarche is reached at, for absolute links in embeds and oEmbed answers.
 * `DEMARCHE_PUBLIC_URL` (for example https://demarche.example) fixes it, which a deployment
 * behind a proxy should set: otherwise it is the origin of the request as the server saw it
 * (its Host header), so an oEmbed answer names the address the caller used.
 */
export function configuredOrigin(source?: EnvSource): string | null {
  return readEnv(source).DEMARCHE_PUBLIC_URL ?? null;
}

/** The site's origin from a request's headers (route handlers and server components alike). */
export function siteOrigin(headers: { get(name: string): string | null }): string {
  const fixed = configuredOrigin();
  if (fixed) return fixed;
  const host = headers.get("host") ?? "localhost";
  // Only a syntactically plain host is used; anything else falls back to localhost.
  const safeHost = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${safeHost}`;
}
