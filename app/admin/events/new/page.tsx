import Link from "next/link";
import { EventForm } from "@/components/admin/event-form";
import { requireEditor } from "@/lib/auth/current-user";
import { newSubmissionKey } from "@/lib/events/create-once";
import { emptyEventFormValues } from "@/lib/events/form";
import { parseEventId } from "@/lib/events/route-params";

export const dynamic = "force-dynamic";
export const metadata = { title: "New event" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewEventPage({ searchParams }: { searchParams: SearchParams }) {
  await requireEditor("/admin/events/new");
  const params = await searchParams;
  const saved = typeof params.saved === "string" ? parseEventId(params.saved) : null;
  return (
    <>
      <h1>New event</h1>
      {saved ? (
        <p className="notice notice--ok" role="status">
          Saved. <Link href={`/admin/events/${saved}/edit`}>Open the event you just saved</Link>, or add the next one below.
        </p>
      ) : null}
      {/* Keyed by the last save so "Save and add another" starts from an empty form. */}
      <EventForm key={saved ?? "new"} initial={{ ...emptyEventFormValues(), submissionKey: newSubmissionKey() }} />
    </>
  );
}
