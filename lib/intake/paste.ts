/**
 * The paste form of /admin/intake: what an editor may send, checked before anything is
 * drafted or stored. Pure (no database), unit-tested in paste.test.ts.
 */
import { z } from "zod";
import { parsePartialDateDetailed } from "@/lib/dates/partial-date";
import { httpUrlSchema, LIMITS } from "@/lib/events/schema";

/** A pasted article may be this large (UTF-8 bytes); longer news articles do not exist. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** Control characters other than tab, line feed, form feed and carriage return: a sign of binary data. */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g;

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 64 * 1024);
  const controls = sample.match(CONTROL)?.length ?? 0;
  return controls > 8 && controls / Math.max(sample.length, 1) > 0.01;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", hellip: "…" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Whether a paste is HTML rather than plain text (a browser's "copy" of a page, or its source). */
export function isHtml(text: string): boolean {
  return /<(p|div|br|span|article|h[1-6]|li|html|body|a)\b[^>]*>/i.test(text.slice(0, 20_000));
}

/**
 * Reduces pasted HTML to text: scripts, styles and comments go, block elements become line
 * breaks (so sentences and paragraphs stay apart), entities are decoded. Linear in the
 * input: no nested quantifiers over attacker-controlled text.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<(script|style|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<(br|hr)\b[^>]*>/gi, "\n")
      .replace(/<\/?(p|div|section|article|header|footer|h[1-6]|li|ul|ol|tr|table|blockquote|figure|figcaption|time)\b[^>]*>/gi, "\n\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The article as the drafter reads it: HTML reduced to text, line endings unified. */
export function articleText(pasted: string): string {
  const text = pasted.replace(/\r\n?/g, "\n");
  return (isHtml(text) ? htmlToText(text) : text).trim();
}

/** Today's date in UTC, "YYYY-MM-DD". */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The last publication date accepted: tomorrow in UTC, since "today" east of Greenwich can already be tomorrow there. */
function latestPublication(now: Date): string {
  return new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v));

export function pasteSchema(now: Date = new Date()) {
  return z.object({
    text: z
      .string()
      .refine((t) => t.trim() !== "", "Paste the article's text.")
      .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_ARTICLE_BYTES, `The text is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB; paste one article at a time.`)
      .refine((t) => !looksBinary(t), "This looks like binary data, not an article. Paste the article's text or HTML.")
      .transform(articleText)
      .refine((t) => t !== "", "The pasted HTML has no text in it."),
    published: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === "") return null;
        const parsed = parsePartialDateDetailed(value);
        if (!parsed.ok || parsed.date.precision !== "day") {
          ctx.addIssue({ code: "custom", message: "Enter the publication date as a full date (year, month and day)." });
          return z.NEVER;
        }
        if (parsed.date.start > latestPublication(now)) {
          ctx.addIssue({ code: "custom", message: "The publication date is in the future." });
          return z.NEVER;
        }
        return parsed.date.start;
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
