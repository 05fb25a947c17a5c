import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/admin/notice";
import { DraftRow } from "@/components/intake/draft-row";
import { requireEditor } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db";
import { formatDateText } from "@/lib/dates/partial-date";
import { reviewIntakeAction } from "@/lib/intake/actions";
import { findIntake } from "@/lib/intake/store";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review drafts" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function IntakeReviewPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  await requireEditor(`/admin/intake/${id}`);
  const query = await searchParams;
  const found = await findIntake(prisma, id);
  if (found.status === "missing") notFound();
  if (found.status === "expired") {
    return (
      <>
        <div className="page-heading">
          <h1>This review has expired</h1>
        </div>
        <p className="notice" role="alert">
          Drafts are kept for a day; this article&apos;s were removed, and nothing that was not accepted was recorded.
        </p>
        <p>
          <Link href="/admin/intake">Paste the article again</Link>
        </p>
      </>
    );
  }
  const { intake } = found;
  const { review } = intake;
  const pending = review.drafts.filter((d) => d.status === "pending").length;
  const accepted = review.drafts.filter((d) => d.status === "accepted").length;
  return (
    <>
      <div className="page-heading">
        <h1>Review drafts</h1>
        <p>
          {intake.title ? <>“{intake.title}”, </> : null}
          {intake.publisher ? <>{intake.publisher}, </> : null}
          published {formatDateText(intake.published, "long")}
          {intake.url ? (
            <>
              {" "}
              (
              <a href={intake.url} rel="noreferrer noopener">
                the article
              </a>
              )
            </>
          ) : null}
          . {review.drafts.length} {review.drafts.length === 1 ? "draft" : "drafts"}: {pending} to review, {accepted} accepted. Kept until{" "}
          {dateTime.format(intake.expiresAt)} UTC.
        </p>
        <p>
          <Link href="/admin/intake">Paste another article</Link>
        </p>
      </div>
      <Notice code={query.notice === "stale" ? "intake-stale" : query.notice} />
      {review.message ? (
        <p className={review.messageKind === "success" ? "notice notice--ok" : "notice"} role={review.messageKind === "success" ? "status" : "alert"}>
          {review.message}
        </p>
      ) : null}
      {review.drafts.length === 0 ? (
        <p>The drafter found no dated event in this article. Nothing was recorded.</p>
      ) : (
        // Remounted on every step, so the fields show exactly what the server kept.
        <form action={reviewIntakeAction} noValidate className="intake-review" key={`${intake.version}-${review.round}`}>
          <input type="hidden" name="intakeId" value={intake.id} />
          <input type="hidden" name="version" value={intake.version} />
          <noscript>
            <p className="notice">
              Adding actors, tags and related events needs JavaScript. Every other field, the suggested links and
              the buttons work without it.
            </p>
          </noscript>
          <div className="intake-review__bar">
            {/* First in the form, so Enter in a text field keeps the changes rather than accepting anything. */}
            <button type="submit" name="intent" value="save" className="button--secondary">
              Keep my changes
            </button>
            <label className="checkbox">
              <input type="checkbox" name="publish" value="1" /> Publish accepted events at once (otherwise they are saved as drafts)
            </label>
            <button type="submit" name="intent" value="accept-checked" disabled={pending === 0}>
              Accept all checked
            </button>
          </div>
          {review.drafts.map((entry, index) => {
            const draft = intake.drafts[index];
            return draft ? <DraftRow key={index} index={index} draft={draft} review={entry} drafts={intake.drafts} reviews={review.drafts} /> : null;
          })}
        </form>
      )}
    </>
  );
}
