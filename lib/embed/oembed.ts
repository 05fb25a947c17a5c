import { z } from "zod";
import { parseEventId } from "@/lib/events/route-params";
import { MAX_EMBED_SIDE, MIN_EMBED_SIDE } from "@/lib/embed/snippet";

/** Longest page URL accepted (the timeline's own query strings are far shorter). */
export const MAX_OEMBED_URL_LENGTH = 2048;

const side = z.coerce
  .number({ error: "must be a whole number of pixels" })
  .int("must be a whole number of pixels")
  .min(MIN_EMBED_SIDE, `must be at least ${MIN_EMBED_SIDE}`)
  .max(MAX_EMBED_SIDE, `must be at most ${MAX_EMBED_SIDE}`);

/** The oEmbed request (https://oembed.com/ section 2.2), one value per parameter. */
export const oembedQuerySchema = z.object({
  url: z.string({ error: "url is required" }).trim().min(1, "url is required").max(MAX_OEMBED_URL_LENGTH, `url is longer than ${MAX_OEMBED_URL_LENGTH} characters`),
  maxwidth: side.optional(),
  maxheight: side.optional(),
  format: z.string().max(20).optional(),
});
export type OembedQuery = z.infer<typeof oembedQuerySchema>;

/** The first value of each known parameter (repeats ignored); empty values count as absent, except url. */
export function oembedParams(search: URLSearchParams): Record<string, string | undefined> {
  const pick = (name: string) => {
    const value = search.get(name);
    return value === null || (value === "" && name !== "url") ? undefined : value;
  };
  return { url: pick("url"), maxwidth: pick("maxwidth"), maxheight: pick("maxheight"), format: pick("format") };
}

export type DemarchePage = { kind: "timeline"; search: string } | { kind: "event"; id: number };

/**
 * Which Demarche page a URL names, or null when it is not one this site can embed: another
 * origin, another path, or not a URL at all. The timeline ("/") and its embed ("/embed") with
 * their filters, an event ("/events/12") and its embed ("/embed/events/12").
 */
export function demarchePageOf(url: string, origin: string): DemarchePage | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== origin || parsed.username || parsed.password) return null;
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/$/, "") : parsed.pathname;
  if (path === "/" || path === "/embed") {
    const search = new URLSearchParams(parsed.search);
    // An embed shows a view from its first page; a page position is not part of the view.
    search.delete("cursor");
    return { kind: "timeline", search: search.toString() };
  }
  const event = /^\/(?:embed\/)?events\/([^/]+)$/.exec(path);
  if (event?.[1]) {
    const id = parseEventId(event[1]);
    return id === null ? null : { kind: "event", id };
  }
  return null;
}
