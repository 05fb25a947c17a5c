/**
 * Intakes in the database: created from a paste, read by the review screen, removed a day
 * later. Like the import's upload between dry run and Apply (lib/import/upload-store.ts),
 * the work in progress lives on the server, so a reload or a second window loses nothing,
 * and old ones are swept whenever a new one is stored.
 */
import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { initialReview, type IntakeArticle, type IntakeReview } from "@/lib/intake/review";
import type { Draft, DraftContext, Drafter } from "@/lib/intake/types";
import type { PasteInput } from "@/lib/intake/paste";

export const INTAKE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A review screen with more rows than this is not reviewable; the rest are dropped with a note. */
export const MAX_DRAFTS = 200;
const ID = /^[0-9a-f]{32}$/;

export type StoredIntake = IntakeArticle & {
  id: string;
  text: string;
  drafts: Draft[];
  review: IntakeReview;
  version: number;
  createdAt: Date;
  expiresAt: Date;
  createdBy: string | null;
};

export function isIntakeId(value: string): boolean {
  return ID.test(value);
}

/** Removes the intakes whose day is over. */
export async function removeExpiredIntakes(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.intake.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

/**
 * Drafts the article and stores the intake with its drafts; nothing else is written. The
 * publication date is the editor's, or the dateline's the drafter found, or (failing both)
 * the caller is told so and nothing is stored.
 */
export async function createIntake(
  db: Db,
  input: PasteInput & { published: string },
  options: {
    drafter: Drafter;
    context: DraftContext;
    userId: number | null;
    now?: Date;
    /** Database look-ups after drafting: possible duplicates and recorded events a draft may respond to. */
    enrich?: (drafts: Draft[]) => Promise<Draft[]>;
  },
): Promise<{ id: string; drafts: number }> {
  const now = options.now ?? new Date();
  await removeExpiredIntakes(db, now);
  const result = options.drafter.draft(
    { text: input.text, published: input.published, publisher: input.publisher ?? undefined, title: input.title ?? undefined, url: input.url ?? undefined },
    options.context,
  );
  const kept = result.drafts.slice(0, MAX_DRAFTS);
  const drafts = options.enrich ? await options.enrich(kept) : kept;
  const article: IntakeArticle = { published: input.published, publisher: input.publisher, title: input.title, url: input.url };
  const review = initialReview(drafts, article);
  const notes = [...(result.messages ?? [])];
  if (result.drafts.length > drafts.length) notes.push(`The article gave ${result.drafts.length} drafts; only the first ${MAX_DRAFTS} are listed.`);
  if (notes.length > 0) {
    review.message = notes.join(" ");
    review.messageKind = "error";
  }
  const id = crypto.randomBytes(16).toString("hex");
  await db.intake.create({
    data: {
      id,
      text: input.text,
      published: input.published,
      publisher: input.publisher,
      title: input.title,
      url: input.url,
      drafts: JSON.stringify(drafts),
      review: JSON.stringify(review),
      createdById: options.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INTAKE_MAX_AGE_MS),
    },
  });
  return { id, drafts: drafts.length };
}

export type IntakeLookup = { status: "found"; intake: StoredIntake } | { status: "expired" } | { status: "missing" };

/** An intake for its review screen; an expired one is removed and reported as such. */
export async function findIntake(db: Db, id: string, now: Date = new Date()): Promise<IntakeLookup> {
  if (!isIntakeId(id)) return { status: "missing" };
  const row = await db.intake.findUnique({
    where: { id },
    select: {
      id: true,
      text: true,
      published: true,
      publisher: true,
      title: true,
      url: true,
      drafts: true,
      review: true,
      version: true,
      createdAt: true,
      expiresAt: true,
      createdBy: { select: { email: true, name: true } },
    },
  });
  if (!row) return { status: "missing" };
  if (row.expiresAt < now) {
    await db.intake.deleteMany({ where: { id } });
    return { status: "expired" };
  }
  const drafts = JSON.parse(row.drafts) as Draft[];
  return {
    status: "found",
    intake: {
      id: row.id,
      text: row.text,
      published: row.published,
      publisher: row.publisher,
      title: row.title,
      url: row.url,
      drafts,
      review: JSON.parse(row.review) as IntakeReview,
      version: row.version,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      createdBy: row.createdBy ? (row.createdBy.name ?? row.createdBy.email) : null,
    },
  };
}

/** The editor's recent intakes still open, newest first, for the paste page. */
export async function listOpenIntakes(db: Db, now: Date = new Date()) {
  const rows = await db.intake.findMany({
    where: { expiresAt: { gte: now } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, title: true, publisher: true, published: true, createdAt: true, expiresAt: true, review: true },
  });
  return rows.map((row) => {
    const review = JSON.parse(row.review) as IntakeReview;
    const count = (status: string) => review.drafts.filter((d) => d.status === status).length;
    return {
      id: row.id,
      title: row.title,
      publisher: row.publisher,
      published: row.published,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      drafts: review.drafts.length,
      pending: count("pending"),
      accepted: count("accepted"),
    };
  });
}
