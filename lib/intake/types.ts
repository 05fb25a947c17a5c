/**
 * The drafter's contract: article text and its publication date in, draft events with their
 * evidence out. The review screen, the CLI (`npm run draft`) and the accuracy benchmark
 * depend only on this file, so a different drafter (for example a model-based one) can be
 * added later behind the same interface without touching them.
 *
 * Field names follow the JSON export where they overlap (`date`, `datePrecision`, `type`,
 * `title`, `summary`, `legalBasis`, `initiators`, `targets`).
 */
import type { ActorKind, EventType, SanctionMeasure } from "@/lib/events/vocabulary";

export type DraftPrecision = "day" | "month" | "year";

/** A character range in the evidence sentence (0-based, end exclusive). */
export type Span = { start: number; end: number };

/** Which words produced a field, so the review screen can mark them. */
export type Cue = Span & {
  field: "date" | "type" | "initiator" | "target" | "legalBasis" | "respondsTo" | "measure";
  text: string;
};

export type DraftActor = {
  /** The name as Demarche records it (an existing actor's name when resolved). */
  name: string;
  /** ISO 3166-1 alpha-2 for states, else null. */
  isoCode: string | null;
  /** For a person or organisation, its state's (parent's) ISO code; for a state, its own. */
  stateCode: string | null;
  kind: ActorKind;
  /** Existing actor id when the mention resolved to one; null proposes a new actor. */
  actorId: number | null;
  /** The words in the article that named it. */
  mention: string;
};

export type RespondsToCandidate = {
  /** Another draft of the same article, by its index in `drafts`. */
  draftIndex?: number;
  /** Or an existing event. */
  eventId?: number;
  title: string;
  date: string;
  /** Higher is more likely; candidates are sorted by it, highest first. */
  score: number;
  /** Why it was offered: "text cue 'in retaliation for'", "initiator and target swapped", … */
  reason: string;
};

export type DuplicateCandidate = {
  eventId: number;
  title: string;
  date: string;
  score: number;
  reason: string;
};

export type Draft = {
  /** `2021`, `2021-04` or `2021-04-28`. */
  date: string;
  datePrecision: DraftPrecision;
  /** Last day for a span ("to leave by 21 May"), same format, else null. */
  dateEnd: string | null;
  /** A span the date model could not hold exactly ("last week"), shown to the editor. */
  dateSpan: { from: string; to: string; text: string } | null;
  /** True when the date was inherited from an earlier sentence of the same report. */
  dateInherited: boolean;
  type: EventType;
  measures: SanctionMeasure[];
  /** Future, "scheduled", "will": a planned event. */
  planned: boolean;
  title: string;
  summary: string;
  legalBasis: string | null;
  initiators: DraftActor[];
  targets: DraftActor[];
  tags: string[];
  /** The sentence the draft was read from, and where each field came from inside it. */
  evidence: string;
  cues: Cue[];
  respondsTo: RespondsToCandidate[];
  duplicateOf: DuplicateCandidate[];
  /** Free-text notes for the editor ("date inherited from the previous sentence"). */
  notes: string[];
};

export type DraftInput = {
  text: string;
  /** `YYYY-MM-DD`, the article's publication date (a calendar date, never a time zone shift). */
  published: string;
  publisher?: string;
  title?: string;
  url?: string;
};

/**
 * What the drafter may look up in the database. The pure drafter gets an implementation
 * backed by Prisma on the server and an in-memory one in unit tests and the benchmark.
 */
export type DraftContext = {
  /** Known actors and their aliases, for resolving mentions to existing actors. */
  actors: ReadonlyArray<{
    id: number;
    name: string;
    kind: DraftActor["kind"];
    isoCode: string | null;
    stateCode: string | null;
    aliases: readonly string[];
  }>;
  /** Legal bases already recorded, reused when a mention matches. */
  legalBases: readonly string[];
};

export type DraftResult = {
  drafts: Draft[];
  /** Notes for the editor about the whole article ("not English: no drafts"), if any. */
  messages?: string[];
};

export interface Drafter {
  draft(input: DraftInput, context: DraftContext): DraftResult;
}
