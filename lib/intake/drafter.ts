/**
 * The rule-based drafter: pure, deterministic, no network. Article text and publication
 * date in; one draft per stated, dated event out, each with its evidence sentence and the
 * cues that produced its fields. See docs/intake.md for how the steps fit together.
 */
import type { EventType, SanctionMeasure } from "@/lib/events/vocabulary";
import { foldText } from "@/lib/text/fold";
import { ActorIndex, SPEAKER_NOUNS, type ActorMention, type KnownActor } from "./actors";
import { compareDays, dayNumber, parseCalendarDay, todayUtc, type CalendarDay } from "./calendar";
import { NEGATION_RE, PERSONS_RE, RESPONSE_PHRASE_RE, RESPONSE_RE, THREAT_RE, findMeasures, findTypeCues, type TypeCue } from "./cues";
import { findDates, isFutureTense, type DateMention } from "./dates";
import { findLegalBases } from "./legal";
import { IntakeInputError, checkPublicationDate, findParentheticals, isProbablyEnglish, prepareArticleText, splitClauses, splitSentences } from "./text";
import type { Cue, Draft, DraftActor, DraftContext, DraftInput, DraftResult, Drafter, RespondsToCandidate } from "./types";

export type RuleDrafterOptions = {
  /** Today's calendar day (`YYYY-MM-DD`) for the "publication date not in the future" check; the UTC day by default. */
  today?: string;
  /** Most drafts returned for one article. */
  maxDrafts?: number;
};

/** Work bounds: at most this many sentences are read (about 35,000 words, seven times a long article)… */
export const MAX_SENTENCES = 1_500;
/** …each at most this long (a paste without full stops is read in pieces)… */
const MAX_SENTENCE_CHARS = 800;
/** …and at most this much text in all (about 33,000 words). */
export const MAX_READ_CHARS = 200_000;

type Range = { start: number; end: number };

/** A dated sentence without an event of its own ("Moscow responded in kind on 16 April."): the next sentence may tell the event. */
type Lead = { sentenceIndex: number; date: DateMention; responseCue: string | null; text: string };

/** A draft under construction, with what the later steps need. */
type Working = {
  draft: Draft;
  sentenceIndex: number;
  from: CalendarDay;
  responseCue: string | null;
  initiatorKeys: Set<string>;
  targetKeys: Set<string>;
};

const CONTINUATION_RE =
  /^(?:It|They|He|She|This|These|Those|Its|Their|Also|In addition|Additionally|At the same time|The (?:move|decision|step|ministry|measures?|sanctions|order|package|statement|expulsions?|diplomats|office|list|duties|plants|ban))\b/;
const EXPLICIT_DAY_RE = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
const ALSO_RE = /^(?:\S+\s+){0,4}also\b/i;
const REPORTING_RE = /\b(?:said|says|told|announced|added|stated|declared|according to|wrote|insisted|argued)\b/gi;
const TARGET_STOP_RE = /\b(?:over|for|after|because|amid|which|who|saying|citing|while|since|following|in response|in retaliation|whom|when|where|as part|backed by|supported by|in solidarity|including)\b/i;
const LOCATION_BEFORE_RE = /\b(?:in|at|near|inside|outside|from the city of|across)\s+(?:the\s+)?(?:(?:eastern|western|northern|southern|central)\s+)?$/i;

/** Types whose actor is often named by a speaker noun ("China's ambassador warned"). */
const SPEECH_TYPES = new Set<EventType>(["statement", "sanctions-threatened", "ambassador-recalled", "meeting"]);
const SANCTION_TYPES = new Set<EventType>(["sanctions-imposed", "designation", "sanctions-threatened", "sanctions-eased", "countermeasure"]);
const DIPLOMATIC_TYPES = new Set<EventType>(["diplomatic-expulsion", "ambassador-recalled"]);

function actorKey(a: Pick<KnownActor, "stateCode" | "isoCode" | "name">): string {
  return a.stateCode ?? a.isoCode ?? foldText(a.name);
}

