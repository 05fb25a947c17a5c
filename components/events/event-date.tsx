import { formatStoredDate, partialDateFromStored } from "@/lib/dates/partial-date";

/** A date at its precision: "2019", "Dec 2020", "14 Dec 2020", machine-readable in <time>. */
export function EventDate({
  precision,
  start,
  style = "short",
}: {
  precision: string;
  start: string;
  style?: "short" | "long";
}) {
  const date = partialDateFromStored(precision, start);
  return (
    <time className="event-date" dateTime={date.value}>
      {formatStoredDate(precision, start, style)}
    </time>
  );
}
