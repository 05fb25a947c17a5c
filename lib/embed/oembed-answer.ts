import "server-only";
import { getPublicEvent } from "@/lib/events/queries";
import { loadTimelineEmbed } from "@/lib/embed/page-data";
import { demarchePageOf, oembedParams, oembedQuerySchema } from "@/lib/embed/oembed";
import { embedSrc, fitSize, iframeSnippet } from "@/lib/embed/snippet";

export type OembedRich = {
  version: "1.0";
  type: "rich";
  provider_name: string;
  provider_url: string;
  title: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
};

export type OembedError = { status: 400 | 404 | 501; code: string; message: string; problems?: { param: string; value: string; message: string }[] };

export const PROVIDER_NAME = "Demarche";

/** How long a consumer may keep an answer (s): the snippet only changes with the view's title. */
const CACHE_AGE = 3600;

/**
 * The oEmbed answer for a request's query string: a `rich` answer whose html is the embed's
 * iframe, or the error the specification asks for (404 for a URL that is not a Demarche page
 * of this site, 501 for a format other than JSON, 400 for bad parameters).
 */
export async function oembedAnswer(search: URLSearchParams, origin: string): Promise<{ ok: true; body: OembedRich } | { ok: false; error: OembedError }> {
  const parsed = oembedQuerySchema.safeParse(oembedParams(search));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue?.path[0] ?? "url");
    return { ok: false, error: { status: 400, code: "bad_request", message: `${param}: ${issue?.message ?? "invalid"}` } };
  }
  const { url, maxwidth, maxheight, format } = parsed.data;
  if (format !== undefined && format.toLowerCase() !== "json") {
    return { ok: false, error: { status: 501, code: "format_not_implemented", message: `Only format=json is available, not "${format}".` } };
  }
  const page = demarchePageOf(url, origin);
  if (!page) return { ok: false, error: { status: 404, code: "not_found", message: `Not a Demarche timeline or event URL of ${origin}.` } };

  const base = { version: "1.0", type: "rich", provider_name: PROVIDER_NAME, provider_url: `${origin}/`, cache_age: CACHE_AGE } as const;
  if (page.kind === "event") {
    const event = await getPublicEvent(page.id);
    if (!event) return { ok: false, error: { status: 404, code: "not_found", message: `There is no published event ${page.id}.` } };
    const size = fitSize("event", { width: maxwidth, height: maxheight });
    const title = event.title;
    return { ok: true, body: { ...base, title, ...size, html: iframeSnippet({ src: embedSrc(origin, page), title: `Demarche: ${title}`, ...size }) } };
  }
  const view = await loadTimelineEmbed(page.search, origin);
  if (view.problems.length > 0) {
    // A machine-facing address never silently widens a view: the page's notice becomes a 400.
    return {
      ok: false,
      error: {
        status: 400,
        code: "bad_filter",
        message: view.problems.map((p) => p.message).join(" "),
        problems: view.problems.map(({ param, value, message }) => ({ param, value, message })),
      },
    };
  }
  const size = fitSize("timeline", { width: maxwidth, height: maxheight });
  return {
    ok: true,
    body: { ...base, title: view.summary, ...size, html: iframeSnippet({ src: embedSrc(origin, { kind: "timeline", query: view.query }), title: `Demarche: ${view.summary}`, ...size }) },
  };
}
