import { OpenApiGeneratorV31, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  actorListQuerySchema,
  actorListSchema,
  apiErrorSchema,
  apiEventDetailSchema,
  eventIdParamSchema,
  eventListQuerySchema,
  eventListSchema,
  eventTypeListSchema,
  filterQuerySchema,
} from "@/lib/api/schemas";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const errors = {
  400: json(apiErrorSchema, "A parameter cannot be applied: an unknown actor, tag or type, a malformed date, a bad limit or cursor. `problems` names each value."),
  429: {
    ...json(apiErrorSchema, "Too many requests from this client in the current window."),
    headers: { "Retry-After": { description: "Seconds until the window ends.", schema: { type: "integer" as const } } },
  },
  500: json(apiErrorSchema, "An unexpected failure (logged)."),
};

const limitHeaders = {
  "X-RateLimit-Limit": { description: "Requests allowed per window.", schema: { type: "integer" as const } },
  "X-RateLimit-Remaining": { description: "Requests left in the window.", schema: { type: "integer" as const } },
  "X-RateLimit-Reset": { description: "When the window ends (Unix seconds).", schema: { type: "integer" as const } },
  ETag: { description: "Send it back as If-None-Match for a 304.", schema: { type: "string" as const } },
};

const notModified = { 304: { description: "The copy named by If-None-Match (or If-Modified-Since) is current." } };

function registry(): OpenAPIRegistry {
  const r = new OpenAPIRegistry();
  r.register("Error", apiErrorSchema);
  r.registerPath({
    method: "get",
    path: "/api/v1/events",
    operationId: "listEvents",
    summary: "Events of a view, a page at a time",
    description:
      "The timeline's filters (the same query string as the timeline page, docs/filters.md) and keyset pages: follow `links.next` (also sent as a Link header) until it is null. The events are the page's, in its order.",
    request: { query: filterQuerySchema.merge(eventListQuerySchema) },
    responses: { 200: { ...json(eventListSchema, "A page of events."), headers: limitHeaders }, ...notModified, ...errors },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/events/{id}",
    operationId: "getEvent",
    summary: "One published event, in full",
    description: "As in the JSON export, with the relations to and from other published events.",
    request: { params: eventIdParamSchema },
    responses: {
      200: { ...json(apiEventDetailSchema, "The event."), headers: limitHeaders },
      ...notModified,
      404: json(apiErrorSchema, "No published event has this id."),
      429: errors[429],
      500: errors[500],
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/actors",
    operationId: "listActors",
    summary: "Actors, by id, a page at a time",
    description: "States, blocs, organisations and people. `filterValue` is what the filters take.",
    request: { query: actorListQuerySchema },
    responses: { 200: { ...json(actorListSchema, "A page of actors."), headers: limitHeaders }, ...notModified, ...errors },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/event-types",
    operationId: "listEventTypes",
    summary: "The event types",
    description: "The fixed vocabulary of event types, with their CAMEO and PLOVER equivalents.",
    responses: { 200: { ...json(eventTypeListSchema, "Every event type."), headers: limitHeaders }, 429: errors[429], 500: errors[500] },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    responses: { 200: { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: z.object({}).passthrough() } } } },
  });
  return r;
}

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of the read API, generated from its zod schemas. */
export function openApiDocument(): OpenApiDocument {
  cached ??= new OpenApiGeneratorV31(registry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Demarche read API",
      version: "1.0.0",
      description:
        "Read-only access to Demarche's published events. Every list takes the timeline's filters; a value the timeline would ignore is refused with a 400. Open to any origin (CORS, GET). Requests are limited per client; a 429 says when to retry. See also the feeds (/feed.atom, /feed.json) and the calendar (/calendar.ics).",
      license: { name: "See the Demarche repository" },
    },
    servers: [{ url: "/", description: "This Demarche instance" }],
  });
  return cached;
}
