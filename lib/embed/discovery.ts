import "server-only";
import { headers } from "next/headers";
import type { Metadata } from "next";
import { siteOrigin } from "@/lib/embed/origin";
import { oembedEndpoint } from "@/lib/embed/snippet";

/** The site's origin for the page being rendered. */
export async function currentOrigin(): Promise<string> {
  return siteOrigin(await headers());
}

/**
 * The oEmbed discovery link of a page (`<link rel="alternate" type="application/json+oembed">`),
 * for metadata's `alternates.types`, so that pasting the page's address into WordPress or any
 * oEmbed consumer embeds it. `path` is the page's path and query ("/?type=statement", "/events/3").
 */
export function oembedDiscovery(origin: string, path: string, title: string): NonNullable<NonNullable<Metadata["alternates"]>["types"]> {
  return { "application/json+oembed": [{ url: oembedEndpoint(origin, `${origin}${path}`), title }] };
}
