/**
 * Finding events already recorded that a new one may duplicate, or may respond to. Shared by
 * the intake's drafts (lib/intake/enrich.ts) and, for duplicate detection, the import: both
 * describe what they are about to record as an `EventProbe`.
 *
 * Scoring is pure (`scoreDuplicate`, `scoreRespondsTo`, unit-tested); the finders read a
 * bounded set of candidates through indexed conditions (the date range and the participants'
 * (actorId, role, eventId) index) and score them in memory.
 */
import type { Db, Prisma } from "@/lib/db/client";
import { eventTypeInfo, type EventType } from "@/lib/events/vocabulary";
import { foldText } from "@/lib/text/fold";

export type EventProbe = {
  /** First and last calendar day the date covers, "YYYY-MM-DD". */
  dateStart: string;
  dateEnd: string;
  type: EventType | string;
  title: string;
  initiatorIds: readonly number[];
  targetIds: readonly number[];
};

export type RecordedEvent = EventProbe & { id: number; datePrecision: string };

export type Candidate = { eventId: number; title: string; dateStart: string; datePrecision: string; score: number; reason: string };

/** Duplicates scoring below this are not offered. */
export const DUPLICATE_THRESHOLD = 0.6;
/** Responses scoring below this are not offered. */
export const RESPONDS_TO_THRESHOLD = 0.45;
/** How far back a responded-to event may lie. */
export const RESPONDS_TO_WINDOW_DAYS = 60;
/** At most this many recorded events are read and scored per probe. */
export const CANDIDATES_READ = 100;

const STOPWORDS = new Set(
  "the a an of on in to for and or by with from at as its their his her over after against into new says said".split(" "),
);

/** The words of a title that carry meaning, folded. */
export function titleWords(title: string): Set<string> {
  return new Set(
    foldText(title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w))
      // "sanctions" and "sanction", "expels" and "expel" are one word here.
      .map((w) => (w.length > 4 ? w.replace(/(es|s)$/, "") : w)),
  );
}

