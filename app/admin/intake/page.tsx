import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/admin/notice";
import { PasteForm } from "@/components/intake/paste-form";
import { requireEditor } from "@/lib/auth/current-user";
import { listOpenIntakes, removeExpiredIntakes } from "@/lib/intake/store";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Draft events from an article" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function IntakePage({ searchParams }: { searchParams: SearchParams }) {
  await requireEditor("/admin/intake");
  const params = await searchParams;
  await removeExpiredIntakes(prisma);
  const open = await listOpenIntakes(prisma);
  return (
    <>
      <div className="page-heading">
        <h1>Draft events from an article</h1>
        <p>
          Paste a news article: Demarche drafts the dated events it reports, with the sentence each one comes from.
          You review every draft and accept, correct or discard it; nothing is recorded before you accept. A review in
          progress is kept for a day.
        </p>
        <p>
          <Link href="/admin/intake/accuracy">How often editors change the drafts</Link>
        </p>
      </div>
      <Notice code={params.notice} />
      <PasteForm />
      {open.length > 0 ? (
        <section aria-labelledby="open-intakes" className="intake-open">
          <h2 id="open-intakes">Reviews in progress</h2>
          <ul>
            {open.map((intake) => (
              <li key={intake.id}>
                <Link href={`/admin/intake/${intake.id}`}>{intake.title ?? intake.publisher ?? `Article of ${intake.published}`}</Link>{" "}
                <span className="note">
                  published {intake.published}; {intake.pending} of {intake.drafts} drafts to review, {intake.accepted} accepted; kept
                  until {dateTime.format(intake.expiresAt)} UTC
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
