import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { getPublicEvent } from "@/lib/events/queries";
import { readTimeline } from "@/lib/timeline/read";
import type { EventSnapshot } from "@/lib/events/snapshot";
import { EVENT_TYPES } from "@/lib/events/vocabulary";
import { engineOf } from "@/lib/db/engine";
import {
  actorListQuerySchema,
  eventIdParamSchema,
  eventListQuerySchema,
  type ApiActor,
  type ApiEvent,
  type ApiEventDetail,
  type EventList,
} from "@/lib/api/schemas";
import { conditionalResponse } from "@/lib/reach/conditional";
import { apiErrorResponse, type ApiProblem } from "@/lib/reach/errors";
import { eventUrl } from "@/lib/reach/entry";
import { publicOrigin } from "@/lib/reach/origin";
import { resolveMachineQuery, searchOfRequest } from "@/lib/reach/query";
import { decodeCursor, encodeCursor } from "@/lib/timeline/cursor";
import { apiJson } from "@/lib/api/handler";

const JSON_TYPE = "application/json; charset=utf-8";

/** The parameters of `schema` found in `params` (only those it names), or the 400 saying what is wrong. */
function parseParams<S extends z.ZodObject>(
  schema: S,
  params: URLSearchParams,
): { ok: true; value: z.infer<S> } | { ok: false; response: Response } {
  const raw: Record<string, string> = {};
  const problems: ApiProblem[] = [];
  for (const name of Object.keys(schema.shape)) {
    const values = params.getAll(name);
    if (values.length > 1) problems.push({ param: name, value: values.join(", "), message: `"${name}" may be given once.` });
    if (values[0] !== undefined) raw[name] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const param = String(issue.path[0] ?? "");
      problems.push({ param, value: raw[param] ?? "", message: `"${param}": ${issue.message}` });
    }
  }
  if (problems.length > 0 || !parsed.success) {
    const cursor = problems.every((p) => p.param === "cursor");
    return {
      ok: false,
      response: apiErrorResponse(400, cursor ? "invalid_cursor" : "invalid_parameter", problems.map((p) => p.message).join(" "), { problems }),
    };
  }
  return { ok: true, value: parsed.data };
}

export function toApiEvent(snapshot: EventSnapshot, origin: string): ApiEvent {
  return { ...snapshot, url: eventUrl(origin, snapshot.id), status: "published", deletedAt: null, datePrecision: snapshot.datePrecision as ApiEvent["datePrecision"] };
}

/** GET /api/v1/events: a page of the view, in the timeline's order, by keyset (the page's cursor). */
export async function listEvents(request: Request): Promise<Response> {
  const machine = await resolveMachineQuery(searchOfRequest(request));
  if (!machine.ok) return machine.response;
  const { params, resolved, query } = machine.value;
  const paging = parseParams(eventListQuerySchema, params);
  if (!paging.ok) return paging.response;
  const { limit, cursor: rawCursor } = paging.value;
  const cursor = rawCursor === undefined ? null : decodeCursor(rawCursor);
  if (rawCursor !== undefined && cursor === null) {
    return apiErrorResponse(400, "invalid_cursor", `"cursor": "${rawCursor}" is not a position from a next link.`, {
      problems: [{ param: "cursor", value: rawCursor, message: "Not a valid cursor." }],
    });
  }
  // The timeline's own read (the page's ids, total and order), without the page's facet labels and cards.
  const page = await readTimeline(prisma, resolved, { cursor, limit });
  const origin = publicOrigin(request);
  const snapshots = await engineOf(prisma).snapshotLoader()(page.ids, { publicRelationsOnly: true });
  const last = snapshots.at(-1);
  const nextCursor = page.hasMore && last ? encodeCursor({ dateStart: last.dateStart, id: last.id }) : null;
  const link = (extra: Record<string, string>) => {
    const search = new URLSearchParams(query);
    if (limit !== 50) search.set("limit", String(limit));
    for (const [k, v] of Object.entries(extra)) search.set(k, v);
    const s = search.toString();
    return `${origin}/api/v1/events${s ? `?${s}` : ""}`;
  };
  const body: EventList = {
    data: snapshots.map((s) => toApiEvent(s, origin)),
    meta: { total: page.total, limit, query },
    links: {
      self: link(rawCursor ? { cursor: rawCursor } : {}),
      next: nextCursor ? link({ cursor: nextCursor }) : null,
      html: `${origin}/${query ? `?${query}` : ""}`,
    },
  };
  return conditionalResponse(request, JSON.stringify(body), {
    contentType: JSON_TYPE,
    lastModified: null,
    headers: body.links.next ? { Link: `<${body.links.next}>; rel="next"` } : {},
  });
}

/** GET /api/v1/events/:id: the full event, with what it relates to and what relates to it. */
export async function getEvent(request: Request, params: { id?: string }): Promise<Response> {
  const parsed = eventIdParamSchema.safeParse(params);
  const id = parsed.success ? Number(parsed.data.id) : null;
  const event = id === null ? null : await getPublicEvent(id);
  if (!event || id === null) return apiErrorResponse(404, "not_found", `There is no published event ${JSON.stringify(params.id ?? "")}.`);
  const [snapshot] = await engineOf(prisma).snapshotLoader()([id], { publicRelationsOnly: true });
  if (!snapshot) return apiErrorResponse(404, "not_found", `There is no published event ${id}.`);
  const body: ApiEventDetail = {
    ...toApiEvent(snapshot, publicOrigin(request)),
    relatedBy: event.relationsTo.map((r) => ({ kind: r.kind, eventId: r.from.id })),
  };
  return conditionalResponse(request, JSON.stringify(body), { contentType: JSON_TYPE, lastModified: event.updatedAt });
}

/** GET /api/v1/actors: every actor, by id, in pages. */
export async function listActors(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const paging = parseParams(actorListQuerySchema, params);
  if (!paging.ok) return paging.response;
  const { limit, cursor } = paging.value;
  const rows = await prisma.actor.findMany({
    where: cursor ? { id: { gt: Number(cursor) } } : {},
    orderBy: { id: "asc" },
    take: limit + 1,
    select: { id: true, name: true, slug: true, kind: true, isoCode: true, parentId: true },
  });
  const page = rows.slice(0, limit);
  const origin = publicOrigin(request);
  const link = (c?: string) => {
    const search = new URLSearchParams();
    if (limit !== 500) search.set("limit", String(limit));
    if (c) search.set("cursor", c);
    const s = search.toString();
    return `${origin}/api/v1/actors${s ? `?${s}` : ""}`;
  };
  const data: ApiActor[] = page.map((a) => ({
    ...a,
    kind: a.kind as ApiActor["kind"],
    filterValue: a.isoCode ? a.isoCode.toLowerCase() : a.slug,
  }));
  const last = page.at(-1);
  const body = { data, links: { self: link(cursor), next: rows.length > limit && last ? link(String(last.id)) : null } };
  return conditionalResponse(request, JSON.stringify(body), { contentType: JSON_TYPE, lastModified: null });
}

/** GET /api/v1/event-types: the fixed vocabulary of types (docs/event-types.md). */
export function listEventTypes(): Response {
  return apiJson({ data: EVENT_TYPES.map(({ slug, label, description, cameo, plover }) => ({ slug, label, description, cameo: [...cameo], plover })) });
}
