import { embedResponse } from "@/lib/embed/document";
import { timelineEmbedBody } from "@/lib/embed/render";
import { loadTimelineEmbed } from "@/lib/embed/page-data";
import { siteOrigin } from "@/lib/embed/origin";

export const dynamic = "force-dynamic";

/** A timeline view for other sites' frames: plain HTML, no cookies read or set (docs/embed.md). */
export async function GET(request: Request): Promise<Response> {
  const model = await loadTimelineEmbed(new URL(request.url).search, siteOrigin(request.headers));
  return embedResponse(`${model.summary} · Demarche`, timelineEmbedBody(model));
}
