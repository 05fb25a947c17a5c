import { scaleLinear } from "d3-scale";
import { formatPartialDate, parsePartialDate } from "@/lib/dates/partial-date";
import { EVENT_TYPES } from "@/lib/events/vocabulary";
import type { ChartBucket } from "@/lib/timeline/facet-index";

type Props = {
  unit: "month" | "year";
  buckets: readonly ChartBucket[];
  /** Link narrowing the timeline to a bucket's period ("2021-04" or "2021"). */
  hrefFor: (period: string) => string;
};

const HEIGHT = 120;
const BAR = 16;
const GAP = 4;
/** Each bar keeps at least this many CSS pixels (bar and gap), so it stays a tap target on a phone; the chart scrolls inside its box instead. */
const MIN_SLOT_PX = 28;

const round = (v: number) => Math.round(v * 100) / 100;

function periodLabel(key: string, style: "short" | "long" = "long"): string {
  const date = parsePartialDate(key);
  return date ? formatPartialDate(date, style) : key;
}

/**
 * Events per month (or year) as stacked bars coloured by type, rendered on the server.
 * Every bar is a link narrowing the dates to its period, named in words ("April 2021: 12
 * events"); the same figures are in a table for screen readers, and the legend names each
 * colour, so colour is never the only carrier of meaning.
 */
export function ActivityChart({ unit, buckets, hrefFor }: Props) {
  if (buckets.length === 0) return null;
  // A count scale with round ticks ("0, 5, 10"), so bar heights can be read as numbers.
  const scale = scaleLinear()
    .domain([0, Math.max(...buckets.map((b) => b.total), 1)])
    .range([0, HEIGHT - 4])
    .nice(3);
  const ticks = scale.ticks(3).filter((t) => Number.isInteger(t));
  const top = scale.domain()[1] ?? 1;
  const width = buckets.length * (BAR + GAP);
  const present = EVENT_TYPES.map((type, t) => ({ type, t })).filter(({ t }) => buckets.some((b) => (b.byType[t] ?? 0) > 0));
  const paths = present.map(() => "");
  buckets.forEach((bucket, i) => {
    const x = i * (BAR + GAP);
    let y = HEIGHT;
    present.forEach(({ t }, p) => {
      const count = bucket.byType[t] ?? 0;
      if (count === 0) return;
      const h = Math.max(scale(count), 1);
      y -= h;
      paths[p] += `M${x} ${round(y)}h${BAR}v${round(h)}h-${BAR}z`;
    });
  });
  const segments = present.map(({ type }, p) => ({ slug: type.slug, color: type.color, d: paths[p] ?? "" })).filter((s) => s.d);
  const first = buckets[0]?.key ?? "";
  const last = buckets.at(-1)?.key ?? "";
  const caption = `Events per ${unit}, ${periodLabel(first, "short")}${first === last ? "" : ` – ${periodLabel(last, "short")}`}, by type`;
  return (
    <figure className="activity-chart" aria-labelledby="activity-chart-caption">
      <figcaption id="activity-chart-caption" className="activity-chart__caption">
        {caption}. Select a bar to show only that {unit}.
      </figcaption>
      <div className="activity-chart__plot">
      <div className="activity-chart__scale" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ bottom: `${(t / top) * 100 * ((HEIGHT - 4) / HEIGHT)}%` }}>
            {t.toLocaleString("en-GB")}
          </span>
        ))}
      </div>
      <div className="activity-chart__scroll">
        <svg
          className="activity-chart__svg"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          // Bars stretch to the figure's width; there is no text inside to distort.
          preserveAspectRatio="none"
          width="100%"
          height={HEIGHT}
          style={{ minWidth: `${buckets.length * MIN_SLOT_PX}px` }}
          role="group"
          aria-label={caption}
        >
          {ticks
            .filter((t) => t > 0)
            .map((t) => (
              <line key={t} x1={0} x2={width} y1={HEIGHT - scale(t)} y2={HEIGHT - scale(t)} className="activity-chart__grid" />
            ))}
          <line x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="activity-chart__axis" />
          {buckets.map((bucket, i) => {
            const name = `${periodLabel(bucket.key)}: ${bucket.total.toLocaleString("en-GB")} ${bucket.total === 1 ? "event" : "events"}`;
            return (
              <a key={bucket.key} href={hrefFor(bucket.key)} aria-label={name} className="activity-chart__bar">
                <title>{name}</title>
                <rect x={i * (BAR + GAP)} y={0} width={BAR} height={HEIGHT} className="activity-chart__hit" />
              </a>
            );
          })}
          {/* One path per type for every bar's segment of that type, not a rect per bar and type (the chart is sent twice, as HTML and in the RSC payload); drawn over the links' hit areas, which take the pointer. */}
          {segments.map(({ slug, color, d }) => (
            <path key={slug} d={d} fill={color} pointerEvents="none" />
          ))}
        </svg>
      </div>
      </div>
      <p className="activity-chart__range" aria-hidden="true">
        <span>{periodLabel(first, "short")}</span>
        <span>{periodLabel(last, "short")}</span>
      </p>
      <ul className="activity-chart__legend" aria-label="Colours">
        {present.map(({ type }) => (
          <li key={type.slug}>
            <span className="activity-chart__swatch" style={{ background: type.color }} aria-hidden="true" />
            {type.label}
          </li>
        ))}
      </ul>
      {/* Tables ignore a 1px width, so the hidden wrapper is a block. */}
      <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{unit === "month" ? "Month" : "Year"}</th>
            <th scope="col">All events</th>
            {present.map(({ type }) => (
              <th key={type.slug} scope="col">
                {type.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.key}>
              <th scope="row">{periodLabel(bucket.key)}</th>
              <td>{bucket.total}</td>
              {present.map(({ type, t }) => (
                <td key={type.slug}>{bucket.byType[t] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
