/**
 * The extraction record's comparison: a drafter's proposal and the event the editor saved,
 * put in the same terms field by field, and which fields differ. Pure, so the accuracy
 * figures (lib/intake/accuracy.ts) rest on unit-tested rules.
 */
import { foldText } from "@/lib/text/fold";
import type { Draft } from "@/lib/intake/types";

/** The fields measured, in the order the accuracy page lists them. */
export const EXTRACTION_FIELDS = [
  "date",
  "datePrecision",
  "type",
  "initiators",
  "targets",
  "legalBasis",
  "measures",
  "title",
  "summary",
  "tags",
  "respondsTo",
] as const;

export type ExtractionField = (typeof EXTRACTION_FIELDS)[number];

export const EXTRACTION_FIELD_LABELS: Record<ExtractionField, string> = {
  date: "Date",
  datePrecision: "Date precision",
  type: "Type",
  initiators: "Initiators",
  targets: "Targets",
  legalBasis: "Legal basis",
  measures: "Measures",
  title: "Title",
  summary: "Summary",
  tags: "Tags",
  respondsTo: "Responds to",
};

/** One side of the comparison. Actors by name, lists sorted, so order and case do not count as a change. */
export type ExtractionValues = {
  date: string;
  datePrecision: string;
  type: string;
  initiators: string[];
  targets: string[];
  legalBasis: string | null;
  measures: string[];
  title: string;
  summary: string;
  tags: string[];
  /** "draft:2" or "event:17" for the proposal's candidates; "event:17" for what was saved. */
  respondsTo: string[];
};

const sortedFolded = (values: readonly string[]) => [...new Set(values.map((v) => foldText(v).trim()))].sort();

/**
 * The proposal in comparable terms. Its "responds to" is the best-ranked candidate only: the
 * drafter offers a ranked list, and its top suggestion is the one it stands behind.
 */
export function proposalValues(draft: Draft, resolveDraft: (index: number) => number | null): ExtractionValues {
  const top = draft.respondsTo[0];
  const topKey =
    top === undefined
      ? null
      : top.eventId !== undefined
        ? `event:${top.eventId}`
        : top.draftIndex !== undefined
          ? (() => {
              const id = resolveDraft(top.draftIndex);
              return id === null ? `draft:${top.draftIndex}` : `event:${id}`;
            })()
          : null;
  return {
    date: draft.date,
    datePrecision: draft.datePrecision,
    type: draft.type,
    initiators: sortedFolded(draft.initiators.map((a) => a.name)),
    targets: sortedFolded(draft.targets.map((a) => a.name)),
    legalBasis: draft.legalBasis?.trim() || null,
    measures: [...new Set(draft.measures)].sort(),
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    tags: sortedFolded(draft.tags),
    respondsTo: topKey === null ? [] : [topKey],
  };
}

export type SavedEvent = {
  date: string;
  datePrecision: string;
  type: string;
  initiators: readonly string[];
  targets: readonly string[];
  legalBasis: string | null;
  measures: readonly string[];
  title: string;
  summary: string;
  tags: readonly string[];
  /** What it responds to: "event:17", or "draft:2" for a confirmed link to a draft not accepted yet. */
  respondsTo: readonly string[];
};

export function savedValues(saved: SavedEvent): ExtractionValues {
  return {
    date: saved.date,
    datePrecision: saved.datePrecision,
    type: saved.type,
    initiators: sortedFolded(saved.initiators),
    targets: sortedFolded(saved.targets),
    legalBasis: saved.legalBasis?.trim() || null,
    measures: [...new Set(saved.measures)].sort(),
    title: saved.title.trim(),
    summary: saved.summary.trim(),
    tags: sortedFolded(saved.tags),
    respondsTo: [...new Set(saved.respondsTo)].sort(),
  };
}

/** The fields where the saved event differs from the proposal. */
export function changedFields(proposed: ExtractionValues, saved: ExtractionValues): ExtractionField[] {
  return EXTRACTION_FIELDS.filter((field) => JSON.stringify(proposed[field]) !== JSON.stringify(saved[field]));
}
