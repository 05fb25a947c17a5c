import { RESIZE_SCRIPT } from "@/lib/embed/resize-script";

/** The optional resize script for pages that embed Demarche (docs/embed.md). */
export function GET(): Response {
  return new Response(RESIZE_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      // Host pages load it cross-origin, also with crossorigin="anonymous".
      "Access-Control-Allow-Origin": "*",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}
