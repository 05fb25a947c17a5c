/**
 * One step of an editor's review: keep what was typed, and accept or discard drafts. Accepted
 * drafts become events (with the article as source and an "intake" revision) and extraction
 * records, all in one transaction that also claims the intake's next version, so two windows
 * cannot accept the same draft twice. Nothing is written for a draft that does not validate.
 */
import type { Db, PrismaClient } from "@/lib/db/client";
import { validateEventForm, type FieldErrors } from "@/lib/events/form";
import { readEventSnapshot } from "@/lib/events/snapshot";
import type { EventInput } from "@/lib/events/schema";
import { isExpectedError, type ExpectedError } from "@/lib/errors";
import { createEvent, recordRevision } from "@/lib/events/write";
import { slugify } from "@/lib/text/fold";
import { changedFields, proposalValues, savedValues } from "@/lib/intake/extraction";
import {
  acceptOrder,
  parseCandidateKey,
  proposedNewActors,
  readDraftReview,
  type DraftReview,
  type IntakeReview,
  type ReviewIntent,
} from "@/lib/intake/review";
import { findIntake, type StoredIntake } from "@/lib/intake/store";
import type { Draft } from "@/lib/intake/types";

export type ReviewStepResult =
  | { status: "saved"; accepted: number[] }
  | { status: "invalid" }
  | { status: "stale" }
  | { status: "expired" }
  | { status: "missing" };

class StaleIntakeError extends Error {}

/** "Draft 3" as the editor sees it (numbered from one). */
const label = (index: number) => `Draft ${index + 1}`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Finds an actor by name (through its slug, as the actor screen does) or creates it under its state. */
async function ensureActor(db: Db, actor: Draft["initiators"][number]): Promise<number> {
  const name = actor.name.trim().slice(0, 200);
  const slug = slugify(name);
  const existing = await db.actor.findFirst({ where: { OR: [{ name }, { slug }] }, select: { id: true } });
  if (existing) return existing.id;
  const isoCode = actor.kind === "state" && actor.isoCode && /^[A-Z]{2}$/.test(actor.isoCode) ? actor.isoCode : null;
  if (isoCode) {
    const state = await db.actor.findUnique({ where: { isoCode }, select: { id: true } });
    if (state) return state.id;
  }
  const parent =
    actor.kind !== "state" && actor.stateCode ? await db.actor.findUnique({ where: { isoCode: actor.stateCode }, select: { id: true } }) : null;
  const created = await db.actor.create({
    data: { name, slug, kind: actor.kind, isoCode, parentId: parent?.id ?? null },
    select: { id: true },
  });
  await db.auditLog.create({
    data: {
      action: "actor.create",
      subjectType: "actor",
      subjectId: String(created.id),
      details: JSON.stringify({ name, kind: actor.kind, isoCode, parentId: parent?.id ?? null, via: "intake" }),
      userId: null,
    },
  });
  return created.id;
}

