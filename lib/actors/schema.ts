import { z } from "zod";
import { ALIAS_KINDS, MAX_ALIAS_LENGTH, normaliseAlias } from "@/lib/actors/alias-normalise";
import { ACTOR_KIND_SLUGS } from "@/lib/events/vocabulary";

export const actorInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "At most 200 characters."),
  kind: z.enum(ACTOR_KIND_SLUGS, "Choose what kind of actor this is."),
  isoCode: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^[A-Z]{2}$/, "An ISO 3166-1 code is two letters, such as FR.").nullable()),
});

export type ActorInput = z.infer<typeof actorInputSchema>;

export const actorMergeSchema = z
  .object({
    fromId: z.coerce.number().int().positive("Choose the duplicate."),
    intoId: z.coerce.number().int().positive("Choose the actor to keep."),
  })
  .refine((m) => m.fromId !== m.intoId, { path: ["intoId"], message: "Choose two different actors." });

export const aliasInputSchema = z.object({
  actorId: z.coerce.number().int().positive("Choose an actor."),
  alias: z
    .string()
    .trim()
    .min(1, "Enter an alias.")
    .max(MAX_ALIAS_LENGTH, `At most ${MAX_ALIAS_LENGTH} characters.`)
    .refine((v) => normaliseAlias(v) !== "", "An alias needs at least one letter or digit."),
  kind: z.enum(ALIAS_KINDS, "Choose what kind of alias this is."),
});

export type AliasFormInput = z.infer<typeof aliasInputSchema>;

export const aliasRemoveSchema = z.object({
  actorId: z.coerce.number().int().positive(),
  aliasId: z.coerce.number().int().positive(),
});
