import { html } from "@/lib/embed/html";
import { embedResponse } from "@/lib/embed/document";
import { eventEmbedBody } from "@/lib/embed/render";
import { loadEventEmbed } from "@/lib/embed/page-data";
import { siteOrigin } from "@/lib/embed/origin";
import { parseEventId } from "@/lib/events/route-params";

export const dynamic = "force-dynamic";

/** One event and its chain for other sites' frames (docs/embed.md). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = parseEventId((await params).id);
  const found = id === null ? null : await loadEventEmbed(id);
  const origin = siteOrigin(request.headers);
  if (!found) {
    return embedResponse(
      "Event not found · Demarche",
      html`<div class="e"><p class="e-head"><b>Demarche</b></p><p>This event does not exist or is not published.</p><p class="e-foot"><a href="${origin}/" target="_blank" rel="noopener">Open the timeline on Demarche</a></p></div>`,
      404,
    );
  }
  return embedResponse(`${found.event.title} · Demarche`, eventEmbedBody(found.event, found.chain, origin));
}
