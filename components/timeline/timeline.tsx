import { EventCard } from "@/components/events/event-card";
import type { EventCardRow } from "@/lib/events/queries";
import { groupByYearAndMonth } from "@/lib/timeline/group";

/**
 * Events grouped by year and month with sticky headings along a vertical axis. Pages loaded
 * later pass their own idPrefix so heading ids stay unique on the page.
 */
export function Timeline({
  events,
  idPrefix = "",
  after = null,
}: {
  events: readonly EventCardRow[];
  idPrefix?: string;
  /** The month key the previous page ended in: its year and month headings are not repeated. */
  after?: string | null;
}) {
  const years = groupByYearAndMonth(events, after);
  return (
    <div className="timeline">
      {years.map((year) => (
        <section
          key={year.year}
          className="timeline__year"
          aria-labelledby={year.continued ? undefined : `${idPrefix}year-${year.year}`}
        >
          {year.continued ? null : (
            <h2 id={`${idPrefix}year-${year.year}`} className="timeline__year-heading">
              {year.year}
            </h2>
          )}
          {year.months.map((month) => (
            <section
              key={month.key}
              className="timeline__month"
              aria-labelledby={month.continued ? undefined : `${idPrefix}month-${month.key}`}
            >
              {month.continued ? null : (
                <h3 id={`${idPrefix}month-${month.key}`} className="timeline__month-heading">
                  {month.label}
                </h3>
              )}
              <ol className="timeline__events">
                {month.items.map((event) => (
                  <li key={event.id} className="timeline__item">
                    <EventCard event={event} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
