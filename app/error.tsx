"use client";

import { ErrorMessage } from "@/components/errors/error-message";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage error={error} reset={reset} what="The page could not be shown." back={{ href: "/", label: "go back to the timeline" }} />;
}
