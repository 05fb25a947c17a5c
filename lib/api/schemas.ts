import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_ERROR_CODES } from "@/lib/reach/errors";
import { ACTOR_KIND_SLUGS, EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";
import { MAX_QUERY_LENGTH, SORTS } from "@/lib/timeline/filters";

/**
 * The read API's shapes, once: the routes parse their parameters with them, the tests check
 * every answer against them, and the OpenAPI document (lib/api/openapi.ts) is generated
 * from them, so the reference cannot drift from what the API does.
 */
extendZodWithOpenApi(z);

export const API_LIMIT_DEFAULT = 50;
export const API_LIMIT_MAX = 200;
export const ACTOR_LIMIT_DEFAULT = 500;
export const ACTOR_LIMIT_MAX = 1000;

export const apiErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int().openapi({ example: 400 }),
      code: z.enum(API_ERROR_CODES).openapi({ description: "Stable; branch on this, not on the message." }),
      message: z.string().openapi({ example: 'The query string has values that cannot be applied: initiator=atlantis.' }),
      problems: z
        .array(z.object({ param: z.string(), value: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: "For invalid_filter and invalid_parameter: each refused value." }),
    }),
  })
  .openapi("Error", { description: "Every error of every machine-facing address has this shape." });

const repeatable = (description: string, example: string) =>
  z.array(z.string()).optional().openapi({ description: `${description} Repeat the parameter for OR.`, example: [example] });

/** The timeline's filter contract (docs/filters.md), as documented parameters. */
export const filterQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional().openapi({ description: "Words that must each start a word of the event's text.", example: "persona non grata" }),
  from: z.string().optional().openapi({ description: "YYYY, YYYY-MM or YYYY-MM-DD: events whose date period ends on or after it.", example: "2021-04" }),
  to: z.string().optional().openapi({ description: "YYYY, YYYY-MM or YYYY-MM-DD: events whose date period starts on or before it.", example: "2021-04" }),
  type: z.array(z.enum(EVENT_TYPE_SLUGS)).optional().openapi({ description: "Event type slugs (GET /api/v1/event-types). Repeat for OR." }),
  actor: repeatable("Actor slug or a state's ISO code, in either role (GET /api/v1/actors, `filterValue`).", "tr"),
  initiator: repeatable("Actor that acted.", "ru"),
  target: repeatable("Actor acted against.", "us"),
  tag: repeatable("Tag slug.", "s-400"),
  basis: repeatable("Legal basis, exactly as recorded.", "CAATSA Section 231"),
  sort: z.enum(SORTS).optional().openapi({ description: "By the first day of the event's date, then id. Default newest." }),
});

export const eventListQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(API_LIMIT_MAX)
    .default(API_LIMIT_DEFAULT)
    .openapi({ description: `Events per page, 1 to ${API_LIMIT_MAX}.`, example: API_LIMIT_DEFAULT }),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}_[1-9]\d{0,9}$/)
    .optional()
    .openapi({ description: "Opaque position from `links.next`; the page after it in the current order.", example: "2021-04-16_12" }),
});

export const actorListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(ACTOR_LIMIT_MAX).default(ACTOR_LIMIT_DEFAULT).openapi({ description: `Actors per page, 1 to ${ACTOR_LIMIT_MAX}.` }),
  cursor: z.string().regex(/^[1-9]\d{0,9}$/).optional().openapi({ description: "Opaque position from `links.next`." }),
});

export const eventIdParamSchema = z.object({
  id: z.string().regex(/^[1-9]\d{0,9}$/).openapi({ description: "The event's id.", example: "12" }),
});

const actorRefSchema = z.object({ id: z.number().int(), name: z.string(), isoCode: z.string().nullable() });
const relationSchema = z.object({
  kind: z.string().openapi({ description: "responds-to, continues, reverses, ... (docs/event-types.md)" }),
  eventId: z.number().int(),
});

export const apiEventSchema = z
  .object({
    id: z.number().int(),
    url: z.string().openapi({ description: "The event's page on Demarche." }),
    title: z.string(),
    summary: z.string(),
    date: z.string().openapi({ description: "The date at its precision: YYYY, YYYY-MM or YYYY-MM-DD.", example: "2021-04-15" }),
    datePrecision: z.enum(["day", "month", "year"]),
    dateStart: z.string().openapi({ description: "First calendar day the date covers." }),
    dateEnd: z.string().openapi({ description: "Last calendar day the date covers." }),
    endDate: z.string().nullable().openapi({ description: "End of a measure in force over a period, as entered (YYYY, YYYY-MM or YYYY-MM-DD)." }),
    type: z.string(),
    status: z.literal("published"),
    legalBasis: z.string().nullable(),
    location: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.null(),
    measures: z.array(z.string()),
    initiators: z.array(actorRefSchema),
    targets: z.array(actorRefSchema),
    tags: z.array(z.string()),
    sources: z.array(
      z.object({
        url: z.string().nullable(),
        title: z.string(),
        publisher: z.string().nullable(),
        publishedOn: z.string().nullable(),
        retrievedAt: z.string().nullable(),
        archiveUrl: z.string().nullable(),
      }),
    ),
    relations: z.array(relationSchema).openapi({ description: "This event's relations to earlier public events (as in the JSON export)." }),
  })
  .openapi("Event", { description: "An event as in the JSON export (/export.json), with its address." });

export const apiEventDetailSchema = apiEventSchema
  .extend({
    relatedBy: z.array(relationSchema).openapi({ description: "Public events that relate to this one (for example the replies to it)." }),
  })
  .openapi("EventDetail");

export const eventListSchema = z
  .object({
    data: z.array(apiEventSchema),
    meta: z.object({
      total: z.number().int().openapi({ description: "Events in the view, over all pages." }),
      limit: z.number().int(),
      query: z.string().openapi({ description: "The view's canonical query string." }),
    }),
    links: z.object({
      self: z.string(),
      next: z.string().nullable().openapi({ description: "The next page, or null on the last one." }),
      html: z.string().openapi({ description: "The same view on the timeline." }),
    }),
  })
  .openapi("EventList");

export const apiActorSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    kind: z.enum(ACTOR_KIND_SLUGS),
    isoCode: z.string().nullable(),
    filterValue: z.string().openapi({ description: "What to pass as actor/initiator/target: the ISO code of a state, else the slug." }),
    parentId: z.number().int().nullable(),
  })
  .openapi("Actor");

export const actorListSchema = z
  .object({ data: z.array(apiActorSchema), links: z.object({ self: z.string(), next: z.string().nullable() }) })
  .openapi("ActorList");

export const apiEventTypeSchema = z
  .object({
    slug: z.string(),
    label: z.string(),
    description: z.string(),
    cameo: z.array(z.string()),
    plover: z.string(),
  })
  .openapi("EventType");

export const eventTypeListSchema = z.object({ data: z.array(apiEventTypeSchema) }).openapi("EventTypeList");

export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiEventDetail = z.infer<typeof apiEventDetailSchema>;
export type EventList = z.infer<typeof eventListSchema>;
export type ApiActor = z.infer<typeof apiActorSchema>;
