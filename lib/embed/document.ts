import { createHash } from "node:crypto";
import { EVENT_TYPES } from "@/lib/events/vocabulary";
import { html, raw, type SafeHtml } from "@/lib/embed/html";

/** The message an embed posts to its parent with its height (read by /embed.js). */
export const HEIGHT_MESSAGE_TYPE = "demarche:embed-height";

const typeColours = EVENT_TYPES.map((t) => `.t-${t.slug}{--c:${t.color}}`).join("");

/** The embed's only style sheet, inline so that the frame needs no other request. */
export const EMBED_CSS =
  "*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}" +
  "body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff;overflow-wrap:anywhere}" +
  "a{color:#0b5cad}a:focus-visible{outline:2px solid #0b5cad;outline-offset:2px}" +
  ".e{padding:12px 14px;border:1px solid #d0d7de;border-radius:6px}" +
  ".e-head{margin:0 0 10px;font-size:14px;color:#57606a}.e-head b{color:#1f2328}" +
  ".e-notice{margin:0 0 10px;padding:8px 10px;background:#fff8c5;border:1px solid #d4a72c;border-radius:4px;font-size:14px}" +
  ".e-notice ul{margin:0;padding-left:18px}" +
  ".e-list{list-style:none;margin:0;padding:0}" +
  ".e-card{padding:8px 0 8px 10px;border-left:4px solid var(--c,#6e7781);margin:0 0 8px}" +
  ".e-meta{font-size:13px;color:#57606a}.e-type::before{content:'';display:inline-block;width:9px;height:9px;border-radius:2px;background:var(--c,#6e7781);margin:0 4px 0 8px}" +
  ".e-title{margin:2px 0;font-size:16px;line-height:1.3}.e-title a{text-decoration:none}.e-title a:hover{text-decoration:underline}" +
  ".e-flow,.e-sum,.e-rel{margin:2px 0;font-size:14px}.e-rel{color:#57606a}" +
  ".e-foot{margin:10px 0 0;font-size:13px;color:#57606a;display:flex;flex-wrap:wrap;gap:4px 16px}" +
  ".e-chain{margin:6px 0 0;padding-left:22px;font-size:14px}.e-chain li{margin:0 0 4px}" +
  "h1.e-title{font-size:19px}h2{font-size:15px;margin:12px 0 4px}" +
  ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
  typeColours;

/**
 * Posts the document's height to the parent page whenever it changes, so that /embed.js
 * can size the frame. The message carries nothing but its type and the height, so it may
 * go to any origin; the receiver checks where it came from.
 */
export const EMBED_HEIGHT_SCRIPT =
  "(function(){if(window.parent===window)return;var last=0;" +
  "function post(){var h=Math.ceil(document.body.getBoundingClientRect().height);" +
  `if(h>0&&h!==last){last=h;window.parent.postMessage({type:"${HEIGHT_MESSAGE_TYPE}",height:h},"*")}}` +
  "window.addEventListener('load',post);window.addEventListener('resize',post);" +
  "if(window.ResizeObserver)new ResizeObserver(post).observe(document.body);post()})();";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The embed's policy: nothing may load but its own inline style and script (by hash), and any
 * page may frame it. Other pages' policies come from proxy.ts (lib/security/headers.ts).
 */
export const EMBED_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(EMBED_CSS)}`,
  `script-src ${sha256(EMBED_HEIGHT_SCRIPT)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

/** The headers of every embed answer: framable anywhere; next.config.js adds the common ones. */
export function embedHeaders(): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": EMBED_CONTENT_SECURITY_POLICY,
    // Revalidated on every use: an edit shows in every host page at once.
    "Cache-Control": "no-cache",
  };
}

/** A complete embed document around `body`. */
export function embedDocument(title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="strict-origin-when-cross-origin"><title>${title}</title><style>${raw(EMBED_CSS)}</style></head><body>${body}<script>${raw(EMBED_HEIGHT_SCRIPT)}</script></body></html>`.value;
}

/** An embed answer (200 or the status given). */
export function embedResponse(title: string, body: SafeHtml, status = 200): Response {
  return new Response(embedDocument(title, body), { status, headers: embedHeaders() });
}
