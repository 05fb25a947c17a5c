import { escapeHtml } from "@/lib/embed/html";

export type EmbedKind = "timeline" | "event";

/** The frame size a snippet proposes when nobody asks for another (px). */
export const DEFAULT_EMBED_SIZE: Record<EmbedKind, { width: number; height: number }> = {
  timeline: { width: 600, height: 700 },
  event: { width: 600, height: 560 },
};

/** Bounds of a requested size (px): the form's inputs and oEmbed's maxwidth/maxheight. */
export const MIN_EMBED_SIDE = 1;
export const MAX_EMBED_SIDE = 10000;

/**
 * The frame's sandbox: scripts (the height message) and popups that leave the sandbox, so that
 * a card's link opens Demarche in a normal tab. No allow-same-origin: the embed needs no
 * storage and no cookies.
 */
export const EMBED_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/** The embed URL of a timeline query string or an event. */
export function embedSrc(origin: string, target: { kind: "timeline"; query: string } | { kind: "event"; id: number }): string {
  return target.kind === "event" ? `${origin}/embed/events/${target.id}` : `${origin}/embed${target.query ? `?${target.query}` : ""}`;
}

/** The iframe a host page pastes. */
export function iframeSnippet(options: { src: string; title: string; width: number; height: number }): string {
  const { src, title, width, height } = options;
  return (
    `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(title)}"` +
    ` style="border:0;max-width:100%" loading="lazy" sandbox="${EMBED_SANDBOX}"></iframe>`
  );
}

/** The optional resize script (one per host page, whatever the number of frames). */
export function resizeScriptSnippet(origin: string): string {
  return `<script async src="${escapeHtml(origin)}/embed.js"></script>`;
}

/** The address of the oEmbed answer for a page (its discovery link). */
export function oembedEndpoint(origin: string, pageUrl: string): string {
  return `${origin}/api/oembed?${new URLSearchParams({ url: pageUrl, format: "json" }).toString()}`;
}

/** A size clamped to what a consumer allows (oEmbed: never larger than maxwidth/maxheight). */
export function fitSize(kind: EmbedKind, max: { width?: number; height?: number }): { width: number; height: number } {
  const size = DEFAULT_EMBED_SIZE[kind];
  return {
    width: max.width === undefined ? size.width : Math.min(size.width, max.width),
    height: max.height === undefined ? size.height : Math.min(size.height, max.height),
  };
}