function inRanges(pos: Range, ranges: readonly Range[]): boolean {
  return ranges.some((r) => pos.start >= r.start && pos.end <= r.end);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function listNames(actors: readonly DraftActor[]): string {
  const names = actors.filter((a) => a.kind !== "person").map((a) => a.name);
  const use = names.length > 0 ? names : actors.map((a) => a.name);
  if (use.length <= 1) return use[0] ?? "";
  return `${use.slice(0, -1).join(", ")} and ${use.at(-1)}`;
}

function titleFor(type: EventType, initiators: DraftActor[], targets: DraftActor[], evidence: string, planned: boolean): string {
  const i = listNames(initiators) || "Unknown actor";
  const t = listNames(targets);
  const on = t ? ` ${t}` : "";
  let title: string;
  switch (type) {
    case "diplomatic-expulsion":
      title = /\bconsulate|embass|mission\b/i.test(evidence) && /\bclos|shut/i.test(evidence) ? `${i} orders the closure of a mission of${on || " another state"}` : `${i} expels diplomats${t ? ` of ${t}` : ""}`;
      break;
    case "ambassador-recalled":
      title = /downgrad/i.test(evidence) ? `${i} downgrades relations${t ? ` with ${t}` : ""}` : `${i} recalls its ambassador${t ? ` to ${t}` : ""}`;
      break;
    case "sanctions-imposed":
      title = `${i} imposes sanctions${t ? ` on ${t}` : ""}`;
      break;
    case "designation":
      title = `${i} designates people and entities${t ? ` of ${t}` : ""}`;
      break;
    case "sanctions-threatened":
      title = `${i} threatens${on} with sanctions`;
      break;
    case "sanctions-eased":
      title = `${i} eases sanctions${t ? ` on ${t}` : ""}`;
      break;
    case "countermeasure":
      title = `${i} adopts countermeasures${t ? ` against ${t}` : ""}`;
      break;
    case "statement":
      title = `Statement by ${i}${t ? ` on ${t}` : ""}`;
      break;
    case "meeting":
      title = t ? `${i} meets ${t}` : `Meeting of ${i}`;
      break;
    case "agreement":
      title = `Agreement between ${[i, t].filter(Boolean).join(" and ")}`;
      break;
    case "arms-transfer":
      title = `Arms transfer involving ${[i, t].filter(Boolean).join(" and ")}`;
      break;
    default:
      title = clip(evidence, 100);
  }
  return clip(planned ? `Planned: ${title}` : title, 200);
}

function typeCompatibility(earlier: EventType, later: EventType): number {
  if (earlier === later) return 1;
  if (later === "statement") return 0.6;
  if (DIPLOMATIC_TYPES.has(earlier) && DIPLOMATIC_TYPES.has(later)) return 0.9;
  if (SANCTION_TYPES.has(earlier) && SANCTION_TYPES.has(later)) return 0.9;
  if ((SANCTION_TYPES.has(earlier) && DIPLOMATIC_TYPES.has(later)) || (DIPLOMATIC_TYPES.has(earlier) && SANCTION_TYPES.has(later))) return 0.6;
  if (earlier === "statement" || earlier === "other" || earlier === "arms-transfer") return 0.5;
  return 0.3;
}

/**
 * `a` is dated to a day that lies outside the span `b` was stated with ("on Monday" against
 * "last week"): two events, even though the month of the span holds the day.
 */
export function dayOutsideSpan(a: Pick<Draft, "date" | "datePrecision">, b: Pick<Draft, "dateSpan">): boolean {
  if (a.datePrecision !== "day" || !b.dateSpan) return false;
  return a.date < b.dateSpan.from || a.date > b.dateSpan.to;
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

export class RuleDrafter implements Drafter {
  constructor(private readonly options: RuleDrafterOptions = {}) {}

  draft(input: DraftInput, context: DraftContext): DraftResult {
    const text = prepareArticleText(input.text);
    const published = checkPublicationDate(input.published, this.options.today ?? todayUtc());
    if (!isProbablyEnglish(text)) {
      return { drafts: [], messages: ["The article does not look like English text; the drafter reads English only, so it proposes no drafts."] };
    }
    const maxDrafts = this.options.maxDrafts ?? 200;
    const run = new ArticleRun(text, published, context, maxDrafts);
    const drafts = run.run().slice(0, maxDrafts);
    const messages = drafts.length === 0 ? ["No dated events were found in the article."] : [];
    if (run.truncated) messages.push(`The article is long: only its first ${MAX_SENTENCES} sentences (${MAX_READ_CHARS / 1000}k characters) or ${maxDrafts} drafts were read; paste one article at a time.`);
    return messages.length > 0 ? { drafts, messages } : { drafts };
  }
}

/** Draft an article with the rule drafter (the CLI, the benchmark and the server action use this). */
export function draftArticle(input: DraftInput, context: DraftContext, options: RuleDrafterOptions = {}): DraftResult {
  return new RuleDrafter(options).draft(input, context);
}

export { IntakeInputError };

class ArticleRun {
  private readonly index: ActorIndex;
  private readonly working: Working[] = [];
  private anchor: CalendarDay | null = null;
  private monthAnchor: CalendarDay | null = null;
  private lastSubject: ActorMention | null = null;
  private lastPerson: ActorMention | null = null;
  private currentParentheticals: Range[] = [];
  /** Every actor mention of the current sentence, masked ones included. */
  private currentMentions: ActorMention[] = [];
  truncated = false;

  constructor(
    private readonly text: string,
    private readonly published: CalendarDay,
    private readonly context: DraftContext,
    private readonly maxDrafts: number,
  ) {
    this.index = new ActorIndex(context);
  }

  run(): Draft[] {
    const all = splitSentences(this.text).flatMap((s) => {
      if (s.text.length <= MAX_SENTENCE_CHARS) return [s];
      const pieces: typeof s[] = [];
      let rest = s.text;
      while (rest.length > 0 && pieces.length < MAX_SENTENCES) {
        let cut = rest.length <= MAX_SENTENCE_CHARS ? rest.length : rest.lastIndexOf(" ", MAX_SENTENCE_CHARS);
        if (cut <= 0) cut = MAX_SENTENCE_CHARS;
        pieces.push({ ...s, text: rest.slice(0, cut).trim() });
        rest = rest.slice(cut).trimStart();
      }
      return pieces;
    });
    let budget = MAX_READ_CHARS;
    let count = 0;
    while (count < all.length && count < MAX_SENTENCES && budget > 0) budget -= all[count++]?.text.length ?? 0;
    this.truncated = count < all.length;
    const sentences = all.slice(0, count);
    let lastDraftSentence = -2;
    let lead: Lead | null = null;
    for (let s = 0; s < sentences.length; s++) {
      const sentence = sentences[s];
      if (!sentence) continue;
      if (this.working.length >= this.maxDrafts) {
        this.truncated = true;
        break;
      }
      // The sentence before's main event (its first draft, not an earlier event its "in response to" phrase names) is what this one may continue.
      const result = this.sentence(sentence.text, s, lastDraftSentence === s - 1 ? (this.working.find((w) => w.sentenceIndex === s - 1) ?? this.working.at(-1) ?? null) : null, lead?.sentenceIndex === s - 1 ? lead : null);
      if (result.made > 0) lastDraftSentence = s;
      lead = result.lead;
    }
    this.respondsTo();
    if (this.otherParty()) this.respondsTo();
    return this.working.map((w) => w.draft);
  }

  /** Drafts the events of one sentence; returns how many drafts it made or extended. */
  private sentence(sentence: string, sentenceIndex: number, previous: Working | null, lead: Lead | null): { made: number; lead: Lead | null } {
    const futureSentence = isFutureTense(sentence);
    // Work bound: chrono only reads sentences that can hold an event, introduce one or anchor "the next day".
    const worthDating = findTypeCues(sentence).length > 0 || RESPONSE_RE.test(sentence) || EXPLICIT_DAY_RE.test(sentence);
    const dates = worthDating ? findDates(sentence, { published: this.published, futureTense: futureSentence, anchor: this.anchor, monthAnchor: this.monthAnchor }) : [];
    const explicitDays = dates.filter((d) => d.precision === "day" && !d.deadline && d.span === null);
    const mentions = this.index.mentions(sentence);
    this.currentMentions = mentions;
    const bases = findLegalBases(sentence, this.context.legalBases);

    // Phrases naming an earlier event ("in response to Washington's sanctions"): their cues
    // and actors are not this event's, unless the phrase dates its event, which is then drafted on its own.
    const masked: Range[] = [];
    const ownClauses: Range[] = [];
    RESPONSE_PHRASE_RE.lastIndex = 0;
    for (let m = RESPONSE_PHRASE_RE.exec(sentence); m; m = RESPONSE_PHRASE_RE.exec(sentence)) {
      const rest = sentence.slice(m.index);
      const stop = rest.slice(m[0].length).search(/[,;:—–]|\.\s|\.$|\b(?:and|but)\s+(?:it|they|the|also|on|\w+ed)\b/);
      const end = m.index + m[0].length + (stop < 0 ? rest.length - m[0].length : stop);
      const range = { start: m.index, end };
      if (dates.some((d) => d.start >= range.start && d.end <= range.end && !d.deadline)) ownClauses.push(range);
      else masked.push(range);
    }

    const parentheticals = findParentheticals(sentence);
    this.currentParentheticals = parentheticals;
    const clauses: Range[] = [];
    for (const c of splitClauses(sentence)) {
      const start = c.start;
      const end = c.start + c.text.length;
      const inner = [...ownClauses, ...parentheticals.filter((p) => !ownClauses.some((o) => p.start < o.end && p.end > o.start))]
        .filter((o) => o.start >= start && o.end <= end)
        .sort((a, b) => a.start - b.start);
      let cursor = start;
      for (const o of inner) {
        if (o.start > cursor) clauses.push({ start: cursor, end: o.start });
        clauses.push(o);
        cursor = o.end;
      }
      if (cursor < end) clauses.push({ start: cursor, end });
    }

    let made = 0;
    let previousClauseInitiators: ActorMention[] = [];
    const cueMemo = new Map<string, boolean>();
    const clauseHasCue = (c: Range) => {
      const key = `${c.start}:${c.end}`;
      let has = cueMemo.get(key);
      if (has === undefined) cueMemo.set(key, (has = findTypeCues(sentence.slice(c.start, c.end)).length > 0));
      return has;
    };
    const usable = mentions.filter(
      (m) => !m.qualifier && !inRanges(m, masked) && (m.objectLike || !LOCATION_BEFORE_RE.test(sentence.slice(Math.max(0, m.start - 30), m.start))),
    );
    const sentenceResponse = RESPONSE_RE.exec(sentence);

    for (const clause of clauses) {
      const clauseText = sentence.slice(clause.start, clause.end);
      let cues = findTypeCues(clauseText)
        .map((c) => ({ ...c, start: c.start + clause.start, end: c.end + clause.start }))
        .filter((c) => !inRanges(c, masked));
      // A statement cue yields to a typed cue of its clause ("condemned the sanctions"), unless a
      // date of its own stands between them ("announced the meeting on 25 May, after … held talks on 19 May").
      const clauseDateMentions = dates.filter((d) => !d.deadline && d.start >= clause.start && d.end <= clause.end);
      const typedCues = cues.filter((c) => c.type !== "statement");
      if (typedCues.length > 0) {
        cues = cues.filter(
          (c) => c.type !== "statement" || (clauseDateMentions.length >= 2 && typedCues.every((t) => clauseDateMentions.some((d) => (d.start >= c.end && d.end <= t.start) || (d.start >= t.end && d.end <= c.start)))),
        );
      }
      // An incident cue ("over the poisoning") yields to any typed cue of its clause.
      if (cues.some((c) => c.type !== "other")) cues = cues.filter((c) => c.type !== "other");
      // One draft per type and clause, unless the clause dates two steps of the same kind
      // ("agreed the purchase in 2017 and took delivery in July 2019").
      const clauseDates = dates.filter((d) => !d.deadline && d.start >= clause.start && d.end <= clause.end).length;
      const lastOfType = new Map<EventType, TypeCue>();
      cues = cues.filter((c) => {
        const prior = lastOfType.get(c.type);
        if (prior && !(clauseDates >= 2 && c.start - prior.end > 15)) return false;
        lastOfType.set(c.type, c);
        return true;
      });
      const clauseMentions = usable.filter((m) => m.start >= clause.start && m.end <= clause.end && (inRanges(clause, parentheticals) || !inRanges(m, parentheticals)));
      const isParenthetical = parentheticals.some((p) => p.start === clause.start && p.end === clause.end);
      const antecedent = isParenthetical ? usable.filter((m) => m.end <= clause.start).at(-1) : undefined;
      let lastRoles: { initiators: ActorMention[]; targets: ActorMention[] } | null = null;
      for (let k = 0; k < cues.length; k++) {
        const cue = cues[k];
        if (!cue) continue;
        const nextCueStart = cues[k + 1]?.start ?? clause.end;
        const before = sentence.slice(Math.max(clause.start, cue.start - 45), cue.start);
        if (NEGATION_RE.test(before) || NEGATION_RE.test(cue.text)) continue;
        const type = this.adjustType(cue, sentence.slice(cue.start, nextCueStart), sentence.slice(clause.start, cue.start), clauseText);
        const coordinated = k > 0 && /\band\s+(?:the\s+|a\s+|also\s+|then\s+)?$/i.test(sentence.slice(Math.max(clause.start, cue.start - 12), cue.start));
        const roles: { initiators: ActorMention[]; targets: ActorMention[] } = coordinated && lastRoles
          ? { initiators: lastRoles.initiators, targets: this.roles(sentence, { start: cues[k - 1]?.end ?? clause.start, end: clause.end }, cue, nextCueStart, clauseMentions.filter((m) => m.start >= (cues[k - 1]?.end ?? 0)), usable, [], null, sentenceIndex, undefined).targets }
          : this.roles(sentence, clause, cue, nextCueStart, clauseMentions, usable, previousClauseInitiators, previous, sentenceIndex, antecedent);
        lastRoles = roles;
        const date = this.pickDate(dates, clause, cue, masked, sentence, parentheticals, clauses, clauseHasCue, cues[k - 1]?.end ?? -1);
        let dateInherited = false;
        const notes: string[] = [];
        let chosen: DateMention | null = date;
        let leadCue: string | null = null;
        if (!chosen) {
          const continues = CONTINUATION_RE.test(sentence) || ALSO_RE.test(sentence);
          if (dates.some((d) => !d.deadline)) continue;
          if (lead) {
            chosen = { ...lead.date, start: -1, end: -1 };
            leadCue = lead.responseCue;
            dateInherited = true;
            notes.push(`Date inherited from the previous sentence ("${clip(lead.text, 80)}"), which introduces this report.`);
          } else if (previous && continues) {
            dateInherited = true;
            notes.push("Date inherited from the previous sentence, which this one continues.");
          } else continue;
        }
        const deadline = dates.find((d) => d.deadline && d.start > cue.start - 10);
        const planned = Boolean(
          (chosen && chosen.future) || (isFutureTense(clauseText) && (!chosen || dayNumber(chosen.to) >= dayNumber(this.published))),
        );
        const measures = this.measures(type, sentence.slice(clause.start, clause.end));
        const basis = bases[0] ?? null;
        const responseCue = RESPONSE_RE.exec(clauseText) ?? (clauses.length === 1 ? sentenceResponse : null);
        const cuesOut: Cue[] = [{ field: "type", start: cue.start, end: cue.end, text: cue.text }];
        if (chosen && chosen.start >= 0) cuesOut.push({ field: "date", start: chosen.start, end: chosen.end, text: chosen.text });
        for (const m of roles.initiators) cuesOut.push({ field: "initiator", start: m.start, end: m.end, text: m.text });
        for (const m of roles.targets) cuesOut.push({ field: "target", start: m.start, end: m.end, text: m.text });
        if (basis) cuesOut.push({ field: "legalBasis", start: basis.start, end: basis.end, text: basis.text });
        for (const m of measures.cues) cuesOut.push({ field: "measure", start: m.start + clause.start, end: m.end + clause.start, text: m.text });
        if (responseCue) {
          const at = sentence.indexOf(responseCue[0]);
          if (at >= 0) cuesOut.push({ field: "respondsTo", start: at, end: at + responseCue[0].length, text: responseCue[0] });
        }
        if (chosen?.span) notes.push(`The text gives a span (${chosen.span.text}: ${chosen.span.from} to ${chosen.span.to}); the date covers it at ${chosen.precision} precision.`);
        if (chosen?.anaphoric) notes.push(`"${chosen.text}" was counted from the previous date in the article.`);
        if (planned) notes.push("Planned: the text speaks of it as future.");
        const initiators = this.withStates(roles.initiators);
        const targetsAll = this.withStates(roles.targets);
        const initiatorKeys = new Set(initiators.map(actorKey));
        let targets = targetsAll.filter((t) => !initiatorKeys.has(actorKey(t)));
        // An incident may name no actor ("the annexation of Crimea in March 2014"), if its own clause dates it.
        if (initiators.length === 0 && targets.length === 0 && !(type === "other" && chosen && chosen.start >= clause.start && chosen.end <= clause.end)) continue;
        const recent = this.working.at(-1);
        if (targets.length === 0 && recent && sentenceIndex - recent.sentenceIndex <= 2 && /\b(?:the same|matching|(?:of )?their own|(?:of )?its own|similar|likewise|too|as well|in solidarity)\b/i.test(sentence) && (SANCTION_TYPES.has(type) || type === "diplomatic-expulsion") && (SANCTION_TYPES.has(recent.draft.type) || recent.draft.type === "diplomatic-expulsion")) {
          const inherited = recent.draft.targets.filter((t) => !initiatorKeys.has(actorKey(t)));
          if (inherited.length > 0) {
            targets = inherited;
            notes.push("Targets taken from the previous draft (\"the same officials\", \"of their own\").");
          }
        }
        const from = chosen ? chosen.from : (previous?.from ?? this.published);
        const draft: Draft = {
          date: chosen ? chosen.date : (previous?.draft.date ?? ""),
          datePrecision: chosen ? chosen.precision : (previous?.draft.datePrecision ?? "day"),
          dateEnd: deadline && chosen && compareDays(deadline.from, chosen.from) > 0 ? deadline.date : null,
          dateSpan: chosen?.span ?? null,
          dateInherited,
          type,
          measures: measures.list,
          planned,
          title: titleFor(type, initiators, targets, sentence, planned),
          summary: clip(sentence, 1000),
          legalBasis: basis?.basis ?? null,
          initiators,
          targets,
          tags: [],
          evidence: sentence,
          cues: cuesOut.sort((a, b) => a.start - b.start),
          respondsTo: [],
          duplicateOf: [],
          notes,
        };
        if (deadline && draft.dateEnd) notes.push(`Ends by ${deadline.text} (${deadline.date}).`);
        if (draft.date === "") continue;
        const working: Working = {
          draft,
          sentenceIndex,
          from,
          responseCue: responseCue?.[0] ?? leadCue,
          initiatorKeys,
          targetKeys: new Set(targets.map(actorKey)),
        };
        if (this.merge(working)) {
          made++;
          continue;
        }
        this.working.push(working);
        made++;
        if (roles.initiators.length > 0) previousClauseInitiators = roles.initiators;
      }
      if (clauseMentions.length > 0 && previousClauseInitiators.length === 0) {
        const subject = clauseMentions.filter((m) => !m.objectLike);
        if (subject.length > 0) previousClauseInitiators = subject.slice(0, 1);
      }
    }
    const firstSubject = usable.find((m) => !m.objectLike && m.start < sentence.length * 0.5);
    if (firstSubject) this.lastSubject = { ...firstSubject, start: -1, end: -1 };
    const person = mentions.filter((m) => m.person).at(-1);
    if (person) this.lastPerson = { ...person, start: -1, end: -1 };
    const lastMonthOrDay = dates.filter((d) => !d.deadline && d.span === null && d.precision !== "year" && !d.future && d.end - d.start < sentence.length * 0.6).at(-1);
    if (lastMonthOrDay) this.monthAnchor = lastMonthOrDay.from;
    const lastDay = explicitDays.at(-1);
    if (lastDay && lastDay.end - lastDay.start < sentence.length * 0.6) this.anchor = lastDay.from;
    const ownDates = dates.filter((d) => !d.deadline);
    const nextLead =
      made === 0 && ownDates.length === 1 && ownDates[0] && ownDates[0].end - ownDates[0].start < sentence.length * 0.6
        ? { sentenceIndex, date: ownDates[0], responseCue: sentenceResponse?.[0] ?? null, text: sentence }
        : null;
    return { made, lead: nextLead };
  }

  private adjustType(cue: TypeCue, after: string, before: string, clause: string): EventType {
    let type = cue.type;
    if ((type === "sanctions-imposed" || type === "designation") && (THREAT_RE.test(before.slice(-50)) || /\bthreat|\bwarn/i.test(cue.text))) {
      return "sanctions-threatened";
    }
    if (type === "sanctions-imposed" && PERSONS_RE.test(after.slice(0, 90)) && !/\bagency|programme|program|imports?|duties|tariffs\b/i.test(after.slice(0, 90))) type = "designation";
    if (type === "designation" && /\bsanctions\b/i.test(cue.text) && !PERSONS_RE.test(clause) && !/counter/i.test(cue.text)) type = "sanctions-imposed";
    return type;
  }

  private measures(type: EventType, clause: string): { list: SanctionMeasure[]; cues: Array<{ start: number; end: number; text: string }> } {
    if (type === "diplomatic-expulsion") return { list: ["diplomatic"], cues: [] };
    if (!SANCTION_TYPES.has(type)) return { list: [], cues: [] };
    const found = findMeasures(clause);
    const list = [...new Set(found.map((f) => f.measure))];
    if (type === "designation" && /\bfrom entering|entry\b/i.test(clause) && !list.includes("travel")) list.push("travel");
    return { list, cues: found };
  }

  private pickDate(
    dates: DateMention[],
    clause: Range,
    cue: TypeCue,
    masked: Range[],
    sentence: string,
    parentheticals: Range[],
    clauses: Range[],
    clauseHasCue: (c: Range) => boolean,
    previousCueEnd: number,
  ): DateMention | null {
    const inParenthetical = inRanges(clause, parentheticals);
    const candidates = dates.filter((d) => !d.deadline && !inRanges(d, masked) && (inParenthetical || !inRanges(d, parentheticals)));
    const distance = (d: DateMention) => {
      const gap = d.end <= cue.start ? cue.start - d.end : d.start >= cue.end ? d.start - cue.end + 5 : 0;
      const between = d.end <= cue.start ? sentence.slice(d.end, cue.start) : sentence.slice(cue.end, d.start);
      // A date between the previous cue and this one belongs to the previous cue ("agreed … in 2017 and took delivery … in July 2019").
      const previousOwns = previousCueEnd >= 0 && d.start >= previousCueEnd && d.end <= cue.start;
      return gap + (between.includes(",") ? 30 : 0) + (previousOwns ? 25 : 0);
    };
    const inClause = candidates.filter((d) => d.start >= clause.start && d.end <= clause.end);
    if (inClause.length > 0) return [...inClause].sort((a, b) => distance(a) - distance(b))[0] ?? null;
    // Another clause's date, if that clause tells no event of its own.
    const others = candidates.filter((d) => {
      const home = clauses.find((c) => d.start >= c.start && d.end <= c.end);
      if (home === undefined || home === clause || inRanges(home, parentheticals)) return false;
      // "…on the same day, and the United States designated two of them": one report, one date.
      return !clauseHasCue(home) || /^\s*and\b/i.test(sentence.slice(clause.start, clause.end));
    });
    return [...others].sort((a, b) => distance(a) - distance(b))[0] ?? null;
  }

  private roles(
    sentence: string,
    clause: Range,
    cue: TypeCue,
    nextCueStart: number,
    clauseMentions: ActorMention[],
    sentenceMentions: ActorMention[],
    previousClauseInitiators: ActorMention[],
    previous: Working | null,
    sentenceIndex: number,
    antecedent: ActorMention | undefined,
  ): { initiators: ActorMention[]; targets: ActorMention[] } {
    void sentenceIndex;
    const before = clauseMentions.filter((m) => m.end <= cue.start);
    let afterEnd = nextCueStart;
    const tail = sentence.slice(cue.end, nextCueStart);
    const stop = tail.search(TARGET_STOP_RE);
    if (stop >= 0) afterEnd = cue.end + stop;
    const inside = clauseMentions.filter((m) => m.start >= cue.start && m.end <= cue.end);
    const after = clauseMentions.filter((m) => m.start >= cue.end && m.end <= afterEnd);
    const isBy = (m: ActorMention) => /\bby\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, m.start - 8), m.start));
    const passive = !/^\S+ing\b/i.test(cue.text) && !/^to\b/i.test(cue.text) && /\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$/i.test(sentence.slice(clause.start, cue.start));
    let initiators: ActorMention[];
    let targets: ActorMention[];
    if (passive) {
      initiators = after.filter(isBy);
      targets = before;
    } else {
      let subjects = before.filter((m) => !m.objectLike);
      // A possessive right before a nominal cue acts: "Prague's expulsion of…", "Beijing's counter-sanctions".
      const lastBefore = before.at(-1);
      if (lastBefore && lastBefore.possessive && /^\s*(?:\w+\s+)?$/.test(sentence.slice(lastBefore.end + 2, cue.start))) subjects = [...subjects.filter((m) => m !== lastBefore), lastBefore];
      REPORTING_RE.lastIndex = 0;
      let lastReport = -1;
      for (let m = REPORTING_RE.exec(sentence.slice(0, cue.start)); m; m = REPORTING_RE.exec(sentence.slice(0, cue.start))) lastReport = m.index;
      if (lastReport >= 0) {
        const afterReport = subjects.filter((m) => m.start > lastReport);
        if (afterReport.length > 0) subjects = afterReport;
      }
      // "EU foreign ministers are to meet": who meets, even as a qualifier of the people meeting.
      if (subjects.length === 0 && cue.type === "meeting") subjects = before.filter((m) => m.objectLike).slice(-1);
      initiators = subjects;
      targets = [...inside, ...after.filter((m) => !isBy(m)), ...before.filter((m) => m.objectLike && !subjects.includes(m))];
      if (initiators.length === 0) {
        const bys = after.filter(isBy);
        if (bys.length > 0) {
          initiators = bys;
          targets = targets.filter((t) => !bys.includes(t));
        }
      }
    }
    const speakerOf = (m: ActorMention) => SPEAKER_NOUNS.has(foldText(sentence.slice(m.end).replace(/^['’]s/, "").match(/^\s+([\p{L}-]+)/u)?.[1] ?? ""));
    if (initiators.length === 0 && SPEECH_TYPES.has(cue.type)) {
      // "Russia's ambassador … was recalled", "China's ambassador … warned", "US officials said".
      const speaker = before.find(speakerOf) ?? (cue.type === "ambassador-recalled" ? after.find(speakerOf) : undefined);
      if (speaker) {
        initiators = [speaker];
        targets = [...new Set([...before, ...after, ...inside])].filter((t) => t !== speaker && actorKey(t.actor) !== actorKey(speaker.actor) && (!passive || !before.includes(t) || t.objectLike));
      }
    }
    // "Britain, where Skripal was poisoned on 4 March": a place, not a party to an incident.
    const isPlace = (m: ActorMention) => /^\s*,\s*where\b/i.test(sentence.slice(m.end, m.end + 12));
    // "…the United States, which announced sanctions": the relative pronoun's antecedent acts.
    const relative = /,\s*(?:which|who)\s+(?:[a-z]+\s+){0,2}$/.exec(sentence.slice(0, cue.start));
    if (relative && !passive) {
      const antecedentOf = this.currentMentions.filter((m) => m.end <= relative.index && /^[\s'’s)]*$/.test(sentence.slice(m.end, relative.index))).at(-1);
      if (antecedentOf) {
        initiators = [antecedentOf];
        targets = targets.filter((t) => t !== antecedentOf);
      }
    }
    // Summoning: who summons acts; whose envoy is summoned is the target ("summoned Germany's ambassador").
    const summons = /^summon/i.test(cue.text);
    if (summons) targets = [...new Set([...inside, ...after])].filter((t) => !initiators.includes(t));
    // An incident ("Russia's invasion of Ukraine"): its target is the first actor named after the cue, not what the sentence goes on about.
    if (cue.type === "other") {
      initiators = initiators.filter((m) => !isPlace(m));
      const first = after.filter((m) => !m.possessive);
      const contiguous = first.filter((m, i) => i === 0 || /^\s*(?:,|and|or|the|,\s*and)?\s*(?:the\s+)?$/i.test(sentence.slice(first[i - 1]?.end ?? 0, m.start)));
      targets = [...inside, ...contiguous.slice(0, 4)].filter((t) => !initiators.includes(t));
    }
    if (initiators.length === 0 && antecedent && !(cue.type === "other" && isPlace(antecedent))) initiators = [antecedent];
    if (initiators.length === 0 && cue.type === "statement") {
      const speaker = clauseMentions.find((m) => !m.objectLike && (!summons || m.end <= cue.start));
      if (speaker) {
        initiators = [speaker];
        targets = targets.filter((t) => t !== speaker && actorKey(t.actor) !== actorKey(speaker.actor));
      }
    }
    if (initiators.length === 0 && cue.type === "other") return { initiators: [], targets };
    if (initiators.length === 0) {
      const sentenceSubject = sentenceMentions.filter((m) => m.end <= clause.start && !m.objectLike && !inRanges(m, this.currentParentheticals));
      if (sentenceSubject.length > 0) initiators = sentenceSubject.slice(0, 1);
      else if (previousClauseInitiators.length > 0) initiators = previousClauseInitiators;
    }
    if (initiators.length === 0 && previous && (CONTINUATION_RE.test(sentence) || ALSO_RE.test(sentence) || /^\s*(?:On|In|The same)\b/.test(sentence))) {
      initiators = previous.draft.initiators.map((a) => ({ actor: a, start: -1, end: -1, text: a.mention, possessive: false, objectLike: false, qualifier: false, person: a.kind === "person" }));
    }
    if (initiators.length === 0) {
      // "he suggested…", "the Foreign Ministry told…": the subject of the sentence before.
      const pronoun = /\b(?:he|she)\b/i.test(sentence.slice(clause.start, clause.end));
      const fallback = pronoun ? this.lastPerson : /^\s*(?:(?:On|In|Last|Earlier|Later|This|That|The same)\b[^,]*?,?\s*)?(?:the (?:Foreign )?Ministry|the ministry|the government|officials|it|they)\b/i.test(sentence) ? this.lastSubject : null;
      if (fallback) initiators = [fallback];
    }
    // Meetings and agreements: "Biden and Putin met" has no target; "Blinken met Lavrov" does.
    const unique = (list: ActorMention[]) => list.filter((m, i) => list.findIndex((o) => actorKey(o.actor) === actorKey(m.actor) && o.actor.name === m.actor.name) === i);
    return { initiators: unique(initiators), targets: unique(targets) };
  }

  /** The actors of mentions, each person's state added beside it (as the event form records both). */
  private withStates(mentions: ActorMention[]): DraftActor[] {
    const out: DraftActor[] = [];
    const seen = new Set<string>();
    const push = (a: DraftActor) => {
      const k = `${a.kind}:${a.name}`;
      if (seen.has(k)) return;
      seen.add(k);
      out.push(a);
    };
    for (const m of mentions) {
      const a = m.actor;
      if (a.kind === "person" || a.kind === "organisation") {
        const state = this.index.state(a.stateCode);
        if (state) push({ ...state, mention: m.text });
      }
      push({ ...a, mention: m.text });
    }
    return out;
  }

  /** The same event stated again ("The sanctions were imposed under CAATSA"): fold it into the first draft. */
  private merge(w: Working): boolean {
    const same = this.working.find(
      (o) =>
        o.draft.type === w.draft.type &&
        !dayOutsideSpan(o.draft, w.draft) &&
        !dayOutsideSpan(w.draft, o.draft) &&
        (o.draft.date === w.draft.date || (o.draft.dateInherited === false && w.draft.dateInherited === false && (o.draft.date.startsWith(w.draft.date) || w.draft.date.startsWith(o.draft.date)))) &&
        (w.initiatorKeys.size === 0 || o.initiatorKeys.size === 0 || [...w.initiatorKeys].every((k) => o.initiatorKeys.has(k)) || [...o.initiatorKeys].every((k) => w.initiatorKeys.has(k))) &&
        (w.targetKeys.size === 0 || o.targetKeys.size === 0 || overlaps(w.targetKeys, o.targetKeys)),
    );
    if (!same) return false;
    const d = same.draft;
    if (w.draft.date.length > d.date.length) {
      // The later sentence is more precise ("earlier this month" then "on 15 April"): keep its date.
      d.date = w.draft.date;
      d.datePrecision = w.draft.datePrecision;
      d.dateSpan = w.draft.dateSpan;
      same.from = w.from;
    }
    if (!d.legalBasis && w.draft.legalBasis) d.legalBasis = w.draft.legalBasis;
    d.measures = [...new Set([...d.measures, ...w.draft.measures])];
    for (const a of w.draft.initiators) if (!d.initiators.some((x) => x.name === a.name && x.kind === a.kind)) d.initiators.push(a);
    for (const a of w.draft.targets) if (!d.targets.some((x) => x.name === a.name && x.kind === a.kind) && !same.initiatorKeys.has(actorKey(a))) d.targets.push(a);
    for (const a of d.initiators) same.initiatorKeys.add(actorKey(a));
    for (const a of d.targets) same.targetKeys.add(actorKey(a));
    same.responseCue ??= w.responseCue;
    if (w.draft.evidence !== d.evidence) d.notes.push(`Also stated: "${clip(w.draft.evidence, 160)}"`);
    d.title = titleFor(d.type, d.initiators, d.targets, d.evidence, d.planned);
    return true;
  }

  /**
   * A statement or a recall that names no target is aimed at the article's other party: the
   * state (or bloc) the initiator faces most often in the article's other drafts, the nearest
   * one on a tie ("Peskov said Moscow regretted the decision" in an article about Italy's
   * expulsions). Announcements ("announced the summit") keep no target. Returns whether any
   * draft changed, so that the "responds to" candidates are ranked again.
   */
  private otherParty(): boolean {
    let changed = false;
    for (const w of this.working) {
      const d = w.draft;
      if ((d.type !== "statement" && d.type !== "ambassador-recalled") || d.targets.length > 0 || w.initiatorKeys.size === 0) continue;
      if (d.cues.some((c) => c.field === "type" && /\bannounc/i.test(c.text))) continue;
      const tally = new Map<string, { actor: DraftActor; n: number; nearest: number }>();
      for (const o of this.working) {
        if (o === w) continue;
        const facing = overlaps(o.initiatorKeys, w.initiatorKeys) ? o.draft.targets : overlaps(o.targetKeys, w.initiatorKeys) ? o.draft.initiators : [];
        for (const a of facing) {
          if ((a.kind !== "state" && a.kind !== "bloc") || w.initiatorKeys.has(actorKey(a))) continue;
          const k = actorKey(a);
          const distance = Math.abs(o.sentenceIndex - w.sentenceIndex);
          const known = tally.get(k);
          if (known) {
            known.n++;
            known.nearest = Math.min(known.nearest, distance);
          } else tally.set(k, { actor: a, n: 1, nearest: distance });
        }
      }
      const best = [...tally.values()].sort((x, y) => y.n - x.n || x.nearest - y.nearest)[0];
      if (!best) continue;
      d.targets = [{ ...best.actor, mention: best.actor.name }];
      w.targetKeys.add(actorKey(best.actor));
      d.title = titleFor(d.type, d.initiators, d.targets, d.evidence, d.planned);
      d.notes.push(`Target taken from the article's other party (${best.actor.name}); the sentence names none.`);
      changed = true;
    }
    return changed;
  }

  /** Ranked "responds to" candidates between drafts of the article; never linked, only offered. */
  private respondsTo(): void {
    const ws = this.working;
    for (let j = 0; j < ws.length; j++) {
      const later = ws[j];
      if (!later) continue;
      const candidates: RespondsToCandidate[] = [];
      for (let i = 0; i < ws.length; i++) {
        const earlier = ws[i];
        if (!earlier || i === j) continue;
        const gap = dayNumber(later.from) - dayNumber(earlier.from);
        if (gap < 0 || (gap === 0 && i > j && later.responseCue === null)) continue;
        if (earlier.draft.planned && !later.draft.planned) continue;
        const swappedFull = overlaps(earlier.initiatorKeys, later.targetKeys) && overlaps(earlier.targetKeys, later.initiatorKeys);
        const swappedHalf = overlaps(earlier.initiatorKeys, later.targetKeys) || (overlaps(earlier.targetKeys, later.initiatorKeys) && !overlaps(earlier.initiatorKeys, later.initiatorKeys));
        const compat = typeCompatibility(earlier.draft.type, later.draft.type);
        let score = 0;
        let reason = "";
        if (later.responseCue && swappedHalf) {
          score = 0.55 + 0.3 * compat + (swappedFull ? 0.1 : 0) - Math.min(gap, 365) / 3650;
          reason = `text cue '${later.responseCue}'${swappedFull ? ", initiator and target swapped" : ""}`;
        } else if (swappedFull && gap <= 60 && compat >= 0.5) {
          score = 0.25 + 0.3 * compat - gap / 600;
          reason = "initiator and target swapped, compatible type";
        } else if (swappedHalf && gap <= 31 && compat >= 0.6 && !overlaps(earlier.initiatorKeys, later.initiatorKeys)) {
          score = 0.21 + 0.1 * compat - gap / 1000;
          reason = "the earlier event's target acts, compatible type";
        }
        if (score <= 0.2) continue;
        candidates.push({ draftIndex: i, title: earlier.draft.title, date: earlier.draft.date, score: Math.round(score * 100) / 100, reason });
      }
      candidates.sort((a, b) => b.score - a.score || (a.draftIndex ?? 0) - (b.draftIndex ?? 0));
      later.draft.respondsTo = candidates.slice(0, 3);
      // A protest with no target protests against whoever took the step it answers.
      const best = candidates[0];
      if (later.draft.type === "statement" && later.draft.targets.length === 0 && best && later.responseCue) {
        const earlier = ws[best.draftIndex ?? -1];
        if (earlier) {
          later.draft.targets = earlier.draft.initiators.filter((a) => !later.initiatorKeys.has(actorKey(a)));
          later.draft.notes.push("Target taken from the event it answers.");
        }
      }
    }
  }
}

/** Today's day check exposed for callers that validate before drafting (the review screen's form). */
export function isFuturePublicationDate(published: string, today: string = todayUtc()): boolean {
  const p = parseCalendarDay(published);
  const t = parseCalendarDay(today);
  return Boolean(p && t && dayNumber(p) > dayNumber(t) + 1);
}
