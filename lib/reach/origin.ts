/**
 * The address readers reach Demarche at, for absolute links in feeds, calendars and API
 * answers: DEMARCHE_PUBLIC_URL when set (behind a proxy that rewrites Host), else the
 * request's own origin.
 */
export function publicOrigin(request: Request): string {
  const configured = process.env.DEMARCHE_PUBLIC_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An unusable setting falls back to the request's origin rather than breaking every feed.
    }
  }
  return new URL(request.url).origin;
}
