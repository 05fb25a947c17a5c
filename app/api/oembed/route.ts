import { oembedAnswer } from "@/lib/embed/oembed-answer";
import { siteOrigin } from "@/lib/embed/origin";

export const dynamic = "force-dynamic";

const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  // Consumers fetch it from servers and from browsers alike; the answer is public.
  "Access-Control-Allow-Origin": "*",
};

/** oEmbed provider for Demarche timeline views and events (docs/embed.md). */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const answer = await oembedAnswer(url.searchParams, siteOrigin(request.headers));
  if (answer.ok) return Response.json(answer.body, { headers: { ...HEADERS, "Cache-Control": "no-cache" } });
  const { status, ...error } = answer.error;
  return Response.json({ error: { status, ...error } }, { status, headers: HEADERS });
}
