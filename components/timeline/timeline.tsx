import { EventCard } from "@/components/events/event-card";
import type { EventCardRow } from "@/lib/events/queries";
import { groupByYearAndMonth } from "@/lib/timeline/group";

/**
 * Events grouped by year and month with sticky headings along a vertical axis. Pages loaded
 * later pass their own idPrefix so heading ids stay unique on the page.
 */
export function Timeline({ events, idPrefix = "" }: { events: readonly EventCardRow[]; idPrefix?: string }) {
  const years = groupByYearAndMonth(events);
  return (
    <div className="timeline">
      {years.map((year) => (
        <section key={year.year} className="timeline__year" aria-labelledby={`${idPrefix}year-${year.year}`}>
          <h2 id={`${idPrefix}year-${year.year}`} className="timeline__year-heading">
            {year.year}
          </h2>
          {year.months.map((month) => (
            <section key={month.key} className="timeline__month" aria-labelledby={`${idPrefix}month-${month.key}`}>
              <h3 id={`${idPrefix}month-${month.key}`} className="timeline__month-heading">
                {month.label}
              </h3>
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