/** Dice coefficient of two titles' words, 0..1. */
export function titleSimilarity(a: string, b: string): number {
  const x = titleWords(a);
  const y = titleWords(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function jaccard(a: readonly number[], b: readonly number[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const v of x) if (y.has(v)) shared++;
  const union = new Set([...x, ...y]).size;
  return union === 0 ? 0 : shared / union;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * How likely `recorded` is the event `probe` describes: same type, same initiators and
 * targets, overlapping dates, similar title. 0 when the dates do not overlap.
 */
export function scoreDuplicate(probe: EventProbe, recorded: EventProbe): { score: number; reason: string } {
  if (!(probe.dateStart <= recorded.dateEnd && recorded.dateStart <= probe.dateEnd)) return { score: 0, reason: "dates do not overlap" };
  const sameType = probe.type === recorded.type;
  const initiators = jaccard(probe.initiatorIds, recorded.initiatorIds);
  const targets = jaccard(probe.targetIds, recorded.targetIds);
  const title = titleSimilarity(probe.title, recorded.title);
  const sameDate = probe.dateStart === recorded.dateStart && probe.dateEnd === recorded.dateEnd;
  // Who did what to whom weighs most; another type makes it another event, whatever else agrees.
  const score = (0.3 * initiators + 0.3 * targets + 0.25 * title + (sameDate ? 0.15 : 0.05)) * (sameType ? 1 : 0.6);
  const parts = [
    sameDate ? "same date" : "overlapping date",
    sameType ? "same type" : "another type",
    initiators === 1 ? "same initiators" : initiators > 0 ? "some of the initiators" : "other initiators",
    targets === 1 ? "same targets" : targets > 0 ? "some of the targets" : "other targets",
    `title ${Math.round(title * 100)}% alike`,
  ];
  return { score: round(Math.min(1, score)), reason: parts.join(", ") };
}

type Family = "hostile" | "cooperative" | "statement" | "other";

function familyOf(type: string): Family {
  switch (type) {
    case "sanctions-imposed":
    case "sanctions-threatened":
    case "designation":
    case "diplomatic-expulsion":
    case "ambassador-recalled":
    case "countermeasure":
      return "hostile";
    case "sanctions-eased":
    case "agreement":
    case "meeting":
      return "cooperative";
    case "statement":
      return "statement";
    default:
      return "other";
  }
}

/** How well a later event of type `later` can answer an earlier one of type `earlier`, 0..1. */
export function typeCompatibility(earlier: string, later: string): number {
  if (earlier === later && familyOf(later) !== "other") return 1;
  const [a, b] = [familyOf(earlier), familyOf(later)];
  if (a === "other" || b === "other") return 0;
  if (a === b) return 0.8;
  // A statement condemning a measure, or a measure answering a statement.
  if (b === "statement" || a === "statement") return 0.5;
  // Sanctions eased in answer to a concession, or a measure answering a rapprochement: rare.
  return 0.2;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first day `days` before a "YYYY-MM-DD" day (calendar arithmetic in UTC, no time zone shift). */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * How likely `probe` responds to the earlier `recorded`: its initiators were the earlier
 * event's targets and the other way round, a compatible type, and dated shortly before.
 */
export function scoreRespondsTo(probe: EventProbe, recorded: EventProbe): { score: number; reason: string } {
  const gap = daysBetween(recorded.dateStart, probe.dateStart);
  if (gap < 0 || gap > RESPONDS_TO_WINDOW_DAYS) return { score: 0, reason: "not dated shortly before" };
  const swapped = (overlap(recorded.targetIds, probe.initiatorIds) + overlap(recorded.initiatorIds, probe.targetIds)) / 2;
  if (swapped === 0) return { score: 0, reason: "initiator and target not swapped" };
  const types = typeCompatibility(recorded.type, probe.type);
  if (types === 0) return { score: 0, reason: "incompatible types" };
  const recency = 1 - gap / (2 * RESPONDS_TO_WINDOW_DAYS);
  const score = 0.45 * swapped + 0.35 * types + 0.2 * recency;
  const typeWords = recorded.type === probe.type ? `same type (${eventTypeInfo(probe.type).label.toLowerCase()})` : "compatible type";
  return { score: round(score), reason: `initiator and target swapped, ${typeWords}, ${gap} ${gap === 1 ? "day" : "days"} before` };
}

/** Share of `b` found in `a` (1 when every one of b is in a). */
function overlap(a: readonly number[], b: readonly number[]): number {
  if (b.length === 0) return 0;
  const x = new Set(a);
  return b.filter((v) => x.has(v)).length / b.length;
}

const RECORDED_SELECT = {
  id: true,
  title: true,
  type: true,
  datePrecision: true,
  dateStart: true,
  dateEnd: true,
  participants: { select: { actorId: true, role: true } },
} as const;

type RecordedRow = Prisma.EventGetPayload<{ select: typeof RECORDED_SELECT }>;

function toRecorded(row: RecordedRow): RecordedEvent {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    datePrecision: row.datePrecision,
    dateStart: row.dateStart,
    dateEnd: row.dateEnd,
    initiatorIds: row.participants.filter((p) => p.role === "initiator").map((p) => p.actorId),
    targetIds: row.participants.filter((p) => p.role === "target").map((p) => p.actorId),
  };
}

function ranked(probe: EventProbe, rows: RecordedRow[], score: typeof scoreDuplicate, threshold: number, limit: number, exclude: ReadonlySet<number>): Candidate[] {
  return rows
    .filter((r) => !exclude.has(r.id))
    .map((row) => ({ row, ...score(probe, toRecorded(row)) }))
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score || b.row.dateStart.localeCompare(a.row.dateStart) || b.row.id - a.row.id)
    .slice(0, limit)
    .map(({ row, score: s, reason }) => ({ eventId: row.id, title: row.title, dateStart: row.dateStart, datePrecision: row.datePrecision, score: s, reason }));
}

/**
 * Recorded events (drafts and published, not trashed) that `probe` may duplicate, most
 * likely first. Reads at most CANDIDATES_READ events whose dates overlap and that share an
 * actor with the probe (or, when it names none, its type).
 */
export async function findDuplicateEvents(
  db: Db,
  probe: EventProbe,
  options: { limit?: number; excludeIds?: readonly number[] } = {},
): Promise<Candidate[]> {
  const actorIds = [...new Set([...probe.initiatorIds, ...probe.targetIds])];
  const rows = await db.event.findMany({
    where: {
      deletedAt: null,
      dateStart: { lte: probe.dateEnd },
      dateEnd: { gte: probe.dateStart },
      ...(actorIds.length > 0 ? { participants: { some: { actorId: { in: actorIds } } } } : { type: probe.type }),
    },
    orderBy: [{ dateStart: "desc" }, { id: "desc" }],
    take: CANDIDATES_READ,
    select: RECORDED_SELECT,
  });
  return ranked(probe, rows, scoreDuplicate, DUPLICATE_THRESHOLD, options.limit ?? 5, new Set(options.excludeIds));
}

/**
 * Recorded events that `probe` may respond to: initiated by one of its targets against one
 * of its initiators, of a compatible type, dated up to RESPONDS_TO_WINDOW_DAYS before it.
 */
export async function findRespondsToEvents(
  db: Db,
  probe: EventProbe,
  options: { limit?: number; excludeIds?: readonly number[] } = {},
): Promise<Candidate[]> {
  if (probe.initiatorIds.length === 0 || probe.targetIds.length === 0) return [];
  const rows = await db.event.findMany({
    where: {
      deletedAt: null,
      dateStart: { gte: daysBefore(probe.dateStart, RESPONDS_TO_WINDOW_DAYS), lte: probe.dateStart },
      AND: [
        { participants: { some: { role: "initiator", actorId: { in: [...probe.targetIds] } } } },
        { participants: { some: { role: "target", actorId: { in: [...probe.initiatorIds] } } } },
      ],
    },
    orderBy: [{ dateStart: "desc" }, { id: "desc" }],
    take: CANDIDATES_READ,
    select: RECORDED_SELECT,
  });
  return ranked(probe, rows, scoreRespondsTo, RESPONDS_TO_THRESHOLD, options.limit ?? 5, new Set(options.excludeIds));
}

/**
 * How alike two titles must be (`titleSimilarity`, case and accents folded) for an event
 * that agrees on everything else to count as a likely duplicate (`isLikelyDuplicate`).
 */
export const LIKELY_DUPLICATE_TITLE_SIMILARITY = 0.7;

/** Whether two titles are alike enough: folded and equal, or `titleSimilarity` at the threshold. */
export function similarTitles(a: string, b: string): boolean {
  if (foldText(a).trim() === foldText(b).trim()) return true;
  return titleSimilarity(a, b) >= LIKELY_DUPLICATE_TITLE_SIMILARITY;
}

/**
 * The key that a likely duplicate shares exactly with what it duplicates: the same dates,
 * the same type, the same initiators and the same targets (in any order, repeats ignored).
 */
export function duplicateKey(probe: EventProbe): string {
  const ids = (list: readonly number[]) => [...new Set(list)].sort((x, y) => x - y).join(",");
  return `${probe.dateStart}|${probe.dateEnd}|${probe.type}|${ids(probe.initiatorIds)}|${ids(probe.targetIds)}`;
}

/**
 * The strict test the import applies to every row (unlike `scoreDuplicate`, which ranks
 * loose candidates for a person to judge): same date, type, initiators and targets, and a
 * similar title.
 */
export function isLikelyDuplicate(probe: EventProbe, recorded: EventProbe): boolean {
  return duplicateKey(probe) === duplicateKey(recorded) && similarTitles(probe.title, recorded.title);
}

/**
 * Finds, for many probes at once, the recorded events (not trashed) each one likely
 * duplicates (`isLikelyDuplicate`), lowest id first. One query per call, bounded by its
 * conditions rather than by the number of probes: the probes' exact start days and types
 * (the (type, dateStart) index) and their actors (the participants' (actorId, role,
 * eventId) index). Probes naming an actor that is not recorded yet (ids from
 * `unrecordedFrom` on) cannot match and are not looked up.
 */
export async function findLikelyDuplicates(
  db: Db,
  probes: readonly EventProbe[],
  options: { unrecordedFrom?: number; excludeIds?: { has(id: number): boolean } } = {},
): Promise<Map<EventProbe, number[]>> {
  const found = new Map<EventProbe, number[]>();
  const limit = options.unrecordedFrom ?? Number.MAX_SAFE_INTEGER;
  const lookups = probes.filter((p) => p.initiatorIds.length > 0 && [...p.initiatorIds, ...p.targetIds].every((id) => id < limit));
  if (lookups.length === 0) return found;
  const days = [...new Set(lookups.map((p) => p.dateStart))];
  const types = [...new Set(lookups.map((p) => String(p.type)))];
  const initiators = [...new Set(lookups.flatMap((p) => p.initiatorIds))];
  // Read in slices so that no query carries more parameters than a database accepts.
  const byKey = new Map<string, RecordedEvent[]>();
  for (let i = 0; i < days.length; i += 500) {
    const rows = await db.event.findMany({
      where: {
        deletedAt: null,
        dateStart: { in: days.slice(i, i + 500) },
        type: { in: types },
        participants: { some: { role: "initiator", actorId: { in: initiators } } },
      },
      orderBy: { id: "asc" },
      select: RECORDED_SELECT,
    });
    for (const row of rows) {
      if (options.excludeIds?.has(row.id)) continue;
      const recorded = toRecorded(row);
      const key = duplicateKey(recorded);
      const list = byKey.get(key);
      if (list) list.push(recorded);
      else byKey.set(key, [recorded]);
    }
  }
  for (const probe of lookups) {
    const matches = (byKey.get(duplicateKey(probe)) ?? []).filter((r) => similarTitles(probe.title, r.title)).map((r) => r.id);
    if (matches.length > 0) found.set(probe, matches);
  }
  return found;
}
