import fs from "node:fs";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import { eventInputSchema, type EventInputRaw } from "@/lib/events/schema";
import { ACTOR_KIND_SLUGS, RELATION_KIND_SLUGS } from "@/lib/events/vocabulary";
import { createEvent } from "@/lib/events/write";
import { slugify } from "@/lib/text/fold";
import { ALIAS_KINDS, normaliseAlias } from "@/lib/actors/alias-normalise";
import { seedStateAliases } from "@/lib/actors/alias-write";

/** The readable example-data format of prisma/example-events.json (docs/example-data.md). */
export const exampleDataSchema = z.object({
  actors: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.enum(ACTOR_KIND_SLUGS),
      isoCode: z
        .string()
        .regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 codes are two capital letters.")
        .optional(),
      parent: z.string().optional(),
      /** Other names beside the built-in ones of a state (docs/actors.md). */
      aliases: z.array(z.object({ alias: z.string().min(1), kind: z.enum(ALIAS_KINDS).default("other") })).default([]),
    }),
  ),
  events: z.array(
    z.object({
      key: z.string().min(1),
      date: z.string(),
      endDate: z.string().optional(),
      type: z.string(),
      status: z.enum(["draft", "published"]).default("published"),
      title: z.string(),
      summary: z.string().optional(),
      legalBasis: z.string().optional(),
      location: z.string().optional(),
      measures: z.array(z.string()).default([]),
      initiators: z.array(z.string()),
      targets: z.array(z.string()).default([]),
      tags: z.array(z.string()).default([]),
      sources: z
        .array(
          z.object({
            url: z.string().optional(),
            title: z.string(),
            publisher: z.string().optional(),
            publishedOn: z.string().optional(),
          }),
        )
        .default([]),
      relations: z.array(z.object({ kind: z.enum(RELATION_KIND_SLUGS), event: z.string() })).default([]),
    }),
  ),
});

export type ExampleData = z.infer<typeof exampleDataSchema>;

export function readExampleData(file: string): ExampleData {
  const parsed = exampleDataSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`${file} is not valid example data:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Loads actors and events into the database in one transaction: either all of the file
 * is loaded or nothing is. Events may only refer to events listed before them.
 */
export async function loadExampleData(prisma: PrismaClient, data: ExampleData): Promise<{ events: number; actors: number }> {
  return prisma.$transaction(
    async (tx) => {
      const actorIds = new Map<string, number>();
      for (const actor of data.actors) {
        const created = await tx.actor.create({
          data: { name: actor.name, slug: slugify(actor.name), kind: actor.kind, isoCode: actor.isoCode ?? null },
          select: { id: true },
        });
        actorIds.set(actor.name, created.id);
        if (actor.aliases.length > 0) {
          await tx.actorAlias.createMany({
            data: actor.aliases.map((a) => ({ actorId: created.id, alias: a.alias, normalised: normaliseAlias(a.alias), kind: a.kind, origin: "admin" })),
          });
        }
      }
      // Listed aliases first, so the built-in ones never take a name the file gives elsewhere.
      await seedStateAliases(tx);
      for (const actor of data.actors) {
        if (!actor.parent) continue;
        const parentId = actorIds.get(actor.parent);
        if (parentId === undefined) throw new Error(`Actor "${actor.name}": unknown parent "${actor.parent}"`);
        await tx.actor.update({ where: { id: actorIds.get(actor.name) }, data: { parentId } });
      }

      const eventIds = new Map<string, number>();
      const actorId = (eventKey: string, name: string) => {
        const id = actorIds.get(name);
        if (id === undefined) throw new Error(`Event "${eventKey}": unknown actor "${name}"`);
        return id;
      };
      for (const event of data.events) {
        if (eventIds.has(event.key)) throw new Error(`Event key "${event.key}" is used twice`);
        const raw: EventInputRaw = {
          title: event.title,
          summary: event.summary,
          date: event.date,
          endDate: event.endDate ?? null,
          type: event.type as EventInputRaw["type"],
          status: event.status,
          legalBasis: event.legalBasis ?? null,
          location: event.location ?? null,
          measures: event.measures as EventInputRaw["measures"],
          initiatorIds: event.initiators.map((name) => actorId(event.key, name)),
          targetIds: event.targets.map((name) => actorId(event.key, name)),
          tags: event.tags,
          sources: event.sources.map((s) => ({
            url: s.url ?? null,
            title: s.title,
            publisher: s.publisher ?? null,
            publishedOn: s.publishedOn ?? null,
          })),
          relations: event.relations.map((r) => {
            const id = eventIds.get(r.event);
            if (id === undefined) {
              throw new Error(`Event "${event.key}": "${r.event}" must be listed before the events that refer to it`);
            }
            return { kind: r.kind, eventId: id };
          }),
        };
        const parsed = eventInputSchema.safeParse(raw);
        if (!parsed.success) {
          throw new Error(`Event "${event.key}" is invalid:\n${z.prettifyError(parsed.error)}`);
        }
        eventIds.set(event.key, await createEvent(tx, parsed.data, { userId: null, kind: "import" }));
      }
      return { events: eventIds.size, actors: actorIds.size };
    },
    { timeout: 60_000 },
  );
}
