"use client";

import { ErrorMessage } from "@/components/errors/error-message";

/** An editors' screen failed: the editors' navigation stays, the event list is one click away. */
export default function AdminErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorMessage
      error={error}
      reset={reset}
      what="This screen could not be shown. Nothing was saved by showing it."
      back={{ href: "/admin", label: "go back to the events" }}
    />
  );
}
