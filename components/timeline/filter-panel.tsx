import { FilterForm } from "@/components/timeline/filter-form";
import type { FacetName, FacetOption, TimelineFacets } from "@/lib/timeline/view";
import { flagEmoji } from "@/lib/text/flag";
import type { TimelineFilters } from "@/lib/timeline/filters";

/** Options shown before "N more"; the rest are one link (`?more=<facet>`) away and not sent until then. */
const VISIBLE_OPTIONS = 6;

export const FACETS: { name: FacetName; legend: string }[] = [
  { name: "type", legend: "Type" },
  { name: "initiator", legend: "Initiator" },
  { name: "target", legend: "Target" },
  { name: "actor", legend: "Any participant" },
  { name: "tag", legend: "Tag" },
  { name: "basis", legend: "Legal basis" },
];

function Option({ name, option }: { name: FacetName; option: FacetOption }) {
  return (
    <li>
      <label className="facet__option">
        <input type="checkbox" name={name} value={option.value} defaultChecked={option.selected} />
        <span className="facet__label">
          {option.isoCode ? (
            <span aria-hidden="true" className="actor__flag">
              {flagEmoji(option.isoCode)}
            </span>
          ) : null}
          {option.label}
        </span>
        <span className="facet__count">
          <span className="visually-hidden">, </span>
          {option.count.toLocaleString("en-GB")}
          <span className="visually-hidden">{option.count === 1 ? " event" : " events"}</span>
        </span>
      </label>
    </li>
  );
}

/**
 * The filters as a GET form: search, dates, sort and one fieldset per facet, each option
 * with its count under the other active filters.
 */
export function FilterPanel({ filters, rawDates, facets, query, expanded }: {
  filters: TimelineFilters;
  /** from/to as typed, so a rejected value can be corrected rather than retyped. */
  rawDates: { from: string; to: string };
  facets: TimelineFacets;
  query: string;
  /** The facet whose options beyond the first few are shown (`?more=<facet>`), if any. */
  expanded: FacetName | null;
}) {
  const base = query ? `/?${query}` : "/";
  const moreHref = (name: FacetName) => `/?${new URLSearchParams([...new URLSearchParams(query), ["more", name]]).toString()}`;
  return (
    <FilterForm query={query}>
      <div className="filters__field">
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" type="search" name="q" defaultValue={filters.q} autoComplete="off" />
      </div>
      <fieldset className="filters__dates">
        <legend>Dates</legend>
        <p className="filters__hint" id="date-hint">
          Year, month or day: 2021, 2021-04 or 2021-04-15
        </p>
        <div className="filters__field">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" name="from" defaultValue={rawDates.from} inputMode="numeric" aria-describedby="date-hint" />
        </div>
        <div className="filters__field">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" name="to" defaultValue={rawDates.to} inputMode="numeric" aria-describedby="date-hint" />
        </div>
      </fieldset>
      <div className="filters__field">
        <label htmlFor="filter-sort">Order</label>
        <select id="filter-sort" name="sort" defaultValue={filters.sort}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
      {FACETS.map(({ name, legend }) => {
        const options = facets[name];
        if (options.length === 0) return null;
        const visible = options.filter((o, i) => i < VISIBLE_OPTIONS || o.selected);
        const more = options.filter((o, i) => i >= VISIBLE_OPTIONS && !o.selected);
        return (
          <fieldset key={name} className="facet" id={`facet-${name}`}>
            <legend>{legend}</legend>
            <ul className="facet__options">
              {visible.map((option) => (
                <Option key={option.value} name={name} option={option} />
              ))}
            </ul>
            {more.length > 0 && expanded === name ? (
              <ul className="facet__options" id={`facet-${name}-more`}>
                {more.map((option) => (
                  <Option key={option.value} name={name} option={option} />
                ))}
              </ul>
            ) : null}
            {more.length > 0 ? (
              <p className="facet__more">
                {/* A link, not folded markup: the rest of a facet (hundreds of actors at scale) is sent only when asked for. */}
                <a href={expanded === name ? `${base}#facet-${name}` : `${moreHref(name)}#facet-${name}`}>
                  {expanded === name ? "Fewer" : `${more.length} more`}{" "}
                  <span className="visually-hidden">{legend.toLowerCase()} options</span>
                </a>
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <button type="submit">Apply filters</button>
    </FilterForm>
  );
}
