import { EventCard } from "@/components/events/event-card";
import type { EventCardRow } from "@/lib/events/queries";
import { groupByYearAndMonth } from "@/lib/timeline/group";

/** Events grouped by year and month with sticky headings along a vertical axis. */
export function Timeline({ events }: { events: readonly EventCardRow[] }) {
  const years = groupByYearAndMonth(events);
  return (
    <div className="timeline">
      {years.map((year) => (
        <section key={year.year} className="timeline__year" aria-labelledby={`year-${year.year}`}>
          <h2 id={`year-${year.year}`} className="timeline__year-heading">
            {year.year}
          </h2>
          {year.months.map((month) => (
            <section key={month.key} className="timeline__month" aria-labelledby={`month-${month.key}`}>
              <h3 id={`month-${month.key}`} className="timeline__month-heading">
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