/** Validates a draft for acceptance: the event form's rules plus the duplicate check. */
function checkDraft(review: DraftReview, draft: Draft, status: "draft" | "published"): { ok: true; input: EventInput } | { ok: false; errors: FieldErrors } {
  const hasNewInitiator = proposedNewActors(draft).some((p) => p.role === "initiator" && review.newActors.includes(p.key));
  const checked = validateEventForm({ ...review.values, status });
  const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
  // A proposed new initiator counts as an initiator: it is created when the draft is accepted.
  if (hasNewInitiator && errors.initiatorIds?.[0] === "Add at least one initiator.") delete errors.initiatorIds;
  if (draft.duplicateOf.length > 0 && !review.notDuplicate) {
    errors.notDuplicate = ["This may already be recorded. Open the event to check, then tick “not a duplicate” to accept it anyway, or discard the draft."];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (checked.ok) return { ok: true, input: checked.input };
  // Only the initiator rule failed, and a new initiator will fill it: validate again with a stand-in id.
  const again = validateEventForm({ ...review.values, status, initiators: [{ id: Number.MAX_SAFE_INTEGER, name: "", isoCode: null }] });
  if (!again.ok) return { ok: false, errors: again.errors };
  return { ok: true, input: { ...again.input, initiatorIds: [] } };
}

/**
 * Applies one review step from the posted form: every pending draft's fields are kept, then
 * the intent runs. Returns what happened; the intake's review (values, errors, message) is
 * stored in every case but "stale", "expired" and "missing".
 */
export async function reviewStep(
  prisma: PrismaClient,
  intakeId: string,
  formData: FormData,
  intent: ReviewIntent,
  options: { userId: number; publish: boolean; now?: Date },
): Promise<ReviewStepResult> {
  try {
    return await runReviewStep(prisma, intakeId, formData, intent, options);
  } catch (error) {
    if (error instanceof StaleIntakeError) return { status: "stale" };
    throw error;
  }
}

async function runReviewStep(
  prisma: PrismaClient,
  intakeId: string,
  formData: FormData,
  intent: ReviewIntent,
  options: { userId: number; publish: boolean; now?: Date },
): Promise<ReviewStepResult> {
  const found = await findIntake(prisma, intakeId, options.now);
  if (found.status !== "found") return { status: found.status };
  const intake = found.intake;
  const version = Number(formData.get("version"));
  if (version !== intake.version) return { status: "stale" };

  const review: IntakeReview = {
    ...intake.review,
    round: intake.review.round + 1,
    message: null,
    messageKind: null,
    drafts: intake.review.drafts.map((current, index) => {
      const draft = intake.drafts[index];
      const next = current.status === "pending" && draft ? readDraftReview(formData, index, current, draft, intake) : current;
      return { ...next, errors: {} };
    }),
  };

  const status = options.publish ? "published" : "draft";
  const say = (message: string, kind: "success" | "error") => {
    review.message = message;
    review.messageKind = kind;
  };

  let accepted: number[] = [];
  if (intent.kind !== "save" && intent.kind !== "accept-checked" && intent.index >= review.drafts.length) {
    say("That draft is not part of this article.", "error");
  } else if (intent.kind === "save") say("Your changes are kept. Nothing was accepted.", "success");
  else if (intent.kind === "discard" || intent.kind === "restore") {
    const entry = review.drafts[intent.index];
    const from = intent.kind === "discard" ? "pending" : "discarded";
    if (entry && entry.status === from) {
      entry.status = intent.kind === "discard" ? "discarded" : "pending";
      if (intent.kind === "discard") {
        for (const other of review.drafts) other.pendingLinks = other.pendingLinks.filter((i) => i !== intent.index);
      }
      say(`${label(intent.index)} ${intent.kind === "discard" ? "discarded" : "is back for review"}.`, "success");
    } else say(`${label(intent.index)} was already ${entry?.status ?? "gone"}.`, "error");
  } else {
    const indices =
      intent.kind === "accept"
        ? [intent.index]
        : review.drafts.flatMap((d, i) => (d.status === "pending" && d.checked ? [i] : []));
    const notPending = indices.filter((i) => review.drafts[i]?.status !== "pending");
    if (indices.length === 0) say("Tick at least one draft to accept.", "error");
    else if (notPending.length > 0) say(`${label(notPending[0] ?? 0)} was already ${review.drafts[notPending[0] ?? 0]?.status}.`, "error");
    else {
      const inputs = new Map<number, EventInput>();
      const failing: number[] = [];
      for (const index of indices) {
        const entry = review.drafts[index] as DraftReview;
        const checked = checkDraft(entry, intake.drafts[index] as Draft, status);
        if (checked.ok) inputs.set(index, checked.input);
        else {
          entry.errors = checked.errors;
          failing.push(index);
        }
      }
      if (failing.length > 0) {
        say(
          `${failing.map(label).join(", ")} ${failing.length === 1 ? "needs" : "need"} attention; nothing was accepted. Your changes are kept.`,
          "error",
        );
      } else {
        try {
          accepted = await prisma.$transaction(async (tx) => {
            await claim(tx, intake, review);
            return acceptDrafts(tx, intake, review, indices, inputs, { userId: options.userId, status });
          });
        } catch (error) {
          if (error instanceof StaleIntakeError) return { status: "stale" };
          if (!(error instanceof AcceptError)) throw error;
          const entry = review.drafts[error.index];
          if (entry) entry.errors = { [error.cause.field === "event" ? "title" : error.cause.field]: [error.cause.message] };
          // The transaction rolled back: no draft of this step was accepted.
          for (const i of indices) {
            const d = review.drafts[i];
            if (d) Object.assign(d, { status: "pending", eventId: null });
          }
          say(`${label(error.index)} could not be accepted: ${error.cause.message} Nothing was accepted.`, "error");
          await saveReview(prisma, intake, review);
          return { status: "invalid" };
        }
        return { status: "saved", accepted };
      }
      await saveReview(prisma, intake, review);
      return { status: "invalid" };
    }
  }
  await saveReview(prisma, intake, review);
  return { status: "saved", accepted };
}

class AcceptError extends Error {
  constructor(
    readonly index: number,
    override readonly cause: ExpectedError,
  ) {
    super(cause.message);
  }
}

/** Claims the intake's next version and stores the review; throws StaleIntakeError when another step came first. */
async function claim(db: Db, intake: StoredIntake, review: IntakeReview): Promise<void> {
  const { count } = await db.intake.updateMany({
    where: { id: intake.id, version: intake.version },
    data: { version: { increment: 1 }, review: JSON.stringify(review) },
  });
  if (count !== 1) throw new StaleIntakeError();
}

async function saveReview(prisma: PrismaClient, intake: StoredIntake, review: IntakeReview): Promise<void> {
  await claim(prisma, intake, review);
}

async function acceptDrafts(
  tx: Db,
  intake: StoredIntake,
  review: IntakeReview,
  indices: readonly number[],
  inputs: ReadonlyMap<number, EventInput>,
  { userId, status }: { userId: number; status: "draft" | "published" },
): Promise<number[]> {
  const draftLinks = new Map(
    indices.map((i) => [i, (review.drafts[i]?.respondsTo ?? []).map(parseCandidateKey).filter((c) => c.kind === "draft").map((c) => c.id)]),
  );
  const accepted: number[] = [];
  for (const index of acceptOrder(indices, draftLinks)) {
    const entry = review.drafts[index] as DraftReview;
    const draft = intake.drafts[index] as Draft;
    const input = inputs.get(index) as EventInput;
    try {
      const newIds: { initiator: number[]; target: number[] } = { initiator: [], target: [] };
      for (const proposed of proposedNewActors(draft)) {
        if (entry.newActors.includes(proposed.key)) newIds[proposed.role].push(await ensureActor(tx, proposed.actor));
      }
      const initiatorIds = [...new Set([...input.initiatorIds, ...newIds.initiator])];
      const targetIds = [...new Set([...input.targetIds, ...newIds.target])].filter((id) => !initiatorIds.includes(id));
      const relations = [...input.relations];
      const pending: number[] = [];
      for (const key of entry.respondsTo) {
        const candidate = parseCandidateKey(key);
        const eventId = candidate.kind === "event" ? candidate.id : (review.drafts[candidate.id]?.eventId ?? null);
        if (eventId !== null) relations.push({ kind: "responds-to", eventId });
        else if (review.drafts[candidate.id]?.status === "pending") pending.push(candidate.id);
      }
      const unique = [...new Map(relations.map((r) => [`${r.kind}:${r.eventId}`, r])).values()];
      const eventId = await createEvent(tx, { ...input, initiatorIds, targetIds, relations: unique }, { userId, kind: "intake" });
      Object.assign(entry, { status: "accepted", eventId, pendingLinks: pending });
      accepted.push(eventId);

      // Drafts accepted earlier that were waiting to respond to this one get their link now.
      for (const other of review.drafts) {
        if (other.status !== "accepted" || other.eventId === null || !other.pendingLinks.includes(index)) continue;
        await tx.eventRelation.createMany({ data: [{ fromId: other.eventId, toId: eventId, kind: "responds-to" }] });
        await tx.event.update({ where: { id: other.eventId }, data: { version: { increment: 1 } } });
        await recordRevision(tx, other.eventId, "intake", userId);
        other.pendingLinks = other.pendingLinks.filter((i) => i !== index);
      }

      const snapshot = await readEventSnapshot(tx, eventId);
      if (!snapshot) throw new Error(`Event ${eventId} vanished while it was being accepted`);
      const proposed = proposalValues(draft, (i) => review.drafts[i]?.eventId ?? null);
      const saved = savedValues({
        date: snapshot.date,
        datePrecision: snapshot.datePrecision,
        type: snapshot.type,
        initiators: snapshot.initiators.map((a) => a.name),
        targets: snapshot.targets.map((a) => a.name),
        legalBasis: snapshot.legalBasis,
        measures: snapshot.measures,
        title: snapshot.title,
        summary: snapshot.summary,
        tags: snapshot.tags,
        respondsTo: [
          ...snapshot.relations.filter((r) => r.kind === "responds-to").map((r) => `event:${r.eventId}`),
          ...pending.map((i) => `draft:${i}`),
        ],
      });
      await tx.extractionRecord.create({
        data: {
          intakeId: intake.id,
          eventId,
          draftIndex: index,
          proposed: JSON.stringify(draft),
          saved: JSON.stringify(saved),
          changedFields: JSON.stringify(changedFields(proposed, saved)),
          userId,
        },
      });
    } catch (error) {
      if (isExpectedError(error, "invalid")) throw new AcceptError(index, error);
      throw error;
    }
  }
  review.message = `${plural(accepted.length, "draft", "drafts")} accepted as ${status === "published" ? "published" : "draft"} ${accepted.length === 1 ? "event" : "events"}.`;
  review.messageKind = "success";
  // The review as it now stands (accepted drafts, their events, the message) is what the intake keeps.
  await tx.intake.update({ where: { id: intake.id }, data: { review: JSON.stringify(review) } });
  return accepted;
}
