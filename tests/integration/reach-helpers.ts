import { prisma } from "@/lib/db";
import { PUBLIC_EVENT } from "@/lib/events/queries";
import { listTimelineEvents } from "@/lib/timeline/view";
import type { TimelineCursor } from "@/lib/timeline/cursor";
import { resolveTimelineQuery } from "@/lib/timeline/page-data";

export const ORIGIN = "http://demarche.test";

type Handler = (request: Request, context?: never) => Promise<Response> | Response;

/** Calls a route handler as Next.js would, with a full URL. */
export async function call(handler: Handler, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return handler(new Request(`${ORIGIN}${path}`, { headers }));
}

/** Every id the timeline page lists for a query string (all its pages), in its order. */
export async function pageIds(query: string): Promise<number[]> {
  const { resolved } = await resolveTimelineQuery(query);
  const ids: number[] = [];
  let cursor: TimelineCursor | null = null;
  for (;;) {
    const page = await listTimelineEvents({ filters: resolved, cursor, limit: 200 });
    ids.push(...page.events.map((e) => e.id));
    if (!page.nextCursor) return ids;
    const last = page.events.at(-1)!;
    cursor = { dateStart: last.dateStart, id: last.id };
  }
}

/** The oracle of a feed: the view's public events by change time, newest first, from the table itself. */
export async function newestChanged(query: string, limit: number): Promise<number[]> {
  const inView = new Set(await pageIds(query));
  const rows = await prisma.event.findMany({ where: PUBLIC_EVENT, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { id: true } });
  return rows.map((r) => r.id).filter((id) => inView.has(id)).slice(0, limit);
}

/** Queries that cover every filter of the contract, each matching at least one example event. */
export const VIEW_QUERIES = [
  "",
  "sort=oldest",
  "initiator=ru&target=us",
  "actor=turkey&from=2020",
  "type=diplomatic-expulsion&type=statement",
  "q=gencoglu",
  "tag=s-400",
  "basis=CAATSA+Section+231",
  "from=2021-04&to=2021-04",
];

/** Query strings a machine-facing address must refuse, and the value its 400 must name. */
export const REFUSED_QUERIES: [string, string][] = [
  ["initiator=atlantis", "atlantis"],
  ["target=us&actor=narnia", "narnia"],
  ["type=invasion", "invasion"],
  ["tag=no-such-tag", "no-such-tag"],
  ["from=2021-04&to=2021-04&initiator=atlantis", "atlantis"],
];
