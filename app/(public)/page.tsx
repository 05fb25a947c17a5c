import type { Metadata } from "next";
import Link from "next/link";
import { ActivityChart } from "@/components/timeline/activity-chart";
import { FilterDisclosure } from "@/components/timeline/filter-disclosure";
import { FACETS, FilterPanel } from "@/components/timeline/filter-panel";
import { LoadMore } from "@/components/timeline/load-more";
import { monthKeyOf } from "@/lib/timeline/group";
import { ExportLink } from "@/components/timeline/export-link";
import { FollowAlternates, FollowLinks } from "@/components/timeline/follow-links";
import { Timeline } from "@/components/timeline/timeline";
import { hasActiveFilters } from "@/lib/timeline/filters";
import { activeFilters, narrowToPeriod, timelineHref } from "@/lib/timeline/links";
import { loadTimelinePage, searchOf } from "@/lib/timeline/page-data";
import { FilterProblems } from "@/components/timeline/filter-problems";
import { EmbedThisView } from "@/components/embed/embed-this-view";
import { currentOrigin, oembedDiscovery } from "@/lib/embed/discovery";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const data = await loadTimelinePage(searchOf(await searchParams));
  const origin = await currentOrigin();
  return {
    title: hasActiveFilters(data.filters) ? data.summary : `Timeline · ${data.summary}`,
    alternates: { types: oembedDiscovery(origin, data.query ? `/?${data.query}` : "/", data.summary) },
  };
}

export default async function TimelinePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const data = await loadTimelinePage(searchOf(params));
  const { filters, view, query } = data;
  const lastEvent = view.events.at(-1);
  const active = activeFilters(filters, data.labelFor);
  const firstOf = (name: string) => ([] as string[]).concat(params[name] ?? [])[0] ?? "";

  return (
    <div className="timeline-page">
      <div className="page-heading">
        <h1>Timeline</h1>
        <p className="summary-line" role="status">
          {data.summary}
          {data.continued ? " · continued" : null}
        </p>
        {view.total > 0 ? <ExportLink query={new URLSearchParams(query)} total={view.total} /> : null}
        <EmbedThisView origin={await currentOrigin()} target={{ kind: "timeline", query }} title={data.summary} />
        <FollowLinks query={query} />
        <FollowAlternates query={query} title={`Demarche: ${data.summary}`} />
        <p className="pattern-links">
          <Link href={query ? `/chains?${query}` : "/chains"}>Escalation chains</Link> ·{" "}
          <Link href={query ? `/matrix?${query}` : "/matrix"}>Who does what to whom (matrix)</Link> ·{" "}
          <Link href={query ? `/map?${query}` : "/map"}>Map of states</Link>
        </p>
        {data.badCursor ? (
          <p className="notice" role="status">
            The page position in this link is not valid; showing the first page.
          </p>
        ) : null}
        <FilterProblems problems={data.problems} />
        {active.length > 0 ? (
          <ul className="active-filters" aria-label="Active filters">
            {active.map((f) => (
              <li key={`${f.param}-${f.value}`}>
                <Link href={f.href} className="chip" scroll={false}>
                  {f.label}
                  <span aria-hidden="true"> ×</span>
                  <span className="visually-hidden"> (remove this filter)</span>
                </Link>
              </li>
            ))}
            <li>
              <Link href={timelineHref({ ...filters, ...CLEARED, sort: filters.sort })} className="chip chip--clear" scroll={false}>
                Clear all filters
              </Link>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="timeline-layout">
        <aside className="timeline-layout__filters" aria-label="Filters">
          <FilterDisclosure label={active.length > 0 ? `Filters (${active.length} active)` : "Filters"}>
            <FilterPanel
              filters={filters}
              rawDates={{ from: firstOf("from"), to: firstOf("to") }}
              facets={view.facets}
              query={query}
              expanded={FACETS.find((f) => f.name === firstOf("more"))?.name ?? null}
            />
          </FilterDisclosure>
        </aside>
        <div className="timeline-layout__main">
          <ActivityChart
            unit={view.chart.unit}
            buckets={view.chart.buckets}
            hrefFor={(period) => timelineHref(narrowToPeriod(filters, period))}
          />
          {view.events.length === 0 ? (
            <div className="empty">
              {hasActiveFilters(filters) ? (
                <>
                  <p>
                    No published event matches all of these filters together
                    {active.length > 1 ? "; removing one of them above may help." : "."}
                  </p>
                  <p>
                    <Link href="/">Clear all filters</Link>
                  </p>
                </>
              ) : data.continued ? (
                <p>
                  There are no events after this point. <Link href={timelineHref(filters)}>Back to the first page</Link>
                </p>
              ) : (
                <p>No events have been published yet.</p>
              )}
            </div>
          ) : (
            <Timeline events={view.events} />
          )}
          <LoadMore
            key={`${query}|${view.nextCursor ?? ""}`}
            href={view.nextCursor ? timelineHref(filters, { cursor: view.nextCursor }) : null}
            lastKey={lastEvent ? monthKeyOf(lastEvent) : null}
          />
        </div>
      </div>
    </div>
  );
}

const CLEARED = { q: "", words: [], from: null, to: null, types: [], actors: [], initiators: [], targets: [], tags: [], bases: [] };
