/**
 * The editor's review of an intake, as plain data: what the review screen shows and posts
 * back for each draft, and how a proposal becomes the event form's values. Pure: no
 * database, so the rules are unit-tested on their own (lib/intake/review.test.ts).
 */
import { emptyEventFormValues, readEventForm, type EventFormValues, type FieldErrors } from "@/lib/events/form";
import type { Draft, DraftActor } from "@/lib/intake/types";

export type DraftStatus = "pending" | "accepted" | "discarded";

/** A "responds to" candidate the editor can confirm: another draft of the article, or a recorded event. */
export type CandidateKey = `draft:${number}` | `event:${number}`;

export type DraftReview = {
  status: DraftStatus;
  /** The event an accepted draft became. */
  eventId: number | null;
  /** What the form shows and sends: the proposal at first, then what the editor typed. */
  values: EventFormValues;
  /** Ticked for "accept all checked". */
  checked: boolean;
  /** The editor says a "possibly already recorded" draft is a new event. */
  notDuplicate: boolean;
  /** Confirmed "responds to" candidates. */
  respondsTo: CandidateKey[];
  /** Proposed new actors ("initiator:0", "target:1": role and index in the draft) the editor keeps. */
  newActors: string[];
  /** Confirmed links to drafts not accepted yet: made when that draft is accepted. */
  pendingLinks: number[];
  /** Field errors of the last attempt to accept this draft, keyed like the event form's. */
  errors: FieldErrors;
};

export type IntakeReview = {
  drafts: DraftReview[];
  /** Bumped on every save, so the form is redrawn from what the server kept. */
  round: number;
  /** The last answer to the editor ("2 drafts accepted", "Draft 3 needs attention"). */
  message: string | null;
  messageKind: "success" | "error" | null;
};

export type IntakeArticle = { published: string; publisher: string | null; title: string | null; url: string | null };

/** The article as the source every accepted event cites. */
export function articleSource(article: IntakeArticle): EventFormValues["sources"][number] {
  return {
    url: article.url ?? "",
    title: article.title ?? (article.url ? "" : article.publisher ?? "Article"),
    publisher: article.publisher ?? "",
    publishedOn: article.published,
    archiveUrl: "",
  };
}

export function newActorKey(role: "initiator" | "target", index: number): string {
  return `${role}:${index}`;
}

/** The draft's actors that are not yet in the database, with the key the form uses for each. */
export function proposedNewActors(draft: Draft): { key: string; role: "initiator" | "target"; actor: DraftActor }[] {
  const list = (role: "initiator" | "target", actors: readonly DraftActor[]) =>
    actors.flatMap((actor, index) => (actor.actorId === null ? [{ key: newActorKey(role, index), role, actor }] : []));
  return [...list("initiator", draft.initiators), ...list("target", draft.targets)];
}

/** The event form's values for a drafter's proposal (known actors only; new ones are offered separately). */
export function proposalToFormValues(draft: Draft, article: IntakeArticle): EventFormValues {
  const known = (actors: readonly DraftActor[]) =>
    actors.flatMap((a) => (a.actorId === null ? [] : [{ id: a.actorId, name: a.name, isoCode: a.isoCode }]));
  const end = draft.dateEnd && draft.dateEnd !== draft.date ? draft.dateEnd : "";
  return {
    ...emptyEventFormValues(),
    title: draft.title,
    summary: draft.summary,
    datePrecision: draft.datePrecision,
    date: draft.date,
    endDatePrecision: end.length === 4 ? "year" : end.length === 7 ? "month" : "day",
    endDate: end,
    type: draft.type,
    legalBasis: draft.legalBasis ?? "",
    measures: [...draft.measures],
    initiators: known(draft.initiators),
    targets: known(draft.targets),
    tags: [...draft.tags],
    sources: [articleSource(article)],
  };
}

export function initialReview(drafts: readonly Draft[], article: IntakeArticle): IntakeReview {
  return {
    round: 0,
    message: null,
    messageKind: null,
    drafts: drafts.map((draft) => ({
      status: "pending",
      eventId: null,
      values: proposalToFormValues(draft, article),
      checked: true,
      notDuplicate: false,
      respondsTo: [],
      newActors: proposedNewActors(draft).map((p) => p.key),
      pendingLinks: [],
      errors: {},
    })),
  };
}

