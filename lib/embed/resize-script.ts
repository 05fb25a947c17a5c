import { HEIGHT_MESSAGE_TYPE } from "@/lib/embed/document";

/** Tallest frame the script will set (px): a message cannot make a host page arbitrarily long. */
export const MAX_FRAME_HEIGHT = 20000;

/**
 * /embed.js, the optional script a host page includes beside its Demarche frames. It listens
 * for the height messages the embeds post (lib/embed/document.ts) and sizes the frame that
 * sent it. A message is believed only when
 *  - it comes from Demarche's origin, or from "null" (a frame sandboxed without
 *    allow-same-origin has an opaque origin), and
 *  - its source window is one of this page's iframes whose src is a Demarche embed URL, and
 *  - it has exactly the expected shape: { type: "demarche:embed-height", height: number }
 *    with a finite height between 1 and MAX_FRAME_HEIGHT.
 * Demarche's origin is the one the script itself was loaded from.
 */
export const RESIZE_SCRIPT = `(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin;
  try { origin = new URL(script.src).origin; } catch (e) { return; }
  function isDemarcheEmbed(frame) {
    try {
      var url = new URL(frame.src, document.baseURI);
      return url.origin === origin && (url.pathname === "/embed" || url.pathname.indexOf("/embed/") === 0);
    } catch (e) { return false; }
  }
  window.addEventListener("message", function (event) {
    if (event.origin !== origin && event.origin !== "null") return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== ${JSON.stringify(HEIGHT_MESSAGE_TYPE)}) return;
    var keys = Object.keys(data);
    if (keys.length !== 2) return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 1 || height > ${MAX_FRAME_HEIGHT}) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === event.source && isDemarcheEmbed(frame)) {
        frame.style.height = Math.ceil(height) + "px";
        return;
      }
    }
  });
})();
`;
