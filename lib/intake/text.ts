/**
 * Article text in: bounds, HTML reduced to text, the dateline's publication date, and the
 * split into paragraphs, sentences and clauses. Sentences come from the ICU sentence
 * segmenter built into Node (`Intl.Segmenter`), whose rules know quotes and closing
 * punctuation; the segments it ends after an abbreviation ("U.S.", "Mr.", "No.") are joined
 * again here, because ICU's abbreviation suppressions are not exposed through `Intl`.
 */
import { parseCalendarDay } from "./calendar";

/** Largest paste the drafter reads (UTF-8 bytes). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export type IntakeInputErrorCode =
  | "empty"
  | "too-large"
  | "binary"
  | "not-english"
  | "bad-publication-date"
  | "future-publication-date";

/** A bad article or publication date: a clear message for the editor, never a crash. */
export class IntakeInputError extends Error {
  constructor(
    readonly code: IntakeInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IntakeInputError";
  }
}

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", hellip: "…", laquo: "«", raquo: "»",
  eacute: "é", egrave: "è", aacute: "á", oacute: "ó", uuml: "ü", ouml: "ö", auml: "ä",
  ccedil: "ç", scaron: "š", zcaron: "ž", ecaron: "ě", rcaron: "ř", middot: "·", bull: "•",
  copy: "©", reg: "®", trade: "™", euro: "€", pound: "£", shy: "",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Looks like pasted HTML: a few real tags, not just a "<" in prose. */
export function looksLikeHtml(text: string): boolean {
  return /<(p|div|br|span|a|h[1-6]|li|ul|ol|article|section|html|body|strong|em|b|i|time|figure|table)\b[^>]*>/i.test(text);
}

const BLOCK_TAGS = /^(p|div|br|h[1-6]|li|ul|ol|article|section|header|footer|blockquote|tr|table|figure|figcaption|time|hr|main|aside|nav|dd|dt|pre)$/i;

/**
 * HTML to text: scripts, styles and comments dropped, block elements become paragraph
 * breaks, inline tags vanish, entities are decoded. A linear scan, so a hostile paste
 * cannot make it backtrack.
 */
export function htmlToText(html: string): string {
  let text = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|noscript|template|svg|iframe|head)\b[\s\S]*?<\/\1\s*>/gi, " ");
  text = text.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) => (BLOCK_TAGS.test(name) ? "\n\n" : ""));
  text = decodeEntities(text.replace(/<[^>]*>/g, ""));
  return text
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const COMMON_ENGLISH = new Set(
  "the of and to in a is that for on was with as by it at said from his her has have are were be this which an its their they after over also not been will would who but against".split(" "),
);

const COMMON_FOREIGN = new Set(
  // Spanish, French, German, Italian, Portuguese, Dutch function words that are not English words.
  "el la los las del en y que se por con para una un es le les des et du au aux est une sur dans pour qui der die das und nicht ist mit den dem ein eine zu auf il di che della per sono non nel em os não uma ao pelo het een van op voor zijn niet".split(" "),
);

/**
 * True for text in English: more of its words are common English function words than
 * common function words of the other languages news is pasted in, and it is written in
 * Latin script. Short texts are only refused when they clearly are not English.
 */
export function isProbablyEnglish(text: string): boolean {
  const words = text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 4) return true; // too short to judge; the drafter will find nothing
  const latin = words.filter((w) => /^[a-z\u00c0-\u024f]+$/.test(w)).length;
  if (latin / words.length < 0.6) return false;
  const english = words.filter((w) => COMMON_ENGLISH.has(w) && w !== "a").length;
  const foreign = words.filter((w) => COMMON_FOREIGN.has(w)).length;
  if (foreign > english) return false;
  return words.length < 40 || english / words.length >= 0.08;
}

/** Reads an article for the drafter: bounds checked, HTML reduced to text, line ends normalised. */
export function prepareArticleText(raw: string): string {
  if (Buffer.byteLength(raw, "utf8") > MAX_ARTICLE_BYTES) {
    throw new IntakeInputError("too-large", `The article is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB; paste the article's text only.`);
  }
  // NUL or other C0 control characters (beyond tab and line breaks) mean a binary file.
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const controls = raw.slice(0, 100_000).match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (raw.includes("\u0000") || controls > 8) {
    throw new IntakeInputError("binary", "This looks like a binary file, not an article's text.");
  }
  const normalised = raw.replace(/\r\n?/g, "\n").replace(/\u2028|\u2029/g, "\n");
  const text = looksLikeHtml(normalised) ? htmlToText(normalised) : decodeEntities(normalised).trim();
  if (text.replace(/\s+/g, "") === "") throw new IntakeInputError("empty", "The article is empty: paste its text.");
  return text;
}

/**
 * Checks a publication date: `YYYY-MM-DD`, a real calendar day, and not after `today`
 * (a calendar day too; one day of slack for articles dated ahead of UTC).
 */
export function checkPublicationDate(published: string, today: string): { y: number; m: number; d: number } {
  const day = parseCalendarDay(published);
  if (!day) throw new IntakeInputError("bad-publication-date", `"${published}" is not a publication date: give it as YYYY-MM-DD.`);
  const todayDay = parseCalendarDay(today);
  if (todayDay) {
    const limit = Date.UTC(todayDay.y, todayDay.m - 1, todayDay.d + 1);
    if (Date.UTC(day.y, day.m - 1, day.d) > limit) {
      throw new IntakeInputError("future-publication-date", `The publication date ${published} is in the future.`);
    }
  }
  if (day.y < 1900) throw new IntakeInputError("bad-publication-date", `The publication date ${published} is too early.`);
  return day;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const WEEKDAY_RE = "(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?";

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, "");
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

function validDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The publication date of a dateline near the top of the article ("Thursday, 29 April
 * 2021 7:07 AM", "April 29, 2021", "2021-04-29", "Published 29.04.2021"), or null.
 */
export function detectPublicationDate(text: string): string | null {
  const head = text.slice(0, 1500);
  const patterns: Array<[RegExp, (m: RegExpMatchArray) => string | null]> = [
    [new RegExp(`(?:${WEEKDAY_RE},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})`, "i"), (m) => validDay(+(m[3] ?? ""), monthNumber((m[2] ?? "")), +(m[1] ?? ""))],
    [new RegExp(`(?:${WEEKDAY_RE},?\\s+)?${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, "i"), (m) => validDay(+(m[3] ?? ""), monthNumber((m[1] ?? "")), +(m[2] ?? ""))],
    [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => validDay(+(m[1] ?? ""), +(m[2] ?? ""), +(m[3] ?? ""))],
    [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (m) => validDay(+(m[3] ?? ""), +(m[2] ?? ""), +(m[1] ?? ""))],
  ];
  let best: { index: number; date: string } | null = null;
  for (const [re, read] of patterns) {
    const m = head.match(re);
    if (!m || m.index === undefined) continue;
    const date = read(m);
    if (date && (!best || m.index < best.index)) best = { index: m.index, date };
  }
  return best?.date ?? null;
}

export type Sentence = {
  text: string;
  /** Offset of the sentence in the prepared article text. */
  start: number;
  paragraph: number;
  /** Index of the sentence within its paragraph. */
  indexInParagraph: number;
};

const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres st jr sr no nos art sec para vol jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx est etc vs e.g i.e a.m p.m u.s u.k u.n e.u e.o u.s.a inc corp co ltd dept govt amb min".split(" "),
);

function endsWithAbbreviation(segment: string): boolean {
  const m = segment.trimEnd().match(/(?:^|[\s("“])((?:\p{L}\.)+\p{L}?|\p{L}+)\.$/u);
  if (!m) return false;
  const word = (m[1] ?? "").toLowerCase();
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ""))) return true;
  return /^\p{Lu}$/u.test((m[1] ?? "")); // an initial: "John F. Kennedy"
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * A long paragraph in pieces of about 1,000 characters, cut only after a full stop and a
 * space: iterating ICU segments over one very long string is quadratic in V8, so a 2 MB
 * paste without paragraph breaks would take minutes. Sentences that ICU would not end
 * there are joined again by the abbreviation rule.
 */
function chunks(para: string): Array<{ text: string; start: number }> {
  if (para.length <= 2000) return [{ text: para, start: 0 }];
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  while (start < para.length) {
    let end = Math.min(para.length, start + 1000);
    if (end < para.length) {
      const window = para.slice(end, end + 1000);
      const m = /[.!?]["”’)]?\s+/.exec(window);
      end = m ? end + m.index + m[0].length : Math.min(para.length, end + 1000);
    }
    out.push({ text: para.slice(start, end), start });
    start = end;
  }
  return out;
}

/** Splits text into sentences (paragraphs are blank-line or line separated). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const paraRe = /[^\n]+/g;
  for (let pm = paraRe.exec(text); pm; pm = paraRe.exec(text)) {
    const para = pm[0];
    const paraStart = pm.index;
    if (para.trim() === "") continue;
    let indexInParagraph = 0;
    let pending: { text: string; start: number } | null = null;
    const flush = () => {
      if (!pending) return;
      const trimmedStart = pending.text.length - pending.text.trimStart().length;
      const t = pending.text.trim();
      if (t !== "") sentences.push({ text: t, start: paraStart + pending.start + trimmedStart, paragraph, indexInParagraph: indexInParagraph++ });
      pending = null;
    };
    for (const chunk of chunks(para)) {
      for (const seg of segmenter.segment(chunk.text)) {
        if (pending) pending = { text: pending.text + seg.segment, start: pending.start };
        else pending = { text: seg.segment, start: chunk.start + seg.index };
        if (!endsWithAbbreviation(pending.text)) flush();
      }
    }
    flush();
    paragraph++;
  }
  return sentences;
}

export type Clause = { text: string; start: number };

/**
 * Relative clauses set off by commas (", which Ankara took delivery of in 2019,"): their
 * dates and actors belong to them, not to the clause around them. Offsets within the sentence.
 */
export function findParentheticals(sentence: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /,\s+(?:which|who|whom|whose|where)\b[^,;]*/g;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) out.push({ start: m.index + 1, end: m.index + m[0].length });
  return out;
}

/**
 * Splits a sentence into clauses where a new event can begin: semicolons, dashes and
 * ", and" / ", while" / ", but" joining two main clauses. Offsets are within the sentence.
 */
export function splitClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  const re = /\s*;\s*|\s+[—–]\s+|,\s+(?=(?:and|while|whereas|but|before|after which|prompting)\s)|\s+(?=and then\s)/g;
  let last = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m.index > last) clauses.push({ text: sentence.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  if (last < sentence.length) clauses.push({ text: sentence.slice(last), start: last });
  return clauses.filter((c) => c.text.trim() !== "");
}