/** The name prefix of a draft's fields on the review form: "d3." */
export function draftPrefix(index: number): string {
  return `d${index}.`;
}

const CANDIDATE = /^(draft|event):([0-9]{1,9})$/;

/** The fields of one draft, without their prefix, as a FormData the event form's reader understands. */
function draftFormData(formData: FormData, index: number): FormData {
  const prefix = draftPrefix(index);
  const scoped = new FormData();
  for (const [name, value] of formData.entries()) {
    if (name.startsWith(prefix) && typeof value === "string") scoped.append(name.slice(prefix.length), value);
  }
  return scoped;
}

/**
 * What the editor sent for one pending draft. Only drafts whose fields were on the form
 * (`d3.present`) are read; the others keep what the server has. The article stays the
 * source whatever the browser sends: it is not a field of the review form.
 */
export function readDraftReview(
  formData: FormData,
  index: number,
  current: DraftReview,
  draft: Draft,
  article: IntakeArticle,
): DraftReview {
  const scoped = draftFormData(formData, index);
  if (scoped.get("present") !== "1") return current;
  const values = readEventForm(scoped);
  const candidates = new Set(candidateKeys(draft, index));
  const keys = new Set(proposedNewActors(draft).map((p) => p.key));
  return {
    ...current,
    values: { ...values, id: null, version: null, status: current.values.status, sources: [articleSource(article)] },
    checked: scoped.get("checked") === "1",
    notDuplicate: scoped.get("notDuplicate") === "1",
    respondsTo: [...new Set(scoped.getAll("respondsTo"))].filter(
      (v): v is CandidateKey => typeof v === "string" && CANDIDATE.test(v) && candidates.has(v as CandidateKey),
    ),
    newActors: [...new Set(scoped.getAll("newActor"))].filter((v): v is string => typeof v === "string" && keys.has(v)),
  };
}

/** The candidates a draft offers, as keys; a draft never responds to itself. */
export function candidateKeys(draft: Draft, index: number): CandidateKey[] {
  const keys: CandidateKey[] = [];
  for (const c of draft.respondsTo) {
    if (c.draftIndex !== undefined && c.draftIndex !== index) keys.push(`draft:${c.draftIndex}`);
    else if (c.eventId !== undefined) keys.push(`event:${c.eventId}`);
  }
  return [...new Set(keys)];
}

export function parseCandidateKey(key: CandidateKey): { kind: "draft" | "event"; id: number } {
  const [, kind, id] = CANDIDATE.exec(key) ?? [];
  return { kind: kind === "draft" ? "draft" : "event", id: Number(id) };
}

export type ReviewIntent =
  | { kind: "save" }
  | { kind: "accept"; index: number }
  | { kind: "discard"; index: number }
  | { kind: "restore"; index: number }
  | { kind: "accept-checked" };

/** The button the editor pressed: "accept:2", "discard:0", "restore:1", "accept-checked" or "save". */
export function parseReviewIntent(value: FormDataEntryValue | null, draftCount: number): ReviewIntent | null {
  if (value === "save") return { kind: "save" };
  if (value === "accept-checked") return { kind: "accept-checked" };
  const match = typeof value === "string" ? /^(accept|discard|restore):([0-9]{1,4})$/.exec(value) : null;
  if (!match) return null;
  const index = Number(match[2]);
  if (index >= draftCount) return null;
  return { kind: match[1] as "accept" | "discard" | "restore", index };
}

/**
 * Orders drafts so that one a draft responds to is accepted before it, when both are
 * accepted together: the later event can then link to the earlier one as it is created.
 * A cycle (which no sensible text states) keeps the input order for its members.
 */
export function acceptOrder(indices: readonly number[], links: ReadonlyMap<number, readonly number[]>): number[] {
  const wanted = new Set(indices);
  const done = new Set<number>();
  const visiting = new Set<number>();
  const order: number[] = [];
  const visit = (i: number) => {
    if (done.has(i) || visiting.has(i)) return;
    visiting.add(i);
    for (const j of links.get(i) ?? []) if (wanted.has(j)) visit(j);
    visiting.delete(i);
    done.add(i);
    order.push(i);
  };
  for (const i of indices) visit(i);
  return order;
}
