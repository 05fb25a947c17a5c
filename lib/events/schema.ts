import { z } from "zod";
import { parsePartialDateDetailed } from "@/lib/dates/partial-date";
import {
  EVENT_STATUSES,
  EVENT_TYPE_SLUGS,
  RELATION_KIND_SLUGS,
  SANCTION_MEASURE_SLUGS,
} from "@/lib/events/vocabulary";

/** Limits shared by the server and the form's hints. */
export const LIMITS = {
  title: 300,
  summary: 20_000,
  legalBasis: 300,
  location: 200,
  tag: 80,
  tags: 30,
  url: 2_000,
  sourceTitle: 500,
  publisher: 200,
  sources: 30,
  participants: 100,
  relations: 50,
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const partialDateSchema = z.string().transform((value, ctx) => {
  const result = parsePartialDateDetailed(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.date;
});

export const httpUrlSchema = z
  .string()
  .trim()
  .max(LIMITS.url, `At most ${LIMITS.url} characters.`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with http:// or https://.");

export const sourceInputSchema = z
  .object({
    url: httpUrlSchema.nullable().optional().transform((v) => v ?? null),
    title: z.string().trim().max(LIMITS.sourceTitle, `At most ${LIMITS.sourceTitle} characters.`),
    publisher: optionalText(LIMITS.publisher),
    publishedOn: partialDateSchema.nullable().optional().transform((d) => d?.value ?? null),
    archiveUrl: httpUrlSchema.nullable().optional().transform((v) => v ?? null),
  })
  .superRefine((source, ctx) => {
    if (source.url === null && source.title === "") {
      ctx.addIssue({ code: "custom", path: ["title"], message: "A source needs a URL or a title." });
    }
  });

export type SourceInput = z.infer<typeof sourceInputSchema>;

export const relationInputSchema = z.object({
  kind: z.enum(RELATION_KIND_SLUGS, "Choose how the events relate."),
  /** The earlier event this one relates to. */
  eventId: z.number().int().positive(),
});

export type RelationInput = z.infer<typeof relationInputSchema>;

const idList = z.array(z.number().int().positive()).max(LIMITS.participants);

/**
 * A complete event as it is written to the database, with actors already resolved to ids.
 * Every writer (seed, admin form, import) goes through this schema.
 */
export const eventInputSchema = z
  .object({
    /** The event being edited, when there is one: only used to refuse a relation to itself. */
    id: z.number().int().positive().optional(),
    title: z
      .string()
      .trim()
      .min(1, "Enter a title.")
      .max(LIMITS.title, `The title is too long: at most ${LIMITS.title} characters. Shorten it; the summary can carry the rest.`),
    summary: z
      .string()
      .trim()
      .max(LIMITS.summary, `At most ${LIMITS.summary} characters.`)
      .optional()
      .transform((v) => v ?? ""),
    date: partialDateSchema,
    endDate: partialDateSchema.nullable().optional().transform((d) => d ?? null),
    type: z.enum(EVENT_TYPE_SLUGS, "Choose an event type."),
    status: z.enum(EVENT_STATUSES).default("draft"),
    legalBasis: optionalText(LIMITS.legalBasis),
    location: optionalText(LIMITS.location),
    measures: z.array(z.enum(SANCTION_MEASURE_SLUGS)).default([]),
    initiatorIds: idList.min(1, "Add at least one initiator."),
    targetIds: idList.default([]),
    tags: z
      .array(z.string().trim().min(1).max(LIMITS.tag, `A tag has at most ${LIMITS.tag} characters.`))
      .max(LIMITS.tags, `At most ${LIMITS.tags} tags.`)
      .default([]),
    sources: z.array(sourceInputSchema).max(LIMITS.sources, `At most ${LIMITS.sources} sources.`).default([]),
    relations: z.array(relationInputSchema).max(LIMITS.relations).default([]),
  })
  .superRefine((event, ctx) => {
    if (event.endDate && event.endDate.end < event.date.start) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end cannot be before the date." });
    }
    const seen = new Set<string>();
    event.sources.forEach((source, index) => {
      if (source.url === null) return;
      const key = source.url.replace(/\/+$/, "").toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["sources", index, "url"], message: "This source is listed twice." });
      }
      seen.add(key);
    });
    const links = new Set<string>();
    event.relations.forEach((relation, index) => {
      if (event.id !== undefined && relation.eventId === event.id) {
        ctx.addIssue({ code: "custom", path: ["relations", index, "eventId"], message: "An event cannot relate to itself." });
      }
      const key = `${relation.kind}:${relation.eventId}`;
      if (links.has(key)) {
        ctx.addIssue({ code: "custom", path: ["relations", index, "eventId"], message: "This link is listed twice." });
      }
      links.add(key);
    });
    const both = event.initiatorIds.filter((id) => event.targetIds.includes(id));
    if (both.length > 0) {
      ctx.addIssue({ code: "custom", path: ["targetIds"], message: "An actor cannot be both initiator and target." });
    }
  });

export type EventInput = z.infer<typeof eventInputSchema>;
/** What callers pass in before validation. */
export type EventInputRaw = z.input<typeof eventInputSchema>;
