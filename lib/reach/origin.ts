import { configuredOrigin } from "@/lib/embed/origin";

/**
 * The address readers reach Demarche at, for absolute links in feeds, calendars and API
 * answers: DEMARCHE_PUBLIC_URL when set (the same setting as the embeds', read by the same
 * parser), else the origin of the request's URL.
 */
export function publicOrigin(request: Request): string {
  return configuredOrigin() ?? new URL(request.url).origin;
}
