/**
 * The paste form of /admin/intake: what an editor may send, checked before anything is
 * drafted or stored. Pure (no database), unit-tested in paste.test.ts.
 */
import { z } from "zod";
import { httpUrlSchema, LIMITS } from "@/lib/events/schema";
import { checkPublicationDate, IntakeInputError, isProbablyEnglish, prepareArticleText } from "@/lib/intake/text";

export { MAX_ARTICLE_BYTES } from "@/lib/intake/text";

/** Today's date in UTC, "YYYY-MM-DD". */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v));

export function pasteSchema(now: Date = new Date()) {
  return z.object({
    // The drafter's own reader (lib/intake/text.ts) decides what an article is, so the form and the CLI agree.
    text: z.string().transform((raw, ctx) => {
      try {
        const text = prepareArticleText(raw);
        if (!isProbablyEnglish(text)) {
          ctx.addIssue({ code: "custom", message: "This text does not look like English; the drafter reads English articles only." });
          return z.NEVER;
        }
        return text;
      } catch (error) {
        if (!(error instanceof IntakeInputError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    }),
    published: z
      .string()
      .trim()
      .max(40, "Give the publication date as YYYY-MM-DD.")
      .transform((value, ctx) => {
        if (value === "") return null;
        try {
          checkPublicationDate(value, todayUtc(now));
          return value;
        } catch (error) {
          if (!(error instanceof IntakeInputError)) throw error;
          ctx.addIssue({ code: "custom", message: error.message });
          return z.NEVER;
        }
      }),
    publisher: optional(LIMITS.publisher, "Publisher"),
    title: optional(LIMITS.sourceTitle, "Title"),
    url: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .pipe(httpUrlSchema.nullable()),
  });
}

export type PasteInput = z.infer<ReturnType<typeof pasteSchema>>;

export const PASTE_FIELDS = ["text", "published", "publisher", "title", "url"] as const;
